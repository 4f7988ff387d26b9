import type { Access } from '../../../core/authz/index.ts';
import type { FiguresQuery, GraduateListQuery, GraduateRow } from '../../../contracts/graduates.ts';
import type { Db } from '../../platform/db/engine.ts';
import { exportListPages, type ExportColumn } from '../../platform/exports/paged.ts';
import { streamWorkbook } from '../../platform/exports/xlsx-stream.ts';
import { listGraduates } from '../repository/destinations.ts';
import { graduateFigures } from '../repository/figures.ts';

/** The graduates list and the figures' breakdown as .xlsx: what the pages show, ID numbers masked. */
const CONFIRMATION: Record<string, string> = { none: '', pending: '待单位确认', confirmed: '单位已确认', denied: '单位否认' };
const LOCATED = new Set(['employed', 'selfEmployed', 'flexible', 'furtherStudy']);

const graduateColumns: ExportColumn<GraduateRow>[] = [
  { header: '姓名', value: (g) => g.name },
  { header: '身份证号（脱敏）', width: 22, value: (g) => g.idNumberMasked },
  { header: '学校', width: 28, value: (g) => g.schoolName },
  { header: '专业代码', value: (g) => g.majorCode },
  { header: '专业', width: 20, value: (g) => g.majorName },
  { header: '毕业年份', value: (g) => g.graduationYear },
  { header: '去向代码', value: (g) => g.destination?.categoryCode ?? '未登记' },
  { header: '毕业去向', width: 20, value: (g) => g.destination?.categoryName ?? '' },
  { header: '单位或学校', width: 28, value: (g) => g.destination?.studySchool ?? g.destination?.employerName ?? '' },
  { header: '行业', width: 20, value: (g) => g.destination?.industryName ?? '' },
  {
    header: '地点',
    value: (g) => (g.destination && LOCATED.has(g.destination.categoryGroup) ? (g.destination.districtName ?? '郑州市外') : ''),
  },
  { header: '单位确认', value: (g) => CONFIRMATION[g.destination?.confirmation ?? 'none'] },
  { header: '学生更正', value: (g) => (g.destination?.correction ? '待核实' : '') },
];

export const exportGraduates = (db: Db, access: Access, q: Omit<GraduateListQuery, 'page' | 'pageSize'>) =>
  exportListPages('毕业生去向', graduateColumns, (p) => listGraduates(db, access, { ...q, ...p }), { ...q, page: 1, pageSize: 200 });

export function exportFigures(db: Db, access: Access, q: FiguresQuery) {
  const by = { school: '学校', major: '专业', district: '区县', cluster: '产业集群' }[q.by];
  return streamWorkbook(
    '留郑率与中职升学率',
    [
      { header: by, width: 28 },
      { header: '毕业年份' },
      { header: '留郑人数' },
      { header: '已落实去向人数' },
      { header: '留郑率(%)' },
      { header: '升学人数' },
      { header: '中职毕业生人数' },
      { header: '中职升学率(%)' },
    ],
    async (add) => {
      const f = await graduateFigures(db, access, q);
      for (const r of f.rows)
        add([
          r.name,
          f.graduationYear,
          r.retention.numerator,
          r.retention.denominator,
          r.retention.value,
          r.progression.numerator,
          r.progression.denominator,
          r.progression.value,
        ]);
      add([
        '合计',
        f.graduationYear,
        f.retention.numerator,
        f.retention.denominator,
        f.retention.value,
        f.progression.numerator,
        f.progression.denominator,
        f.progression.value,
      ]);
    },
  );
}

import type { Access } from '../../../core/authz/index.ts';
import type { DeclarationListQuery, FundingDeclaration } from '../../../contracts/funding.ts';
import type { Db } from '../../platform/db/engine.ts';
import { exportListPages, type ExportColumn } from '../../platform/exports/paged.ts';
import { listDeclarations } from '../repository/declarations.ts';

/** The year's declarations with their standing as .xlsx: what the list shows, below-threshold schools first. */
const GROUP: Record<string, string> = { higher: '公办高职', secondary: '公办中职' };

const columns: ExportColumn<FundingDeclaration>[] = [
  { header: '学校', width: 28, value: (d) => d.schoolName },
  { header: '所在区域', width: 16, value: (d) => d.districtName ?? '' },
  { header: '类别', value: (d) => (d.group ? GROUP[d.group]! : '不计入') },
  { header: '年度', value: (d) => d.year },
  { header: '财政拨款总额（元）', width: 18, value: (d) => d.appropriationYuan },
  { header: '在校生数', value: (d) => d.students },
  { header: '生均财政拨款（元）', width: 18, value: (d) => d.perStudentYuan },
  { header: '比较标准（元）', width: 16, value: (d) => d.thresholdYuan ?? '' },
  { header: '达标情况', width: 18, value: (d) => d.standingLabel },
  { header: '更新时间', width: 18, value: (d) => d.updatedAt },
];

export const exportDeclarations = (db: Db, access: Access, q: Omit<DeclarationListQuery, 'page' | 'pageSize'>, now: Date) =>
  exportListPages('生均财政拨款', columns, (p) => listDeclarations(db, access, { ...q, ...p }, now), { ...q, page: 1, pageSize: 200 });

import { todayOf } from '../../../core/calendar.ts';
import ExcelJS from 'exceljs';
import { overdue, roleInTask } from '../../../core/supervision/index.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Db } from '../../platform/db/engine.ts';
import type { PdfBlock, PdfDocumentSpec } from '../../platform/pdf/a4-document.ts';
import { reportsForExport } from '../repository/supervision.ts';
import { buildLeague } from './league.ts';
import { loadSupervision } from './world.ts';

/**
 * Supervision exports: the reports with their ratings, what is overdue and the league table, as an .xlsx
 * workbook (three sheets) and as an A4 PDF. The data is small (thousands of rows), so the
 * workbook is built in memory.
 */
async function gather(db: Db, now: Date, period?: string) {
  const world = await loadSupervision(db, now);
  const league = await buildLeague(db, now, period, world);
  const periods = period ? world.periods.filter((p) => p.key === period) : world.periods;
  const reports = await reportsForExport(
    db,
    periods.map((p) => p.key),
  );
  const late = overdue(world.slots, periods, world.index, world.today);
  const orgName = new Map(world.orgs.map((o) => [o.id, o.name]));
  return { world, league, periods, reports, late, orgName };
}

const ROLE = { lead: '牵头', co: '配合' } as const;
const taskText = (no: number) => currentPlan.tasks[no - 1]?.text ?? '';
const cst = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function supervisionWorkbook(db: Db, now: Date, period?: string): Promise<Buffer> {
  const { league, reports, late, orgName } = await gather(db, now, period);
  const wb = new ExcelJS.Workbook();
  wb.creator = '产教 Chanjiao';
  const sheet = (name: string, columns: Array<[string, number]>) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    return ws;
  };
  const r = sheet('进展报告', [
    ['期次', 10],
    ['任务序号', 8],
    ['工作任务', 50],
    ['报送单位', 24],
    ['职责', 6],
    ['报送时间', 18],
    ['逾期报送', 8],
    ['状态', 8],
    ['评分', 6],
    ['评语', 30],
    ['数据项', 40],
    ['进展说明', 60],
  ]);
  for (const x of reports) {
    const task = currentPlan.tasks[x.taskNo - 1];
    r.addRow([
      x.period,
      x.taskNo,
      taskText(x.taskNo),
      x.organisationName,
      task ? ROLE[roleInTask(task, x.unitCode) ?? 'co'] : '',
      cst(x.submittedAt),
      x.late ? '是' : '否',
      x.status === 'rated' ? '已评分' : '待评分',
      x.score,
      x.ratingComment,
      x.figures.map((f) => `${f.label}：${f.value}${f.unit ?? (f.kind === 'share' ? '%' : '')}`).join('；'),
      x.text,
    ]);
  }
  const o = sheet('逾期未报', [
    ['期次', 10],
    ['截止日期', 12],
    ['任务序号', 8],
    ['工作任务', 50],
    ['责任单位', 24],
  ]);
  for (const l of late)
    o.addRow([l.period.key, l.period.due, l.slot.taskNo, taskText(l.slot.taskNo), orgName.get(l.slot.organisationId) ?? '']);
  const g = sheet('区县排名', [
    ['名次', 6],
    ['区县(市)/开发区', 24],
    ['综合得分', 10],
    ['按时报送率', 10],
    ['报告质量', 10],
    ['指标达成', 10],
    ['应报', 6],
    ['按时', 6],
    ['已评分', 6],
  ]);
  for (const x of league.items) g.addRow([x.rank, x.name, x.total, x.timeliness, x.quality, x.indicators, x.dueSlots, x.onTime, x.rated]);
  g.addRow([]);
  g.addRow([
    `权重：按时报送率${league.weights.timeliness}，报告质量${league.weights.quality}，指标达成${league.weights.indicators}（${currentPlan.document} ${league.article}）`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(1));
/** The overdue list prints its first rows; the workbook holds them all. */
const LATE_ROWS_PRINTED = 500;

/** The supervision report as an A4 document: the district league, the task list's progress, what is overdue. */
export async function supervisionDocument(db: Db, now: Date, period?: string): Promise<PdfDocumentSpec> {
  const { world, league, periods, reports, late, orgName } = await gather(db, now, period);
  const today = todayOf(now);
  const scopeLabel = period ? periods[0]!.label : `${periods[0]?.label ?? ''}至${periods.at(-1)?.label ?? ''}`;
  const taskRows = currentPlan.tasks.map((t) => {
    const mine = reports.filter((r) => r.taskNo === t.no);
    const rated = mine.filter((r) => r.score !== null);
    const avg = rated.length ? rated.reduce((a, r) => a + r.score!, 0) / rated.length : null;
    const owed = world.slots.filter((s) => s.taskNo === t.no).length * periods.length;
    const missing = late.filter((l) => l.slot.taskNo === t.no).length;
    const lead = currentPlan.units.find((u) => u.code === t.leadUnit)?.name ?? '';
    return [String(t.no), t.text, lead, `${mine.length}/${owed}`, String(missing), fmt(avg)];
  });
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '一、区县(市)、开发区督导考核排名' },
    {
      kind: 'paragraph',
      text: `依据${currentPlan.document} ${league.article}。综合得分 = 按时报送率×${league.weights.timeliness} + 报告质量×${league.weights.quality} + 指标达成×${league.weights.indicators}（暂无数据的项按比例分配权重）。`,
    },
    {
      kind: 'table',
      table: {
        caption: '区县督导考核排名',
        dataDate: today,
        columns: [
          { title: '名次', width: 0.6 },
          { title: '区域', width: 2 },
          { title: '综合得分' },
          { title: '按时报送率' },
          { title: '报告质量' },
          { title: '指标达成' },
          { title: '按时/应报' },
        ],
        rows: league.items.map((x) => [
          String(x.rank),
          x.name,
          fmt(x.total),
          fmt(x.timeliness),
          fmt(x.quality),
          fmt(x.indicators),
          `${x.onTime}/${x.dueSlots}`,
        ]),
      },
    },
    { kind: 'heading', text: '二、任务清单落实情况' },
    {
      kind: 'table',
      table: {
        caption: '任务清单落实情况',
        dataDate: today,
        columns: [
          { title: '序号', width: 0.6 },
          { title: '工作任务', width: 4 },
          { title: '牵头单位', width: 1.5 },
          { title: '已报/应报' },
          { title: '逾期未报' },
          { title: '平均评分' },
        ],
        rows: taskRows,
      },
    },
    { kind: 'heading', text: '三、逾期未报送清单' },
    {
      kind: 'table',
      table: {
        caption: '逾期未报送清单',
        dataDate: today,
        columns: [{ title: '期次' }, { title: '截止日期' }, { title: '任务序号', width: 0.7 }, { title: '责任单位', width: 2.5 }],
        rows: late
          .slice(0, LATE_ROWS_PRINTED)
          .map((l) => [l.period.label, l.period.due, String(l.slot.taskNo), orgName.get(l.slot.organisationId) ?? '']),
        empty: '无逾期未报送的报告。',
      },
    },
  ];
  if (late.length > LATE_ROWS_PRINTED) blocks.push({ kind: 'paragraph', text: `另有${late.length - LATE_ROWS_PRINTED}条，见导出的表格。` });
  return {
    title: `${currentPlan.title}任务落实督导报告`,
    subtitle: `${currentPlan.document} · 期次：${scopeLabel}`,
    issuer: '郑州市教育局',
    issuedOn: today,
    generatedAt: now,
    blocks,
  };
}

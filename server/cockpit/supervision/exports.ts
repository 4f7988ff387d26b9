import { todayOf } from '../../../core/calendar.ts';
import ExcelJS from 'exceljs';
import { overdue, roleInTask } from '../../../core/supervision/index.ts';
import type { League } from '../../../contracts/supervision.ts';
import { currentPlan } from '../../../policy/index.ts';
import type { Db } from '../../platform/db/engine.ts';
import { reportsForExport } from '../repository/supervision.ts';
import { buildLeague } from './league.ts';
import { loadSupervision } from './world.ts';

/**
 * Supervision exports: the reports with their ratings, what is overdue and the league table, as an .xlsx
 * workbook (three sheets) and as a printable HTML page. The data is small (thousands of rows), so the
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

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(1));

function leagueHtml(league: League) {
  return league.items
    .map(
      (x) =>
        `<tr><td>${x.rank}</td><td>${esc(x.name)}</td><td>${fmt(x.total)}</td><td>${fmt(x.timeliness)}</td><td>${fmt(x.quality)}</td><td>${fmt(x.indicators)}</td><td>${x.onTime}/${x.dueSlots}</td></tr>`,
    )
    .join('');
}

/** A self-contained page for printing or saving as PDF from the browser (A4, no scripts, no external assets). */
export async function supervisionPrintPage(db: Db, now: Date, period?: string): Promise<string> {
  const { world, league, periods, reports, late, orgName } = await gather(db, now, period);
  const title = `${currentPlan.title}任务落实督导报告`;
  const scopeLabel = period ? periods[0]!.label : `${periods[0]?.label ?? ''}至${periods.at(-1)?.label ?? ''}`;
  const taskRows = currentPlan.tasks
    .map((t) => {
      const mine = reports.filter((r) => r.taskNo === t.no);
      const rated = mine.filter((r) => r.score !== null);
      const avg = rated.length ? rated.reduce((a, r) => a + r.score!, 0) / rated.length : null;
      const owed = world.slots.filter((s) => s.taskNo === t.no).length * periods.length;
      const missing = late.filter((l) => l.slot.taskNo === t.no).length;
      return `<tr><td>${t.no}</td><td>${esc(t.text)}</td><td>${esc(currentPlan.units.find((u) => u.code === t.leadUnit)?.name)}</td><td>${mine.length}/${owed}</td><td>${missing}</td><td>${fmt(avg)}</td></tr>`;
    })
    .join('');
  const lateRows = late
    .slice(0, 500)
    .map(
      (l) =>
        `<tr><td>${esc(l.period.label)}</td><td>${l.period.due}</td><td>${l.slot.taskNo}</td><td>${esc(orgName.get(l.slot.organisationId))}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; } h2 { font-size: 13pt; border-bottom: 1px solid #333; margin-top: 8mm; }
table { width: 100%; border-collapse: collapse; margin-top: 3mm; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #666; padding: 1.5mm 2mm; vertical-align: top; text-align: left; } th { background: #eee; }
.meta { text-align: center; color: #444; } .note { color: #444; font-size: 9.5pt; }
</style></head><body>
<h1>${esc(title)}</h1>
<p class="meta">${esc(currentPlan.document)} · 期次：${esc(scopeLabel)} · 生成日期：${todayOf(now)}</p>
<h2>一、区县(市)、开发区督导考核排名</h2>
<p class="note">依据${esc(currentPlan.document)} ${esc(league.article)}。综合得分 = 按时报送率×${league.weights.timeliness} + 报告质量×${league.weights.quality} + 指标达成×${league.weights.indicators}（暂无数据的项按比例分配权重）。</p>
<table><thead><tr><th>名次</th><th>区域</th><th>综合得分</th><th>按时报送率</th><th>报告质量</th><th>指标达成</th><th>按时/应报</th></tr></thead><tbody>${leagueHtml(league)}</tbody></table>
<h2>二、任务清单落实情况</h2>
<table><thead><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>已报/应报</th><th>逾期未报</th><th>平均评分</th></tr></thead><tbody>${taskRows}</tbody></table>
<h2>三、逾期未报送清单</h2>
${late.length ? `<table><thead><tr><th>期次</th><th>截止日期</th><th>任务序号</th><th>责任单位</th></tr></thead><tbody>${lateRows}</tbody></table>${late.length > 500 ? `<p class="note">另有${late.length - 500}条，见导出的表格。</p>` : ''}` : '<p>无逾期未报送的报告。</p>'}
</body></html>`;
}

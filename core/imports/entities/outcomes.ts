import { actingOrganisation } from '../../credit-bank/issuer.ts';
import { outcomeFactProblems, type OutcomeKind } from '../../credit-bank/kinds.ts';
import { normaliseText } from '../text.ts';
import { primaryLabels } from '../labels.ts';
import type { EntitySpec } from '../spec.ts';
import { todayOf } from '../../calendar.ts';

/** The kinds as a clerk writes them (the first label of each is the template's drop-down entry). */
export const OUTCOME_KIND_IMPORT_LABELS: Readonly<Record<string, OutcomeKind>> = {
  学校课程: 'schoolCourse',
  课程: 'schoolCourse',
  企业培训课程: 'trainingCourse',
  培训课程: 'trainingCourse',
  企业培训: 'trainingCourse',
  职业技能等级证书: 'skillCertificate',
  '1+X证书': 'skillCertificate',
  技能等级证书: 'skillCertificate',
  证书: 'skillCertificate',
  技能竞赛获奖: 'competitionAward',
  竞赛获奖: 'competitionAward',
  岗位实习: 'internship',
  实习: 'internship',
  在线课程: 'onlineCourse',
};

/**
 * 学习成果 issued in bulk by an enterprise training officer or a school registrar (issue 6, item 6). The row's
 * 业务编号 is the issuer's idempotency key: uploading the same sheet again issues nothing twice. Whether the
 * account exists and its holder's name agrees is checked against the register by the writer, still before
 * anything is written.
 */
export interface OutcomeRecord {
  issuerId: string;
  accountNo: string;
  holderName: string;
  kind: OutcomeKind;
  code: string | undefined;
  title: string;
  field: string | undefined;
  level: number | undefined;
  credits: number | undefined;
  grade: string | undefined;
  hours: number | undefined;
  awardRank: string | undefined;
  achievedOn: string;
  evidenceUrl: string | undefined;
  evidenceNote: string | undefined;
  idempotencyKey: string;
}

const COLUMN_OF = { credits: 'credits', hours: 'hours', level: 'level', awardRank: 'awardRank', evidenceUrl: 'evidenceUrl' } as const;

export const outcomeSpec: EntitySpec<OutcomeRecord> = {
  entity: 'outcomes',
  label: '学习成果',
  keyColumn: 'idempotencyKey',
  keyLabel: '业务编号',
  columns: [
    {
      key: 'accountNo',
      header: '学习账号',
      required: true,
      hint: '学习者提供的学分银行学习账号（CB开头，共16位）',
      example: 'CB00000000000000',
      text: true,
    },
    { key: 'holderName', header: '姓名', required: true, hint: '学习者姓名，须与学习账号的户名一致（防止账号填错）', example: '张三' },
    {
      key: 'kind',
      header: '成果类型',
      required: true,
      hint: '学校课程、企业培训课程、职业技能等级证书（含1+X证书）、技能竞赛获奖、岗位实习或在线课程',
      example: '企业培训课程',
      choices: primaryLabels(OUTCOME_KIND_IMPORT_LABELS),
    },
    {
      key: 'code',
      header: '成果编码',
      required: false,
      hint: '本单位的课程、证书或竞赛编码（认定规则按此匹配）',
      example: 'PLC-01',
      text: true,
    },
    { key: 'title', header: '成果名称', required: true, hint: '课程、证书或奖项的名称', example: 'PLC编程与调试培训' },
    {
      key: 'field',
      header: '专业或职业代码',
      required: false,
      hint: '专业目录或职业分类代码（按专业类、专业群认定时使用）',
      example: '4603',
      text: true,
    },
    { key: 'level', header: '等级', required: false, hint: '证书等级1–9（职业技能等级证书必填）', example: '3' },
    { key: 'credits', header: '学分', required: false, hint: '0–60，最多两位小数（学校课程必填）', example: '2' },
    { key: 'grade', header: '成绩', required: false, hint: '如优秀、85', example: '合格' },
    { key: 'hours', header: '学时', required: false, hint: '整数（企业培训课程、在线课程、岗位实习必填）', example: '48' },
    { key: 'awardRank', header: '奖项', required: false, hint: '如省赛一等奖（技能竞赛获奖必填）', example: '省赛一等奖' },
    { key: 'achievedOn', header: '取得日期', required: true, hint: '如2025-03-01', example: '2025-03-01' },
    {
      key: 'evidenceUrl',
      header: '佐证链接',
      required: false,
      hint: 'http或https开头的佐证材料地址；与佐证说明至少填一项',
      example: 'https://example.org/evidence.pdf',
    },
    { key: 'evidenceNote', header: '佐证说明', required: false, hint: '如“培训考核合格，成绩单存档编号2025-031”', example: '培训考核合格' },
    {
      key: 'idempotencyKey',
      header: '业务编号',
      required: true,
      hint: '本单位内每项成果唯一的编号（如证书编号、培训批次号+工号）；同一编号重复上传不会重复签发',
      example: 'PX2025-031-0001',
      text: true,
    },
  ],
  key: (r) => r.idempotencyKey,
  validate(f, refs) {
    const issuerId = actingOrganisation(refs.access);
    if (!issuerId) f.fail(null, '请以学校或企业身份签发学习成果');
    const accountNoRaw = f.text('accountNo', { max: 40 });
    const accountNo = accountNoRaw?.toUpperCase();
    if (accountNo !== undefined && !/^CB\d{14}$/.test(accountNo))
      f.fail('accountNo', `“学习账号”应为CB开头的16位账号，当前为“${accountNoRaw}”`);
    const holderName = f.text('holderName', { max: 50 });
    const kind = f.choice('kind', OUTCOME_KIND_IMPORT_LABELS);
    const code = f.text('code', { max: 40 });
    const title = f.text('title', { max: 100 });
    const field = f.text('field', { max: 20 });
    const level = f.integer('level', { min: 1, max: 9 });
    const credits = decimal(f, 'credits', 60);
    const grade = f.text('grade', { max: 20 });
    const hours = f.integer('hours', { min: 1, max: 10_000 });
    const awardRank = f.text('awardRank', { max: 40 });
    const achievedOn = f.date('achievedOn');
    if (achievedOn && achievedOn > todayOf(refs.today)) f.fail('achievedOn', `“取得日期”${achievedOn}晚于今天`);
    const evidenceUrl = f.text('evidenceUrl', { max: 500 });
    if (evidenceUrl !== undefined && !/^https?:\/\/\S+$/i.test(evidenceUrl)) f.fail('evidenceUrl', '“佐证链接”应以http://或https://开头');
    const evidenceNote = f.text('evidenceNote', { max: 500 });
    const idempotencyKey = f.text('idempotencyKey', { max: 100 });
    if (kind)
      for (const p of outcomeFactProblems({ kind, credits, hours, level, awardRank, evidenceUrl, evidenceNote }))
        f.fail(COLUMN_OF[p.field], p.message);
    if (!f.ok || !issuerId || !accountNo || !holderName || !kind || !title || !achievedOn || !idempotencyKey) return undefined;
    return {
      issuerId,
      accountNo,
      holderName,
      kind,
      code,
      title,
      field,
      level,
      credits,
      grade,
      hours,
      awardRank,
      achievedOn,
      evidenceUrl,
      evidenceNote,
      idempotencyKey,
    };
  },
};

/** A number 0–max with at most two decimals (学分), or undefined when empty or wrong (reported). */
function decimal(f: Parameters<EntitySpec<unknown>['validate']>[0], key: string, max: number): number | undefined {
  const cell = f.cell(key);
  const v = f.raw(key);
  if (v === undefined) return undefined;
  const n = cell.kind === 'number' ? cell.value : /^\d+(\.\d+)?$/.test(normaliseText(v)) ? Number(normaliseText(v)) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > max || Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) {
    f.fail(key, `“${f.header(key)}”应为0至${max}之间、最多两位小数的数，当前为“${v}”`);
    return undefined;
  }
  return n;
}

import { sql } from 'drizzle-orm';
import type { Access } from '../../core/authz/index.ts';
import { annualReportDueOn, LEVEL_LABELS, STAGE_LABELS } from '../../core/certification/lifecycle.ts';
import { notFound } from '../../core/errors.ts';
import { ENTERPRISE_SIZE_LABELS } from '../../contracts/enterprises.ts';
import { SASAC_LEVEL_LABELS } from '../../contracts/certification.ts';
import { certificationPolicy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { renderA4Pdf, type PdfBlock } from '../platform/pdf/a4-document.ts';
import { getCase } from './repository/cases.ts';

/**
 * The printable documents of a 产教融合型企业 case (issue 14 item 6): the application (申报书), pre-filled from the
 * register and the year's declaration as they stood when the enterprise applied, and each annual report as
 * submitted. Generated on the server from the stored rows, so what is printed and filed is what the platform holds.
 */

const CRITERION_STATUS = { met: '满足（平台数据核验）', missing: '不满足（平台数据核验）', evidence: '需佐证材料' } as const;
const yuan = (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString('zh-CN')} 元` : '—');
const num = (v: unknown, unit: string) => (typeof v === 'number' ? `${v}${unit}` : '—');

interface DeclarationPrint {
  payrollYuan: number;
  fundDrawnYuan: number;
  fundSpentYuan: number;
  frontlineSharePct: number;
  peopleTrained: number;
  sasacLevel: keyof typeof SASAC_LEVEL_LABELS | null;
}

async function enterpriseOf(db: Db, enterpriseId: string) {
  const [e] = await rows<{ uscc: string; size: keyof typeof ENTERPRISE_SIZE_LABELS }>(
    db,
    sql`select o.code as uscc, e.size from organisations o join enterprises e on e.organisation_id = o.id where o.id = ${enterpriseId}`,
  );
  return e!;
}

/** 产教融合型企业申报书: the enterprise, the register's figures pre-filled at application, the declaration, the self-check, the statement. */
export async function applicationPdf(db: Db, access: Access, id: string, today: string, now: Date): Promise<Buffer> {
  const c = await getCase(db, access, id, today);
  const e = await enterpriseOf(db, c.enterpriseId);
  const p = c.prefill;
  const year = typeof p.declaredYear === 'number' ? p.declaredYear : null;
  const [d] = year
    ? await rows<DeclarationPrint>(
        db,
        sql`select payroll_yuan::float8 as "payrollYuan", fund_drawn_yuan::float8 as "fundDrawnYuan", fund_spent_yuan::float8 as "fundSpentYuan",
          frontline_share_pct::float8 as "frontlineSharePct", people_trained as "peopleTrained", sasac_level as "sasacLevel"
        from enterprise_declarations where enterprise_id = ${c.enterpriseId} and year = ${year}`,
      )
    : [];
  const statuses = (p.criteria ?? {}) as Record<string, keyof typeof CRITERION_STATUS>;
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: '一、企业基本情况' },
    {
      kind: 'fields',
      rows: [
        ['企业名称', c.enterpriseName],
        ['统一社会信用代码', e.uscc],
        ['所在区县', c.districtName ?? ''],
        ['企业规模', ENTERPRISE_SIZE_LABELS[e.size] ?? ''],
        ['规模以上企业', p.aboveDesignatedSize ? '是' : '否'],
        ['申报日期', c.appliedOn],
      ],
    },
    { kind: 'heading', text: '二、登记数据（申报时由平台预填）' },
    {
      kind: 'table',
      table: {
        caption: '表1 企业登记与校企合作数据',
        dataDate: c.appliedOn,
        columns: [
          { title: '项目', width: 3 },
          { title: '数值', width: 2, align: 'right' },
        ],
        rows: [
          ['职工人数', num(p.staffCount, ' 人')],
          ['职工工资总额（登记）', yuan(p.payrollYuan)],
          ['职工教育培训经费提取比例', num(p.trainingFundDrawnPct, '%')],
          ['提供实习岗位', num(p.internshipPlaces, ' 个')],
          ['接收实习学生', num(p.internshipsHosted, ' 人次')],
          ['牵头产教融合载体', num(p.carriersLed, ' 个')],
          ['牵头职业教育集团', num(p.educationGroupsLed, ' 个')],
        ],
      },
    },
    { kind: 'heading', text: `三、企业年度申报${year ? `（${year}年度）` : ''}` },
    d
      ? {
          kind: 'fields',
          rows: [
            ['职工工资总额', yuan(d.payrollYuan)],
            ['提取职工教育培训经费', yuan(d.fundDrawnYuan)],
            ['使用职工教育培训经费', yuan(d.fundSpentYuan)],
            ['用于一线职工比例', `${d.frontlineSharePct}%`],
            ['培训职工人次', String(d.peopleTrained)],
            ['国有企业', d.sasacLevel ? `是（${SASAC_LEVEL_LABELS[d.sasacLevel]}）` : '否'],
          ],
        }
      : { kind: 'paragraph', text: '申报时尚无上一年度的企业年度申报。' },
    { kind: 'heading', text: '四、认定条件自查' },
    {
      kind: 'table',
      table: {
        caption: '表2 基本条件与择一条件',
        dataDate: c.appliedOn,
        columns: [{ title: '条件', width: 4 }, { title: '类别' }, { title: '结果', width: 1.6 }, { title: '依据', width: 2 }],
        rows: certificationPolicy.criteria.map((k) => [
          k.name,
          k.group === 'basic' ? '基本条件' : '择一条件',
          statuses[k.code] ? CRITERION_STATUS[statuses[k.code]!] : '—',
          k.source.article,
        ]),
      },
    },
    { kind: 'heading', text: '五、企业申报说明' },
    { kind: 'paragraph', text: c.statement },
    { kind: 'heading', text: '六、办理情况' },
    {
      kind: 'fields',
      rows: [
        ['当前阶段', STAGE_LABELS[c.stage]],
        ['纳入培育储备库', c.reserveOn ?? ''],
        ['认定', c.certifiedOn ? `${c.level ? LEVEL_LABELS[c.level] : ''} ${c.documentNo ?? ''} ${c.certifiedOn}` : ''],
        ['有效期至', c.validUntil ?? ''],
      ],
    },
    {
      kind: 'paragraph',
      text: '本企业承诺：以上填报内容及所附材料真实、准确、完整。\u3000\u3000企业（盖章）：\u3000\u3000\u3000\u3000日期：',
    },
  ];
  return renderA4Pdf({
    title: '产教融合型企业申报书',
    subtitle: c.enterpriseName,
    issuer: c.enterpriseName,
    issuedOn: today,
    generatedAt: now,
    blocks,
  });
}

/** 产教融合型企业年度报告 of one year, as submitted: its pre-filled figures and the enterprise's account. */
export async function annualReportPdf(db: Db, access: Access, id: string, year: number, today: string, now: Date): Promise<Buffer> {
  const c = await getCase(db, access, id, today);
  const [r] = await rows<{ submittedOn: string; dueOn: string; figures: Record<string, unknown>; narrative: string }>(
    db,
    sql`select submitted_on::text as "submittedOn", due_on::text as "dueOn", figures, narrative
      from certification_annual_reports where case_id = ${id} and year = ${year}`,
  );
  if (!r) throw notFound(`${year}年度报告`);
  const e = await enterpriseOf(db, c.enterpriseId);
  const f = r.figures;
  const late = r.submittedOn > annualReportDueOn(year, certificationPolicy.lifecycle);
  return renderA4Pdf({
    title: '产教融合型企业年度报告',
    subtitle: `${c.enterpriseName}\u3000${year}年度`,
    issuer: c.enterpriseName,
    issuedOn: today,
    generatedAt: now,
    blocks: [
      {
        kind: 'fields',
        rows: [
          ['企业名称', c.enterpriseName],
          ['统一社会信用代码', e.uscc],
          ['所在区县', c.districtName ?? ''],
          ['认定', `${c.level ? LEVEL_LABELS[c.level] : ''} ${c.documentNo ?? ''} ${c.certifiedOn ?? ''}`],
          ['有效期至', c.validUntil ?? ''],
          ['报送日期', `${r.submittedOn}（应于${r.dueOn}前报送${late ? '，逾期报送' : ''}）`],
        ],
      },
      { kind: 'heading', text: '一、年度数据（由企业年度申报与登记数据预填）' },
      {
        kind: 'table',
        table: {
          caption: `表1 ${year}年度职工培训与校企合作`,
          dataDate: r.submittedOn,
          columns: [
            { title: '项目', width: 3 },
            { title: '数值', width: 2, align: 'right' },
          ],
          rows: [
            ['职工工资总额', yuan(f.payrollYuan)],
            ['提取职工教育培训经费', yuan(f.fundDrawnYuan)],
            ['使用职工教育培训经费', yuan(f.fundSpentYuan)],
            ['用于一线职工比例', num(f.frontlineSharePct, '%')],
            ['培训职工人次', num(f.peopleTrained, '')],
            ['提供实习岗位', num(f.internshipPlaces, ' 个')],
          ],
        },
      },
      { kind: 'heading', text: '二、年度产教融合工作情况' },
      { kind: 'paragraph', text: r.narrative },
    ],
  });
}

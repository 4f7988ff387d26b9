import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import type { InternationalKind } from '../../core/international/index.ts';
import { internationalPolicy as policy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { evidenceFiles, internationalRecords } from '../platform/db/schema/index.ts';
import { createRng } from './prng.ts';

/**
 * 国际交流与合作 in the demo city (issue 18 item 4): school1 and a few other schools and enterprises record exchanges,
 * recognitions, competitions and 鲁班工坊 since the plan began, each with a PDF of evidence; most verified by the
 * bureau (so international_projects is computed short of its 15), two awaiting it (the bureau's list has work) and
 * one returned with a reason. Deterministic for a seed.
 */
const PDF = Buffer.from('%PDF-1.4\n% 国际交流合作佐证材料（演示）\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Demo = Pick<
  typeof internationalRecords.$inferInsert,
  'kind' | 'title' | 'country' | 'partner' | 'direction' | 'participant' | 'people' | 'role' | 'awards' | 'qualification'
>;
const RECORDS: Demo[] = [
  {
    kind: 'exchange',
    title: '德国双元制职业教育教师研修',
    country: '德国',
    partner: '巴伐利亚职业教育中心',
    direction: 'outbound',
    participant: 'teacher',
    people: 8,
  },
  {
    kind: 'exchange',
    title: '泰国留学生短期技能研修班',
    country: '泰国',
    partner: '曼谷技术学院',
    direction: 'inbound',
    participant: 'student',
    people: 24,
  },
  {
    kind: 'exchange',
    title: '新加坡工艺教育学院学生交流',
    country: '新加坡',
    partner: '新加坡工艺教育学院',
    direction: 'outbound',
    participant: 'student',
    people: 15,
  },
  {
    kind: 'exchange',
    title: '澳大利亚TAFE教师来校讲学',
    country: '澳大利亚',
    partner: '昆士兰TAFE学院',
    direction: 'inbound',
    participant: 'teacher',
    people: 3,
  },
  { kind: 'recognition', title: '焊接职业资格中德互认', country: '德国', partner: '德国焊接学会', qualification: '国际焊工（IW）' },
  {
    kind: 'recognition',
    title: '汽车维修技能证书中英互认',
    country: '英国',
    partner: '英国汽车工业协会',
    qualification: '汽车维修技术员（IMI 3级）',
  },
  {
    kind: 'competition',
    title: '金砖国家职业技能大赛（智能制造赛项）',
    country: '俄罗斯',
    partner: '金砖国家工商理事会',
    role: 'entered',
    people: 4,
    awards: 2,
  },
  {
    kind: 'competition',
    title: '中国—东盟职业院校技能邀请赛',
    country: '马来西亚',
    partner: '东盟职业教育联盟',
    role: 'hosted',
    people: 60,
  },
  {
    kind: 'competition',
    title: '世界技能大赛移动机器人项目',
    country: '法国',
    partner: '世界技能组织',
    role: 'entered',
    people: 2,
    awards: 1,
  },
  { kind: 'lubanWorkshop', title: '郑州—曼谷鲁班工坊', country: '泰国', partner: '曼谷技术学院' },
  { kind: 'lubanWorkshop', title: '郑州—内罗毕鲁班工坊', country: '肯尼亚', partner: '内罗毕技术大学' },
  { kind: 'lubanWorkshop', title: '郑州—开罗鲁班工坊', country: '埃及', partner: '开罗高等技术学院' },
  {
    kind: 'exchange',
    title: '日本企业实习交流项目',
    country: '日本',
    partner: '大阪产业技术交流协会',
    direction: 'outbound',
    participant: 'student',
    people: 10,
  },
  {
    kind: 'competition',
    title: '一带一路暨金砖国家技能发展与技术创新大赛',
    country: '中国',
    partner: '金砖国家技能发展与技术创新大赛组委会',
    role: 'entered',
    people: 6,
    awards: 3,
  },
  {
    kind: 'exchange',
    title: '俄罗斯职业院校学生来郑研学',
    country: '俄罗斯',
    partner: '喀山国立技术大学',
    direction: 'inbound',
    participant: 'student',
    people: 18,
  },
];
/** Which records wait for the bureau, and which it returned (indexes into RECORDS); the rest are verified. */
const AWAITING = new Set([12, 13]);
const RETURNED = 14;

export interface InternationalDemoResult {
  records: number;
  verified: number;
  awaiting: number;
}

export async function seedInternationalDemo(db: Db, opts: { now: Date; seed?: number }): Promise<InternationalDemoResult | null> {
  const rng = createRng(opts.seed ?? 20231013);
  const thisYear = Number(todayOf(opts.now).slice(0, 4));
  // school1's school first (the demo sign-in sees its own records), then other schools and enterprise1's enterprise.
  const owners = await rows<{ id: string; districtId: string | null; userId: string }>(
    db,
    sql`select o.id, o.district_id as "districtId", min(u.id::text)::uuid as "userId" from organisations o
      join memberships m on m.organisation_id = o.id join users u on u.id = m.user_id
      where o.is_demo and o.status = 'active' and o.kind in ('school', 'enterprise')
      group by o.id, o.district_id, o.kind
      order by bool_or(u.username in ('school1', 'enterprise1')) desc, o.kind desc, o.code, o.id limit 5`,
  );
  const [admin] = await rows<{ id: string }>(db, sql`select id from users where username = 'admin'`);
  if (!owners.length || !admin) return null;
  let verified = 0;
  for (const [i, r] of RECORDS.entries()) {
    const owner = owners[i % owners.length]!;
    // Spread over the plan's years before the last; the awaiting ones are of last December (entered lately).
    const year = AWAITING.has(i) ? thisYear - 1 : rng.int(policy.firstYear, Math.max(policy.firstYear, thisYear - 2));
    const startedOn = AWAITING.has(i)
      ? `${year}-12-0${1 + (i % 5)}`
      : `${year}-${String(rng.int(3, 11)).padStart(2, '0')}-${rng.int(10, 28)}`;
    const kind = r.kind as InternationalKind;
    const status = AWAITING.has(i) ? 'submitted' : i === RETURNED ? 'returned' : 'verified';
    const at = new Date(`${startedOn}T02:00:00Z`);
    const [row] = await db
      .insert(internationalRecords)
      .values({
        ...r,
        kind,
        organisationId: owner.id,
        districtId: owner.districtId,
        startedOn,
        year,
        status,
        returnReason: status === 'returned' ? '请补充对方院校的邀请函或合作协议' : null,
        enteredBy: owner.userId,
        verifiedBy: status === 'verified' ? admin.id : null,
        verifiedAt: status === 'verified' ? new Date(at.getTime() + 30 * 86_400_000) : null,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: internationalRecords.id });
    if (status === 'verified') verified++;
    if (status === 'returned') continue; // returned for want of its evidence
    await db.insert(evidenceFiles).values({
      ownerKind: 'internationalRecord',
      ownerId: row!.id,
      fileName: kind === 'lubanWorkshop' ? '共建协议.pdf' : kind === 'competition' ? '参赛通知与获奖证书.pdf' : '交流协议.pdf',
      type: 'pdf',
      mediaType: 'application/pdf',
      byteSize: PDF.length,
      sha256: crypto.createHash('sha256').update(PDF).digest('hex'),
      data: PDF,
      uploadedBy: owner.userId,
    });
  }
  return { records: RECORDS.length, verified, awaiting: AWAITING.size };
}

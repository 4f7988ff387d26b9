import { sql } from 'drizzle-orm';
import { todayOf } from '../../core/calendar.ts';
import { makeIdNumber, maskIdNumber } from '../../core/codes/index.ts';
import { graduatesPolicy as policy } from '../../policy/index.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { graduateDestinations, students } from '../platform/db/schema/index.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { askEmployerToConfirm } from '../graduates/index.ts';
import { personName, type Sex } from './names.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * 毕业去向 in the demo city (issue 16), so the cockpit shows 留郑率 and 中职升学率 computed rather than typed:
 * for each school, graduates of the last three graduation years (their records marked 毕业, on the school's
 * programs), each with a destination at every survey point already passed on `now` (毕业时 on 31 August, 6 months
 * on the last day of February, 1 year on 31 August after). Secondary schools send most graduates on to 高职
 * (a few to work); higher ones to work, mostly in Zhengzhou, at platform enterprises whose industry is recorded,
 * the employer having confirmed most of them. Deterministic for a seed.
 */
export interface GraduatesDemoResult {
  graduates: number;
  destinations: number;
  years: number[];
}

interface School {
  id: string;
  districtId: string | null;
  level: string;
}
interface Program {
  id: string;
  schoolId: string;
}
interface Employer {
  id: string;
  name: string;
  districtId: string | null;
  industryCode: string;
}

const STUDY_SCHOOLS_HIGHER = [
  '郑州职业技术学院',
  '郑州铁路职业技术学院',
  '河南工业职业技术学院',
  '郑州电力职业技术学院',
  '河南经贸职业学院',
];
const STUDY_SCHOOLS_UNDERGRAD = ['郑州轻工业大学', '河南工程学院', '郑州航空工业管理学院', '黄河科技学院'];
const OUTSIDE_EMPLOYERS = ['深圳某电子科技有限公司', '上海某汽车零部件有限公司', '苏州某精密制造有限公司', '杭州某网络科技有限公司'];

/** Whether a survey point of a graduation year has passed on `today` (YYYY-MM-DD). */
function passed(point: string, year: number, today: string): boolean {
  const due = point === 'graduation' ? `${year}-08-31` : point === 'sixMonths' ? `${year + 1}-02-28` : `${year + 1}-08-31`;
  return today >= due;
}

type Values = Omit<
  typeof graduateDestinations.$inferInsert,
  'studentId' | 'schoolId' | 'districtId' | 'programId' | 'graduationYear' | 'surveyPoint'
>;

function destinationFor(rng: Rng, level: string, districts: readonly string[], employers: readonly Employer[], stayBias: number): Values {
  const inCity = rng.chance(stayBias);
  const district = () => (inCity ? rng.pick(districts) : null);
  const group =
    level === 'secondary'
      ? rng.weighted([
          ['study', 64],
          ['employed', 24],
          ['enlisted', 3],
          ['flexible', 3],
          ['unplaced', 6],
        ] as const)
      : rng.weighted([
          ['employed', 68],
          ['study', 12],
          ['flexible', 6],
          ['self', 3],
          ['enlisted', 2],
          ['unplaced', 9],
        ] as const);
  const none = { confirmation: 'none' as const, inZhengzhou: false };
  switch (group) {
    case 'study': {
      const secondary = level === 'secondary';
      const loc = rng.chance(secondary ? 0.85 : 0.7) ? rng.pick(districts) : null;
      return {
        ...none,
        categoryCode: '80',
        categoryGroup: 'furtherStudy',
        studySchool: loc ? rng.pick(secondary ? STUDY_SCHOOLS_HIGHER : STUDY_SCHOOLS_UNDERGRAD) : '外省某职业技术学院',
        studyLevel: secondary ? (rng.chance(0.9) ? 'zhuanke' : 'vocUndergrad') : rng.chance(0.5) ? 'vocUndergrad' : 'undergrad',
        studyFullTime: rng.chance(secondary ? 0.93 : 0.8),
        locationDistrictId: loc,
        inZhengzhou: !!loc,
      };
    }
    case 'employed': {
      const onPlatform = inCity && employers.length > 0 && rng.chance(0.6);
      const e = onPlatform ? rng.pick(employers.filter((x) => x.districtId) ?? employers) : null;
      const loc = e?.districtId ?? district();
      const confirmation = e ? (rng.chance(0.75) ? 'confirmed' : 'pending') : 'none';
      return {
        ...none,
        categoryCode: rng.weighted([
          ['11', 60],
          ['10', 25],
          ['12', 12],
          ['51', 3],
        ] as const),
        categoryGroup: 'employed',
        employerName:
          e?.name ?? (loc ? `郑州某${rng.pick(['机电', '物流', '电子', '汽车服务', '餐饮管理'])}有限公司` : rng.pick(OUTSIDE_EMPLOYERS)),
        employerOrganisationId: e?.id ?? null,
        industryCode: e?.industryCode ?? rng.pick(['C', 'F', 'G', 'H', 'I', 'M']),
        locationDistrictId: loc,
        inZhengzhou: !!loc,
        confirmation,
      };
    }
    case 'flexible':
    case 'self': {
      const loc = district();
      return {
        ...none,
        categoryCode: group === 'self' ? '75' : '76',
        categoryGroup: group === 'self' ? 'selfEmployed' : 'flexible',
        employerName: group === 'self' ? `${rng.pick(['电商', '维修', '设计'])}工作室` : null,
        locationDistrictId: loc,
        inZhengzhou: !!loc,
      };
    }
    case 'enlisted':
      return { ...none, categoryCode: '46', categoryGroup: 'enlisted' };
    default:
      return { ...none, categoryCode: rng.pick(['70', '70', '71', '72']), categoryGroup: 'unplaced' };
  }
}

export async function seedGraduatesDemo(
  db: Db,
  pii: PiiCipher,
  opts: { now: Date; perSchool: number; passwordHash: string; seed?: number },
): Promise<GraduatesDemoResult> {
  const rng = createRng(opts.seed ?? 20240831);
  const today = todayOf(opts.now);
  const thisYear = Number(today.slice(0, 4));
  // The latest graduation year whose 毕业时 point has passed, and the two before it.
  const last = today >= `${thisYear}-08-31` ? thisYear : thisYear - 1;
  const years = [last - 2, last - 1, last];
  const [schools, programs, employers, districts, admins] = await Promise.all([
    rows<School>(
      db,
      sql`select o.id, o.district_id as "districtId", s.level from schools s join organisations o on o.id = s.organisation_id
        where o.status = 'active' and s.level in ('secondary', 'higher', 'vocUndergrad') order by o.code`,
    ),
    rows<Program>(db, sql`select id, school_id as "schoolId" from programs where status = 'active' order by school_id, id`),
    rows<Employer>(
      db,
      sql`select o.id, o.name, o.district_id as "districtId", e.industry_code as "industryCode" from enterprises e
        join organisations o on o.id = e.organisation_id where o.status = 'active' and o.district_id is not null order by o.code limit 400`,
    ),
    rows<{ id: string }>(db, sql`select id from organisations where kind = 'district' and status <> 'archived' order by code`),
    rows<{ orgId: string; userId: string }>(
      db,
      sql`select distinct on (m.organisation_id) m.organisation_id as "orgId", m.user_id as "userId" from memberships m
        where m.role in ('school_admin', 'enterprise_admin') order by m.organisation_id, m.user_id`,
    ),
  ]);
  const districtIds = districts.map((d) => d.id);
  const adminOf = new Map(admins.map((a) => [a.orgId, a.userId]));
  const out: GraduatesDemoResult = { graduates: 0, destinations: 0, years };
  if (!districtIds.length) return out;
  let serial = 0;
  for (const school of schools) {
    const mine = programs.filter((p) => p.schoolId === school.id);
    // Each school keeps its own habits: some keep more graduates in the city than others.
    const stayBias = 0.55 + rng.next() * 0.35;
    const studyYears = policy.studyYears[school.level as keyof typeof policy.studyYears] ?? 3;
    for (const year of years) {
      const people = Array.from({ length: opts.perSchool }, () => {
        const sex: Sex = rng.chance(0.54) ? 'male' : 'female';
        const born = year - (school.level === 'secondary' ? 18 : 21);
        // Birth dates in a band no enrolled demo student has (1 January–28 February, sequence from 900 up), so no number repeats.
        serial++;
        const day = serial % 56;
        const birth = `${born}${String(1 + Math.floor(day / 28)).padStart(2, '0')}${String(1 + (day % 28)).padStart(2, '0')}`;
        const seq = 900 + (Math.floor(serial / 56) % 49) * 2 + (sex === 'male' ? 1 : 0);
        const idNumber = makeIdNumber('410105', birth, String(seq).padStart(3, '0'));
        return { sex, idNumber, birth, name: personName(rng, sex) };
      });
      const inserted = await db
        .insert(students)
        .values(
          people.map((p) => ({
            schoolId: school.id,
            programId: mine.length ? rng.pick(mine).id : null,
            name: p.name,
            cohort: year - studyYears,
            birthDate: `${p.birth.slice(0, 4)}-${p.birth.slice(4, 6)}-${p.birth.slice(6, 8)}`,
            sex: p.sex,
            idNumberCipher: pii.encrypt(p.idNumber),
            idNumberIndex: pii.index(p.idNumber),
            idNumberMasked: maskIdNumber(p.idNumber),
            status: 'graduated' as const,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: students.id, programId: students.programId });
      out.graduates += inserted.length;
      const values: (typeof graduateDestinations.$inferInsert)[] = [];
      for (const g of inserted) {
        let d = destinationFor(rng, school.level, districtIds, employers, stayBias);
        for (const point of ['graduation', 'sixMonths', 'oneYear'] as const) {
          if (!passed(point, year, today)) break;
          // Between points a few unplaced graduates find work and a few change: the later survey is its own fact.
          // A 中职 graduate gone on to study stays a student.
          const moves = d.categoryGroup === 'unplaced' ? rng.chance(0.6) : d.categoryGroup !== 'furtherStudy' && rng.chance(0.08);
          if (point !== 'graduation' && moves) d = destinationFor(rng, school.level, districtIds, employers, stayBias);
          values.push({
            ...d,
            studentId: g.id,
            schoolId: school.id,
            districtId: school.districtId,
            programId: g.programId,
            graduationYear: year,
            surveyPoint: point,
            enteredBy: adminOf.get(school.id) ?? null,
            confirmedAt: d.confirmation === 'confirmed' ? opts.now : null,
            confirmedBy:
              d.confirmation === 'confirmed' && d.employerOrganisationId ? (adminOf.get(d.employerOrganisationId) ?? null) : null,
          });
        }
      }
      for (let i = 0; i < values.length; i += 500) await db.insert(graduateDestinations).values(values.slice(i, i + 500));
      out.destinations += values.length;
    }
  }
  await featuredSignIns(db, opts.passwordHash, last);
  return out;
}

/**
 * `graduate1`: a sign-in for a graduate of school1's latest year (the student's own page); and enterprise1 named as
 * employer of a few of that year's employed graduates, waiting for its confirmation.
 */
async function featuredSignIns(db: Db, passwordHash: string, year: number) {
  const [grad] = await rows<{ id: string; name: string; schoolId: string }>(
    db,
    sql`select s.id, s.name, s.school_id as "schoolId" from students s join memberships m on m.organisation_id = s.school_id
      join users u on u.id = m.user_id and u.username = 'school1'
      join graduate_destinations d on d.student_id = s.id and d.survey_point = 'graduation' and d.graduation_year = ${year}
      where s.status = 'graduated' and s.user_id is null order by d.category_group <> 'employed', s.id limit 1`,
  );
  if (grad) {
    const [user] = await rows<{ id: string }>(
      db,
      sql`insert into users (username, display_name, password_hash, must_change_password, is_demo)
        values ('graduate1', ${grad.name}, ${passwordHash}, false, true) on conflict do nothing returning id`,
    );
    if (user) {
      await db.execute(sql`insert into memberships (user_id, organisation_id, role) values (${user.id}, ${grad.schoolId}, 'student')`);
      await db.execute(sql`update students set user_id = ${user.id} where id = ${grad.id}`);
    }
  }
  const asked = await rows<{ id: string; employerId: string; schoolName: string; graduationYear: number }>(
    db,
    sql`update graduate_destinations set employer_organisation_id = e.org, employer_name = e.name, location_district_id = e.district,
      in_zhengzhou = true, industry_code = e.industry, confirmation = 'pending', confirmed_at = null, confirmed_by = null
    from (select o.id as org, o.name, o.district_id as district, en.industry_code as industry from users u
          join memberships m on m.user_id = u.id join organisations o on o.id = m.organisation_id join enterprises en on en.organisation_id = o.id
          where u.username = 'enterprise1' limit 1) e
    where graduate_destinations.id in (select id from graduate_destinations where graduation_year = ${year} and survey_point = 'graduation'
      and category_group = 'employed' and employer_organisation_id is null order by id limit 4) and e.district is not null
    returning graduate_destinations.id, e.org as "employerId", graduate_destinations.graduation_year as "graduationYear",
      (select name from organisations o where o.id = graduate_destinations.school_id) as "schoolName"`,
  );
  await db.transaction((tx) =>
    askEmployerToConfirm(
      tx,
      asked.map((a) => ({ ...a, destinationId: a.id })),
    ),
  );
}

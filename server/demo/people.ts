import { makeIdNumber } from '../../core/codes/index.ts';
import { allocate } from './allocate.ts';
import { personName, type Sex } from './names.ts';
import type { ProgramPlan } from './programs.ts';
import type { Rng } from './prng.ts';
import type { DemoSchool, DemoStudent, DemoTeacher, RefDistrict } from './types.ts';

/**
 * Teachers and students. Teachers: full-time, part-time (兼职) and 产业导师; specialty (专业课) or general
 * (公共基础课); 双师型 for 55–75% of specialty teachers, the rate varying by school so the plan's 70% target
 * (二 (三) 10) is met by some schools and missed by others.
 *
 * Students: names, cohorts, a birth date that fits the level (中职 from about 15, 高职 from about 18), a
 * valid 居民身份证号码 from a Zhengzhou county-level division code (sex from the 17th digit), a mobile number.
 */

export function generateTeachers(rng: Rng, schools: readonly DemoSchool[], total: number): { teachers: DemoTeacher[]; dualRate: number[] } {
  const perSchool = allocate(
    total,
    schools.map((s) => s.studentTarget + 80),
  );
  const teachers: DemoTeacher[] = [];
  const dualRate: number[] = [];
  for (const school of schools) {
    const rate = 0.55 + 0.2 * rng.next();
    dualRate.push(rate);
    const n = perSchool[school.index]!;
    let fullTime = 0;
    for (let i = 0; i < n; i++) {
      const employment = rng.weighted([
        ['fullTime', 80],
        ['partTime', 12],
        ['industryMentor', 8],
      ] as const);
      const subject = employment === 'fullTime' ? (rng.chance(0.6) ? 'specialty' : 'general') : rng.chance(0.92) ? 'specialty' : 'general';
      if (employment === 'fullTime') fullTime++;
      teachers.push({
        index: teachers.length,
        schoolIndex: school.index,
        name: personName(rng, rng.chance(0.55) ? 'female' : 'male'),
        employment,
        subject,
        dualQualified: subject === 'specialty' && rng.chance(rate),
      });
    }
    // 教职工核定编制数: full-time posts plus some vacancies, the base of the 30% part-time quota.
    school.staffingQuota = Math.max(10, Math.round(fullTime * (1.05 + 0.15 * rng.next())));
  }
  return { teachers, dualRate };
}

const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function mobilePhone(rng: Rng): string {
  return rng.pick(PHONE_PREFIXES) + rng.digits(8);
}

/** Age at entry (years completed by 1 September of the cohort year). */
const ENTRY_AGE: Readonly<Record<'secondary' | 'higher', readonly (readonly [number, number])[]>> = {
  secondary: [
    [15, 85],
    [16, 12],
    [17, 3],
  ],
  higher: [
    [18, 70],
    [19, 22],
    [20, 8],
  ],
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A birth date in the year before 1 September of (cohort − age): YYYY-MM-DD. */
function birthDate(rng: Rng, cohort: number, age: number): string {
  // Days from 1 Sep (cohort − age − 1) to 31 Aug (cohort − age).
  const start = Date.UTC(cohort - age - 1, 8, 1);
  const end = Date.UTC(cohort - age, 7, 31);
  const t = new Date(start + rng.int(0, Math.round((end - start) / 86_400_000)) * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * A GB/T 2260 county-level code (what the first six digits of an ID number and the division part of a
 * 统一社会信用代码 hold). The development zones' 41017x codes are statistical codes, not administrative
 * divisions: nobody's ID number starts with them, and 郑东新区 has no code at all.
 */
export function isCountyCode(code: string): boolean {
  return /^\d{6}$/.test(code) && !/^41017\d$/.test(code);
}

export interface StudentPlan {
  schools: readonly DemoSchool[];
  plan: ProgramPlan;
  cohorts: readonly number[];
  /** County-level divisions (6-digit GB/T 2260 codes) that birthplaces are drawn from. */
  homeDivisions: readonly RefDistrict[];
}

/**
 * Students, in batches of `batchSize`, school by school (a generator: 500,000 students need not sit in
 * memory at once). ID numbers are unique across the whole run.
 */
export function* generateStudents(rng: Rng, p: StudentPlan, batchSize = 5000): Generator<DemoStudent[]> {
  const ids = new Set<string>();
  const home = p.homeDivisions.filter((d) => isCountyCode(d.code));
  if (home.length === 0) throw new Error('no county-level division codes to draw birthplaces from');
  let batch: DemoStudent[] = [];
  let index = 0;
  const programsBySchool = new Map<number, number[]>();
  for (const prog of p.plan.programs) {
    const list = programsBySchool.get(prog.schoolIndex) ?? [];
    list.push(prog.index);
    programsBySchool.set(prog.schoolIndex, list);
  }
  for (const school of p.schools) {
    const level = school.level === 'secondary' ? 'secondary' : 'higher';
    const homeWeights = home.map((d) => [d, d.code === school.districtCode ? 12 : /区$/.test(d.name) ? 2 : 1.4] as const);
    // (programIndex | null, cohort, count) slots.
    const slots: [number | null, number, number][] = [];
    const progs = programsBySchool.get(school.index);
    if (progs) {
      for (const pi of progs) p.plan.studentsPerCohort[pi]!.forEach((count, ci) => slots.push([pi, p.cohorts[ci]!, count]));
    } else {
      allocate(
        school.studentTarget,
        p.cohorts.map((_, i) => 1 + 0.06 * i),
      ).forEach((count, ci) => slots.push([null, p.cohorts[ci]!, count]));
    }
    for (const [programIndex, cohort, count] of slots) {
      for (let k = 0; k < count; k++) {
        const sex: Sex = rng.chance(level === 'secondary' ? 0.56 : 0.52) ? 'male' : 'female';
        const birth = birthDate(rng, cohort, rng.weighted(ENTRY_AGE[level]));
        let idNumber: string;
        do {
          const seq = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
          idNumber = seq === 0 ? '' : makeIdNumber(rng.weighted(homeWeights).code, birth.replaceAll('-', ''), pad(seq, 3));
        } while (idNumber === '' || ids.has(idNumber));
        ids.add(idNumber);
        batch.push({
          index: index++,
          schoolIndex: school.index,
          programIndex,
          name: personName(rng, sex),
          cohort,
          birthDate: birth,
          sex,
          idNumber,
          phone: mobilePhone(rng),
          status: 'enrolled',
        });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
  }
  if (batch.length) yield batch;
}

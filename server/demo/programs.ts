import { allocate } from './allocate.ts';
import type { Rng } from './prng.ts';
import type { DemoProgram, DemoProgramYear, DemoSchool, RefMajor, SchoolLevel } from './types.ts';

/**
 * 开设专业: each school offers 4–12 majors of the loaded major catalogue whose level the school may teach.
 * Levels stay consistent: a secondary school only offers 中职 majors, a higher vocational school 高职专科
 * majors; undergraduate-level schools offer 高职本科 and, as many do, 高职专科 majors. When the catalogue has
 * no major of a school's level (the shipped demo subset has no 中职 majors), the school offers none.
 */
export const LEVELS_TAUGHT: Readonly<Record<SchoolLevel, readonly RefMajor['level'][]>> = {
  secondary: ['secondary'],
  higher: ['higher'],
  vocUndergrad: ['vocUndergrad', 'higher'],
  appliedUndergrad: ['vocUndergrad', 'higher'],
};

/** Majors that did not exist under these names before the 2010s reforms start later. */
const RECENT = /大数据|人工智能|虚拟现实|云计算|跨境|新能源|物联网|信息安全/;

/**
 * Whether a major's 专业大类 is one of a school's focus areas. Focus is written with 高职专科 大类 codes (41–59); the
 * 2021 catalogue numbers the same fields 20 higher for 中职 (61–79) and 20 lower for 职业本科 (21–39).
 */
function inFocus(focus: readonly string[], major: RefMajor): boolean {
  const shift = major.level === 'secondary' ? -20 : major.level === 'vocUndergrad' ? 20 : 0;
  return focus.includes(String(Number(major.divisionCode) + shift));
}

/** Practice share around the plan's 50% (二 (三) 8): most meet it, a quarter or so do not. */
function practiceShare(rng: Rng): number {
  const v = Math.min(0.65, Math.max(0.35, 0.54 + 0.065 * rng.normal()));
  return Math.round(v * 1000) / 1000;
}

export interface ProgramPlan {
  programs: DemoProgram[];
  /** Students per program per cohort, [program][cohort offset 0 = oldest]. */
  studentsPerCohort: number[][];
}

export function generatePrograms(
  rng: Rng,
  schools: readonly (DemoSchool & { focus: readonly string[] })[],
  majors: readonly RefMajor[],
  cohorts: readonly number[],
): ProgramPlan {
  const programs: DemoProgram[] = [];
  const studentsPerCohort: number[][] = [];
  const nowYear = cohorts[cohorts.length - 1]!;
  for (const school of schools) {
    const eligible = majors.filter((m) => LEVELS_TAUGHT[school.level].includes(m.level));
    if (eligible.length === 0) continue;
    const n = Math.min(eligible.length, rng.int(4, 12));
    // Weighted sampling without replacement, majors of the school's focus three times as likely.
    const pool = eligible.map((m) => [m, inFocus(school.focus, m) ? 3 : 1] as [RefMajor, number]);
    const chosen: RefMajor[] = [];
    while (chosen.length < n) {
      const m = rng.weighted(pool);
      chosen.push(m);
      pool.splice(
        pool.findIndex(([x]) => x === m),
        1,
      );
    }
    chosen.sort((a, b) => a.code.localeCompare(b.code));
    const perProgram = allocate(
      school.studentTarget,
      chosen.map(() => rng.logNormal(0, 0.5)),
    );
    for (const [k, major] of chosen.entries()) {
      const startYear = RECENT.test(major.name)
        ? rng.int(Math.min(2016, nowYear), nowYear - 1)
        : rng.int(2003, Math.min(2020, nowYear - 1));
      // Intake grows a little year on year; a programme started after the oldest cohort has no older students.
      const perCohort = allocate(
        perProgram[k]!,
        cohorts.map((c, i) => (c >= startYear ? 1 + 0.06 * i : 0)),
      );
      studentsPerCohort.push(perCohort);
      const years = intakeYears(rng, cohorts, perCohort, startYear);
      programs.push({
        index: programs.length,
        schoolIndex: school.index,
        majorCode: major.code,
        startYear,
        enrolment: years[years.length - 1]?.enrolment ?? 0,
        years,
        practiceShare: practiceShare(rng),
      });
    }
  }
  return { programs, studentsPerCohort };
}

/**
 * 逐年招生和毕业: each cohort's intake (招生数) is its students still enrolled plus the few who left since
 * (about 1–3% a year of study), so the intake differs from the students on the roll (在校生); a year's
 * graduates are the cohort three years older, estimated from the oldest cohort on the roll, for years the
 * programme already had one. `enrolment` of the programme is the latest year's intake.
 */
function intakeYears(rng: Rng, cohorts: readonly number[], perCohort: readonly number[], startYear: number): DemoProgramYear[] {
  const latest = cohorts[cohorts.length - 1]!;
  return cohorts.flatMap((year, i) => {
    if (year < startYear) return [];
    const left = Math.round(perCohort[i]! * (latest - year + 1) * (0.01 + 0.02 * rng.next()));
    const graduates = year - 3 >= startYear && perCohort[0]! > 0 ? Math.round(perCohort[0]! * (0.88 + 0.08 * rng.next())) : null;
    return [{ year, enrolment: perCohort[i]! + left, graduates }];
  });
}

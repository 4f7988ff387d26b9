import { planAccounts, studentAccountIndexes } from './accounts.ts';
import { generateCarriers } from './carriers.ts';
import { generateEnterprises } from './enterprises.ts';
import { generateMajorGroups } from './major-groups.ts';
import { generateStudents, generateTeachers } from './people.ts';
import { generatePracticePeriods } from './practice.ts';
import { generatePrograms, type ProgramPlan } from './programs.ts';
import { createRng } from './prng.ts';
import { generateSchools } from './schools.ts';
import {
  SCALES,
  type DemoAccount,
  type DemoCarrier,
  type DemoEnterprise,
  type DemoMajorGroup,
  type DemoPracticePeriod,
  type DemoScale,
  type DemoSchool,
  type DemoStudent,
  type DemoTeacher,
  type ReferenceContext,
  type ScaleParams,
} from './types.ts';

/** The seed `npm start` uses: the same demo city on every machine. */
export const DEFAULT_SEED = 20231010; // the plan's date of issue, 2023-10-10

export interface DemoCity {
  scale: ScaleParams;
  seed: number;
  /** Intake years of the enrolled students, oldest first. */
  cohorts: number[];
  schools: (DemoSchool & { focus: readonly string[] })[];
  enterprises: DemoEnterprise[];
  plan: ProgramPlan;
  teachers: DemoTeacher[];
  /** Specialty teachers' enterprise-practice periods. */
  practicePeriods: DemoPracticePeriod[];
  /** The plan's carriers (training bases, industry colleges …) with their leads and partners. */
  carriers: DemoCarrier[];
  /** 专业群 of the schools' programs, some designated 产教融合型重点专业（群）. */
  majorGroups: DemoMajorGroup[];
  /** Sign-ins other than students'. */
  accounts: DemoAccount[];
  /** Indexes of the students that get sign-ins (student1, student2, …). */
  studentAccountIndexes: number[];
  /** Students in batches; every call replays the same sequence. */
  students(batchSize?: number): Generator<DemoStudent[]>;
}

/** The academic year (intake year) in progress at `now`, Beijing time: a new one starts on 1 September. */
export function currentIntakeYear(now: Date): number {
  const t = new Date(now.getTime() + 8 * 3600_000);
  return t.getUTCMonth() >= 8 ? t.getUTCFullYear() : t.getUTCFullYear() - 1;
}

/**
 * Generate a demo city (pure: reference data, scale, seed and the clock's `now` in; plain records out).
 * Each part draws from its own forked stream, so e.g. the student count does not change the enterprises.
 */
export function generateCity(ctx: ReferenceContext, opts: { scale: DemoScale | ScaleParams; seed?: number; now: Date }): DemoCity {
  const scale = typeof opts.scale === 'string' ? SCALES[opts.scale] : opts.scale;
  const seed = opts.seed ?? DEFAULT_SEED;
  const root = createRng(seed);
  const rSchools = root.fork('schools');
  const rEnterprises = root.fork('enterprises');
  const rPrograms = root.fork('programs');
  const rTeachers = root.fork('teachers');
  const studentSeed = Math.floor(root.next() * 4294967296);
  // Forked after the older parts, so that adding these left the schools, people and students as they were.
  const rCarriers = root.fork('carriers');
  const rMajorGroups = root.fork('majorGroups');
  const rPractice = root.fork('practice');

  const intake = currentIntakeYear(opts.now);
  const cohorts = [intake - 2, intake - 1, intake];
  const districts = [...ctx.districts].sort((a, b) => a.code.localeCompare(b.code));
  const majors = [...ctx.majors].sort((a, b) => a.code.localeCompare(b.code));

  const schools = generateSchools(rSchools, scale.schools, districts, scale.students);
  const enterprises = generateEnterprises(rEnterprises, scale.enterprises, districts, ctx.clusters, ctx.industryClasses);
  const plan = generatePrograms(rPrograms, schools, majors, cohorts);
  const { teachers } = generateTeachers(rTeachers, schools, scale.teachers);
  const practicePeriods = generatePracticePeriods(rPractice, teachers, enterprises.length, opts.now);
  const carriers = generateCarriers(rCarriers, scale, { schools, enterprises, districts, clusters: ctx.clusters, year: intake });
  const majorGroups = generateMajorGroups(rMajorGroups, scale, { programs: plan.programs, majors, clusters: ctx.clusters });
  const accounts = planAccounts({ departments: ctx.departments, districts, schools, enterprises, teachers });
  return {
    scale,
    seed,
    cohorts,
    schools,
    enterprises,
    plan,
    teachers,
    practicePeriods,
    carriers,
    majorGroups,
    accounts,
    studentAccountIndexes: studentAccountIndexes(schools),
    students: (batchSize = 5000) =>
      generateStudents(createRng(studentSeed), { schools, plan, cohorts, homeDivisions: districts }, batchSize),
  };
}

import type { IndicatorSource } from './definitions.ts';
import { round } from './status.ts';

/**
 * The formulas of the computed indicators over register tallies grouped by district (the server's SQL
 * groups, this code adds up), so one pass over the register yields the city value and every district's.
 * Pure. Shares are in percent with one decimal, as the policy file states targets.
 */

/** Rows with a null district (organisations not yet placed) count for the city only. */
interface ByDistrict {
  districtId: string | null;
}

export interface CarrierTally extends ByDistrict {
  kind: string;
  level: string;
  status: string;
  legalPerson: boolean | null;
  n: number;
}

export interface EnterpriseTally extends ByDistrict {
  certified: number;
}

export interface SchoolTally extends ByDistrict {
  enterpriseRun: number;
  /** Schools that declare a 核定编制数 (above zero), and those whose part-time teachers fill its share (聘足配齐). */
  quotaSchools: number;
  quotaFilled: number;
}

export interface TeacherTally extends ByDistrict {
  specialty: number;
  dualQualified: number;
  /** Specialty teachers meeting the enterprise-practice rule on the day of the count. */
  practiceMet: number;
}

export interface ProgramTally extends ByDistrict {
  /** Programs that record a practice-teaching share, the sum of their shares (fractions), and how many reach the rule. */
  withShare: number;
  shareSum: number;
  meeting: number;
}

export interface MajorGroupTally extends ByDistrict {
  keyMajors: number;
}

/** Enterprises above designated size: their staff, and the internship places they offer this year. */
export interface InternshipPlacesTally extends ByDistrict {
  staff: number;
  places: number;
}

/** Declarations of enterprises above designated size (last full year): sums in yuan, and how many meet each rule. */
export interface TrainingFundTally extends ByDistrict {
  declared: number;
  payroll: number;
  drawn: number;
  spent: number;
  frontline: number;
  drawnWithin: number;
  frontlineMeeting: number;
}

/** Graduates of the latest measured year, per district of their school: the parts of 留郑率 and 中职升学率. */
export interface GraduateTally extends ByDistrict {
  retentionNumerator: number;
  retentionDenominator: number;
  progressionNumerator: number;
  progressionDenominator: number;
}

/** Funded projects of published calls, by call kind and the applicant's district. */
export interface FundedProjectTally extends ByDistrict {
  callKind: string;
  n: number;
}

/** Active public 高职 / 中职 schools (二 (五) 14) and those whose declaration of the measured year meets the threshold. */
export interface FundingTally extends ByDistrict {
  group: 'higher' | 'secondary';
  schools: number;
  meeting: number;
}

/** Digital vocational education (二 (四) 11): recognised online courses, 职业学校 and those meeting the smart-campus standard, demo schools. */
export interface DigitalTally extends ByDistrict {
  onlineCourses: number;
  vocationalSchools: number;
  smartCampusMeeting: number;
  demoSchools: number;
}
/** Verified international records, by the owner's district. */
export interface InternationalTally extends ByDistrict {
  n: number;
}

/** Open 劳动技术/职业体验 courses developed with an enterprise, by the school's district. */
export interface PracticalCourseTally extends ByDistrict {
  n: number;
}

export interface RegisterTallies {
  carriers: CarrierTally[];
  enterprises: EnterpriseTally[];
  schools: SchoolTally[];
  teachers: TeacherTally[];
  programs: ProgramTally[];
  majorGroups: MajorGroupTally[];
  internshipPlaces: InternshipPlacesTally[];
  trainingFund: TrainingFundTally[];
  graduates: GraduateTally[];
  fundedProjects: FundedProjectTally[];
  funding: FundingTally[];
  digital: DigitalTally[];
  international: InternationalTally[];
  practicalCourses: PracticalCourseTally[];
}

/** A measured value, with the parts it was computed from so screens can show "7 / 10" next to 70%. */
export interface Measured {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** `city`, or a district's organisation id. */
export type ScopeKey = string;
export const CITY = 'city';

const inScope = <T extends ByDistrict>(rows: readonly T[], scope: ScopeKey) =>
  scope === CITY ? rows : rows.filter((r) => r.districtId === scope);
const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);

export function percent(part: number, whole: number): number | null {
  return whole > 0 ? round((part / whole) * 100, 1) : null;
}

export function measure(source: IndicatorSource, t: RegisterTallies, scope: ScopeKey): Measured {
  switch (source.source) {
    case 'carriers': {
      const rows = inScope(t.carriers, scope).filter(
        (r) =>
          source.kinds.includes(r.kind as never) &&
          source.statuses.includes(r.status as never) &&
          (!source.levels || source.levels.includes(r.level as never)) &&
          (source.legalPerson === undefined || r.legalPerson === source.legalPerson),
      );
      return { value: sum(rows, (r) => r.n) };
    }
    case 'certifiedEnterprises':
      return { value: sum(inScope(t.enterprises, scope), (r) => r.certified) };
    case 'fundedProjects':
      return {
        value: sum(
          inScope(t.fundedProjects, scope).filter((r) => source.callKinds.includes(r.callKind)),
          (r) => r.n,
        ),
      };
    case 'perStudentFunding': {
      const rows = inScope(t.funding, scope).filter((r) => r.group === source.group);
      const numerator = sum(rows, (r) => r.meeting);
      const denominator = sum(rows, (r) => r.schools);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'digital': {
      const rows = inScope(t.digital, scope);
      if (source.measure === 'onlineCourses') return { value: sum(rows, (r) => r.onlineCourses) };
      if (source.measure === 'demoSchools') return { value: sum(rows, (r) => r.demoSchools) };
      const numerator = sum(rows, (r) => r.smartCampusMeeting);
      const denominator = sum(rows, (r) => r.vocationalSchools);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'internationalRecords':
      return { value: sum(inScope(t.international, scope), (r) => r.n) };
    case 'practicalCourses':
      return { value: sum(inScope(t.practicalCourses, scope), (r) => r.n) };
    case 'enterpriseRunSchools':
      return { value: sum(inScope(t.schools, scope), (r) => r.enterpriseRun) };
    case 'dualQualifiedShare': {
      const rows = inScope(t.teachers, scope);
      const numerator = sum(rows, (r) => r.dualQualified);
      const denominator = sum(rows, (r) => r.specialty);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'teacherPracticeShare': {
      const rows = inScope(t.teachers, scope);
      const numerator = sum(rows, (r) => r.practiceMet);
      const denominator = sum(rows, (r) => r.specialty);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'practiceTeachingShare': {
      const rows = inScope(t.programs, scope);
      const withShare = sum(rows, (r) => r.withShare);
      // The mean share is the value; numerator/denominator are the programs that meet the rule, of all that report.
      return {
        value: withShare > 0 ? round((sum(rows, (r) => r.shareSum) / withShare) * 100, 1) : null,
        numerator: sum(rows, (r) => r.meeting),
        denominator: withShare,
      };
    }
    case 'partTimeTeacherShare': {
      const rows = inScope(t.schools, scope);
      const numerator = sum(rows, (r) => r.quotaFilled);
      const denominator = sum(rows, (r) => r.quotaSchools);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'keyMajorGroups':
      return { value: sum(inScope(t.majorGroups, scope), (r) => r.keyMajors) };
    case 'graduateRetention': {
      const rows = inScope(t.graduates, scope);
      const numerator = sum(rows, (r) => r.retentionNumerator);
      const denominator = sum(rows, (r) => r.retentionDenominator);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'secondaryProgression': {
      const rows = inScope(t.graduates, scope);
      const numerator = sum(rows, (r) => r.progressionNumerator);
      const denominator = sum(rows, (r) => r.progressionDenominator);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'internshipPlacesShare': {
      const rows = inScope(t.internshipPlaces, scope);
      const numerator = sum(rows, (r) => r.places);
      const denominator = sum(rows, (r) => r.staff);
      return { value: percent(numerator, denominator), numerator, denominator };
    }
    case 'trainingFund': {
      const rows = inScope(t.trainingFund, scope);
      const declared = sum(rows, (r) => r.declared);
      const payroll = sum(rows, (r) => r.payroll);
      // The value is the sums' ratio (a large enterprise weighs by its payroll); numerator/denominator count enterprises.
      return source.measure === 'drawn'
        ? {
            // Two decimals: the range is 1.5%–2.5%, so one decimal would round 1.46% into it.
            value: payroll > 0 ? round((sum(rows, (r) => r.drawn) / payroll) * 100, 2) : null,
            numerator: sum(rows, (r) => r.drawnWithin),
            denominator: declared,
          }
        : {
            value: percent(
              sum(rows, (r) => r.frontline),
              sum(rows, (r) => r.spent),
            ),
            numerator: sum(rows, (r) => r.frontlineMeeting),
            denominator: declared,
          };
    }
  }
}

/**
 * The city value of a reported indicator: the bureau-accepted city-wide report when there is one; for a
 * count, otherwise the sum of the districts' accepted reports (shares and amounts do not add up).
 */
export function reportedCityValue(kind: string, city: number | null, districts: readonly number[]): number | null {
  if (city !== null) return city;
  if (kind === 'count' && districts.length) return districts.reduce((a, b) => a + b, 0);
  return null;
}

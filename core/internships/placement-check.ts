import type { InternshipRules } from './rules.ts';
import { violation, type Violation } from './violations.ts';

export interface StudentFacts {
  birthDate: string;
  /** Year of enrolment: the study year on a date is derived from it (September starts a year). */
  cohort: number;
  sex: 'male' | 'female';
}

export interface PlacementFacts {
  kind: 'observation' | 'placement';
  startDate: string;
  nightShift: boolean;
  tasks: string[];
}

/** Full years of age on `date` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 1 in the first school year (September of the cohort year to August), 2 in the second, … */
export function studyYearOn(cohort: number, date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return y - cohort + (m >= 9 ? 1 : 0);
}

/** The rules a student's placement on a post would break. */
export function checkPlacement(s: StudentFacts, p: PlacementFacts, r: InternshipRules): Violation[] {
  const v: Violation[] = [];
  const age = ageOn(s.birthDate, p.startDate);
  if (p.kind === 'placement' && age < r.minAge) {
    v.push(violation(r.ref('intern_min_age'), 'studentId', `未满${r.minAge}周岁的学生不得参加岗位实习`));
  }
  if (p.kind === 'placement' && studyYearOn(s.cohort, p.startDate) < r.placementMinStudyYear) {
    v.push(violation(r.ref('placement_min_study_year'), 'studentId', '一年级学生不得参加岗位实习'));
  }
  if (age < 18 && p.nightShift) {
    v.push(violation(r.ref('forbidden_tasks'), 'nightShift', '未成年学生不得安排夜班'));
  }
  if (age < 18 && p.tasks.includes('minor_prohibited')) {
    v.push(violation(r.ref('forbidden_tasks'), 'tasks', '未成年学生不得从事《未成年工特殊保护规定》禁忌的劳动'));
  }
  if (s.sex === 'female' && p.tasks.includes('female_prohibited')) {
    v.push(violation(r.ref('forbidden_tasks'), 'tasks', '女学生不得从事《女职工劳动保护特别规定》禁忌的劳动'));
  }
  return v;
}

/** Interns an enterprise and a position may take under the caps (floor: a cap is never exceeded). */
export function internCaps(enterpriseStaff: number, positionStaff: number, r: InternshipRules) {
  return {
    enterprise: Math.floor(enterpriseStaff * r.enterpriseCap + 1e-9),
    position: Math.floor(positionStaff * r.positionCap + 1e-9),
  };
}

import { BUREAU } from '../catalogues/index.ts';
import type { DemoAccount, DemoEnterprise, DemoSchool, DemoStudent, DemoTeacher, RefDepartment, RefDistrict } from './types.ts';

/**
 * Demo sign-ins: one for the bureau (`admin`), one per department of the policy (`dept_<unit>`), one per
 * district (`district_<pinyin>`), and a few schools, teachers, enterprises and students. Every one is
 * is_demo and uses the configured demo password.
 */
export function planAccounts(input: {
  departments: readonly RefDepartment[];
  districts: readonly RefDistrict[];
  schools: readonly DemoSchool[];
  enterprises: readonly DemoEnterprise[];
  teachers: readonly DemoTeacher[];
}): DemoAccount[] {
  const out: DemoAccount[] = [
    { username: 'admin', displayName: `${BUREAU.name}管理员`, role: 'city_admin', org: { kind: 'bureau', code: BUREAU.code } },
  ];
  for (const d of input.departments) {
    out.push({ username: `dept_${d.code}`, displayName: `${d.name}联络员`, role: 'department', org: { kind: 'department', code: d.code } });
  }
  for (const d of input.districts) {
    out.push({
      username: `district_${d.slug}`,
      displayName: `${d.name}教育主管`,
      role: 'district',
      org: { kind: 'district', code: d.code },
    });
  }
  const accountSchools = accountSchoolsOf(input.schools);
  accountSchools.forEach((s, i) => {
    out.push({ username: `school${i + 1}`, displayName: `${s.name}管理员`, role: 'school_admin', org: { kind: 'school', index: s.index } });
  });
  let t = 0;
  for (const s of accountSchools.slice(0, 2)) {
    const teacher =
      input.teachers.find((x) => x.schoolIndex === s.index && x.employment === 'fullTime' && x.subject === 'specialty') ??
      input.teachers.find((x) => x.schoolIndex === s.index);
    if (!teacher) continue;
    t++;
    out.push({
      username: `teacher${t}`,
      displayName: teacher.name,
      role: 'teacher',
      org: { kind: 'school', index: s.index },
      teacherIndex: teacher.index,
    });
  }
  const picks = [
    input.enterprises.find((e) => e.size === 'large' && e.integrationStatus.startsWith('certified')) ??
      input.enterprises.find((e) => e.size === 'large'),
    input.enterprises.find((e) => e.size === 'medium' && e.clusterCode !== null),
    input.enterprises.find((e) => e.size === 'small' && e.aboveDesignatedSize),
  ];
  const seen = new Set<number>();
  let e = 0;
  for (const ent of [...picks, ...input.enterprises]) {
    if (!ent || seen.has(ent.index) || e >= 3) continue;
    seen.add(ent.index);
    e++;
    out.push({
      username: `enterprise${e}`,
      displayName: `${ent.name}管理员`,
      role: 'enterprise_admin',
      org: { kind: 'enterprise', index: ent.index },
    });
  }
  return out;
}

/**
 * Students with accounts: the first two of school1 and the first of school2. Students are generated school
 * by school, each school exactly its target, so their indexes are known before the students are.
 */
export function studentAccountIndexes(schools: readonly DemoSchool[]): number[] {
  const first = new Map<number, number>();
  let n = 0;
  for (const s of schools) {
    first.set(s.index, n);
    n += s.studentTarget;
  }
  const [s1, s2] = accountSchoolsOf(schools);
  const out: number[] = [];
  if (s1 && s1.studentTarget > 0) out.push(first.get(s1.index)!);
  if (s1 && s1.studentTarget > 1) out.push(first.get(s1.index)! + 1);
  if (s2 && s2.studentTarget > 0) out.push(first.get(s2.index)!);
  return out;
}

export function studentAccount(student: DemoStudent, ordinal: number): DemoAccount {
  return {
    username: `student${ordinal}`,
    displayName: student.name,
    role: 'student',
    org: { kind: 'school', index: student.schoolIndex },
    studentIndex: student.index,
  };
}

/** school1 = a higher vocational school, school2 = a secondary school, school3 = an undergraduate-level one. */
export function accountSchoolsOf(schools: readonly DemoSchool[]): DemoSchool[] {
  const picks = [
    schools.find((s) => s.level === 'higher'),
    schools.find((s) => s.level === 'secondary'),
    schools.find((s) => s.level === 'appliedUndergrad' || s.level === 'vocUndergrad'),
  ];
  return picks.filter((s): s is DemoSchool => s !== undefined);
}

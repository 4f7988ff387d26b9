import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { dualQualifiedStanding, partTimeStanding, practiceShareStanding } from '../../../core/registry/shares.ts';
import { enterprisePracticeStanding, type PracticePeriod } from '../../../core/registry/teacher-practice.ts';
import type { School, SchoolDetail } from '../../../contracts/registry.ts';
import type { Db } from '../../platform/db/engine.ts';
import { programs, teacherPracticePeriods, teachers } from '../../platform/db/schema/index.ts';
import { planPracticeRule, planShareRule } from './registry-rules.ts';

/**
 * A school's standing against the plan's staffing and practice rules (二 (三) 8, 10), computed by the core
 * from the register, the thresholds read from the policy file. Active teachers and programs only.
 */
export async function schoolStandings(db: Db, school: School, asOf: string): Promise<SchoolDetail['standings']> {
  const staff = await db
    .select({ id: teachers.id, employment: teachers.employment, subject: teachers.subject, dualQualified: teachers.dualQualified })
    .from(teachers)
    .where(and(eq(teachers.schoolId, school.id), eq(teachers.status, 'active')));
  const specialty = staff.filter((t) => t.subject === 'specialty');
  // 兼职教师 and 产业导师 both count against the quota (DESIGN.md: partTimeTeacher / industryMentor).
  const partTime = staff.filter((t) => t.employment !== 'fullTime').length;

  const periods = new Map<string, PracticePeriod[]>();
  if (specialty.length) {
    const rows = await db
      .select({ teacherId: teacherPracticePeriods.teacherId, start: teacherPracticePeriods.startDate, end: teacherPracticePeriods.endDate })
      .from(teacherPracticePeriods)
      .where(
        inArray(
          teacherPracticePeriods.teacherId,
          specialty.map((t) => t.id),
        ),
      );
    for (const r of rows) periods.set(r.teacherId, [...(periods.get(r.teacherId) ?? []), { start: r.start, end: r.end }]);
  }
  const practiceRule = planPracticeRule();
  const meetingPractice = specialty.filter((t) => enterprisePracticeStanding(periods.get(t.id) ?? [], asOf, practiceRule).met).length;

  const shareRule = planShareRule('practice_teaching_share');
  const shares = await db
    .select({ share: programs.practiceShare })
    .from(programs)
    .where(and(eq(programs.schoolId, school.id), eq(programs.status, 'active'), isNotNull(programs.practiceShare)));
  const meetingShare = shares.filter((p) => practiceShareStanding(Number(p.share), shareRule).met).length;

  return {
    partTimeTeachers: partTimeStanding(partTime, school.staffingQuota, planShareRule('part_time_teacher_quota')),
    dualQualifiedTeachers: dualQualifiedStanding(
      specialty.filter((t) => t.dualQualified).length,
      specialty.length,
      planShareRule('dual_qualified_share'),
    ),
    enterprisePractice: { asOf, specialty: specialty.length, meeting: meetingPractice, article: practiceRule.article },
    practiceTeaching: { recorded: shares.length, meeting: meetingShare, limit: shareRule.value, article: shareRule.article },
  };
}

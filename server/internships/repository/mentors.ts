import { todayOf } from '../../../core/calendar.ts';
import { and, eq } from 'drizzle-orm';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { maskPhone } from '../../../core/codes/index.ts';
import { AppError, validationFailed } from '../../../core/errors.ts';
import { organisationSide, type MentorSide } from '../../../core/internships/parties.ts';
import { checkPhone } from '../../../core/registry/student-identity.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Tx } from '../../platform/db/engine.ts';
import { teachers } from '../../platform/db/schema/index.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { findInternship, getInternship, partiesOf, requireStatus, setInternship, type InternshipRow } from './internships.ts';

/**
 * The regulation's two mentors per intern (school duties: 学校和实习单位分别安排实习指导教师和专门人员): the school names
 * one of its teachers, the enterprise names its own person. Each side names only its own mentor; a mentor can
 * be changed while the internship has not ended. Phones never enter the audit log in clear.
 */
function requireSide(actor: Actor, row: InternshipRow, side: MentorSide) {
  if (organisationSide(actor, partiesOf(row)) !== side) {
    throw new AppError('NOT_THE_PARTY', side === 'school' ? '学校指导教师由学生所在学校指定' : '企业指导人员由实习单位指定', {
      fields: { internshipId: side === 'school' ? '不是您学校的学生' : '不是您单位的实习生' },
    });
  }
}

export async function assignSchoolMentor(tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, teacherId: string, now: Date) {
  const row = await findInternship(tx, access, id, true);
  requireSide(actor, row, 'school');
  requireStatus(row, ['accepted', 'active'], '指定指导教师');
  // Only a serving teacher of the student's own school: another school's teacher is not "found" here.
  const [teacher] = await tx
    .select({ id: teachers.id, name: teachers.name })
    .from(teachers)
    .where(and(eq(teachers.id, teacherId), eq(teachers.schoolId, row.i.schoolId), eq(teachers.status, 'active')));
  if (!teacher) throw validationFailed({ teacherId: '请选择本校在职教师' });
  await setInternship(tx, id, { schoolMentorId: teacher.id });
  await audit.record({
    action: 'assignMentor',
    entityType: 'internship',
    entityId: id,
    before: { schoolMentorId: row.i.schoolMentorId },
    after: { schoolMentorId: teacher.id, schoolMentorName: teacher.name },
  });
  return getInternship(tx, access, id, todayOf(now));
}

export async function assignEnterpriseMentor(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  pii: PiiCipher,
  id: string,
  body: { name: string; phone: string },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  requireSide(actor, row, 'enterprise');
  requireStatus(row, ['accepted', 'active'], '指定指导人员');
  const phone = checkPhone(body.phone);
  if (!phone.ok) throw validationFailed({ phone: phone.reason });
  const masked = maskPhone(phone.phone);
  await setInternship(tx, id, {
    enterpriseMentorName: body.name,
    enterpriseMentorPhoneCipher: pii.encrypt(phone.phone),
    enterpriseMentorPhoneMasked: masked,
  });
  await audit.record({
    action: 'assignMentor',
    entityType: 'internship',
    entityId: id,
    before: { enterpriseMentorName: row.i.enterpriseMentorName, enterpriseMentorPhone: row.i.enterpriseMentorPhoneMasked },
    after: { enterpriseMentorName: body.name, enterpriseMentorPhone: masked },
  });
  return getInternship(tx, access, id, todayOf(now));
}

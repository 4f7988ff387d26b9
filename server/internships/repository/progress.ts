import { todayOf } from '../../../core/calendar.ts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Access, Actor } from '../../../core/authz/index.ts';
import { AppError, notFound, validationFailed } from '../../../core/errors.ts';
import { isoWeekday } from '../../../core/internships/dates.ts';
import { mentorSide } from '../../../core/internships/parties.ts';
import type { Auditor } from '../../platform/audit/auditor.ts';
import type { Db, Tx } from '../../platform/db/engine.ts';
import { internshipCheckins, internshipEvaluations, internshipLogComments, internshipLogs, users } from '../../platform/db/schema/index.ts';
import { countOf } from '../../platform/db/paging.ts';
import { findInternship, getInternship, partiesOf, requireStatus, type InternshipRow } from './internships.ts';

/** Logs and check-ins are the student's own; the student's school or enterprise may read but not write them. */
function requireStudent(actor: Actor, row: InternshipRow) {
  if (!row.studentUserId || row.studentUserId !== actor.userId) {
    throw new AppError('NOT_THE_PARTY', '周志和签到只能由实习学生本人填写', { fields: { internshipId: '不是您的实习' } });
  }
}

function requireMentor(actor: Actor, row: InternshipRow) {
  const side = mentorSide(actor, partiesOf(row));
  if (!side)
    throw new AppError('NOT_THE_PARTY', '只有该生的学校指导教师（或学校管理员）和实习单位可以评阅、评价', {
      fields: { internshipId: '您不是该生的指导教师' },
    });
  return side;
}

/** Dates the student may report on: within the internship as started, and not in the future. */
function checkDay(row: InternshipRow, date: string, today: string, field: string) {
  if (date > today) throw validationFailed({ [field]: '不能填写将来的日期' });
  if (row.i.startedOn && date < row.i.startedOn) throw validationFailed({ [field]: `不能早于实习开始日期（${row.i.startedOn}）` });
  if (date > row.i.plannedEnd) throw validationFailed({ [field]: `不能晚于实习结束日期（${row.i.plannedEnd}）` });
}

export async function listLogs(db: Db, access: Access, id: string, q: { page: number; pageSize: number }) {
  await findInternship(db, access, id);
  const where = eq(internshipLogs.internshipId, id);
  const [found, total] = await Promise.all([
    db
      .select()
      .from(internshipLogs)
      .where(where)
      .orderBy(desc(internshipLogs.weekStart))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(internshipLogs)
        .where(where),
    ),
  ]);
  const comments = found.length
    ? await db
        .select({ c: internshipLogComments, authorName: users.displayName })
        .from(internshipLogComments)
        .innerJoin(users, eq(users.id, internshipLogComments.authorId))
        .where(
          inArray(
            internshipLogComments.logId,
            found.map((l) => l.id),
          ),
        )
        .orderBy(internshipLogComments.createdAt)
    : [];
  return {
    items: found.map((l) => ({
      id: l.id,
      internshipId: l.internshipId,
      weekStart: l.weekStart,
      hoursWorked: l.hoursWorked,
      content: l.content,
      createdAt: l.createdAt.toISOString(),
      comments: comments
        .filter((c) => c.c.logId === l.id)
        .map(({ c, authorName }) => ({ id: c.id, party: c.party, authorName, comment: c.comment, createdAt: c.createdAt.toISOString() })),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function writeLog(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { weekStart: string; hoursWorked: number; content: string },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  requireStudent(actor, row);
  requireStatus(row, ['active'], '提交周志');
  if (isoWeekday(body.weekStart) !== 1) throw validationFailed({ weekStart: '请填写该周的周一' });
  const today = todayOf(now);
  if (body.weekStart > today) throw validationFailed({ weekStart: '不能提交将来一周的周志' });
  const [created] = await tx
    .insert(internshipLogs)
    .values({ internshipId: id, ...body })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError('CONFLICT', `${body.weekStart} 这一周的周志已提交`, { fields: { weekStart: '该周已提交' } });
  await audit.record({
    action: 'create',
    entityType: 'internshipLog',
    entityId: created.id,
    after: { internshipId: id, weekStart: body.weekStart, hoursWorked: body.hoursWorked },
  });
  return {
    id: created.id,
    internshipId: id,
    weekStart: created.weekStart,
    hoursWorked: created.hoursWorked,
    content: created.content,
    createdAt: created.createdAt.toISOString(),
    comments: [],
  };
}

export async function commentLog(tx: Tx, audit: Auditor, actor: Actor, access: Access, id: string, logId: string, comment: string) {
  const row = await findInternship(tx, access, id);
  const party = requireMentor(actor, row);
  const [log] = await tx
    .select({ id: internshipLogs.id })
    .from(internshipLogs)
    .where(and(eq(internshipLogs.id, logId), eq(internshipLogs.internshipId, id)));
  if (!log) throw notFound('实习周志');
  const [created] = await tx.insert(internshipLogComments).values({ logId, party, authorId: actor.userId, comment }).returning();
  await audit.record({ action: 'comment', entityType: 'internshipLog', entityId: logId, after: { party } });
  return { id: created!.id, party, authorName: actor.displayName, comment, createdAt: created!.createdAt.toISOString() };
}

export async function listCheckins(db: Db, access: Access, id: string, q: { page: number; pageSize: number }) {
  await findInternship(db, access, id);
  const where = eq(internshipCheckins.internshipId, id);
  const [found, total] = await Promise.all([
    db
      .select()
      .from(internshipCheckins)
      .where(where)
      .orderBy(desc(internshipCheckins.date))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    countOf(
      db
        .select({ total: sql<number>`count(*)::int` })
        .from(internshipCheckins)
        .where(where),
    ),
  ]);
  return { items: found.map(toCheckin), total, page: q.page, pageSize: q.pageSize };
}

const toCheckin = (c: typeof internshipCheckins.$inferSelect) => ({
  id: c.id,
  date: c.date,
  location: c.location,
  hours: c.hours === null ? null : Number(c.hours),
  createdAt: c.createdAt.toISOString(),
});

export async function checkIn(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { date: string; location?: string; hours?: number },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  requireStudent(actor, row);
  requireStatus(row, ['active'], '签到');
  checkDay(row, body.date, todayOf(now), 'date');
  const [created] = await tx
    .insert(internshipCheckins)
    .values({
      internshipId: id,
      date: body.date,
      location: body.location ?? null,
      hours: body.hours === undefined ? null : String(body.hours),
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError('CONFLICT', `${body.date} 已签到`, { fields: { date: '当日已签到' } });
  await audit.record({ action: 'checkin', entityType: 'internship', entityId: id, after: { date: body.date, hours: body.hours ?? null } });
  return toCheckin(created);
}

/** A mid-term or final evaluation by the caller's side; the final one only once the mid-term is in. */
export async function evaluate(
  tx: Tx,
  audit: Auditor,
  actor: Actor,
  access: Access,
  id: string,
  body: { stage: 'midterm' | 'final'; score: number; comment: string },
  now: Date,
) {
  const row = await findInternship(tx, access, id, true);
  const party = requireMentor(actor, row);
  requireStatus(row, ['active'], '评价');
  if (body.stage === 'final') {
    const [mid] = await tx
      .select({ id: internshipEvaluations.id })
      .from(internshipEvaluations)
      .where(
        and(eq(internshipEvaluations.internshipId, id), eq(internshipEvaluations.stage, 'midterm'), eq(internshipEvaluations.party, party)),
      );
    if (!mid) throw new AppError('INVALID_STATE', '请先完成中期评价', { fields: { stage: '尚无中期评价' } });
  }
  const [created] = await tx
    .insert(internshipEvaluations)
    .values({ internshipId: id, stage: body.stage, party, score: body.score, comment: body.comment, authorId: actor.userId })
    .onConflictDoNothing()
    .returning({ id: internshipEvaluations.id });
  if (!created)
    throw new AppError('CONFLICT', `${party === 'school' ? '学校' : '企业'}的${body.stage === 'midterm' ? '中期' : '终期'}评价已提交`, {
      fields: { stage: '已评价' },
    });
  await audit.record({
    action: 'evaluate',
    entityType: 'internship',
    entityId: id,
    after: { stage: body.stage, party, score: body.score },
  });
  return getInternship(tx, access, id, todayOf(now));
}

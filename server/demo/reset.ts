import { sql } from 'drizzle-orm';
import { rows, type Database } from '../platform/db/engine.ts';

/**
 * Remove the demo data set (organisations and users flagged is_demo, and the rows that hang off them), so
 * that a different scale or seed can be loaded. Reference data and every non-demo row stay.
 *
 * Refused unless the database's name (PostgreSQL) or data folder (PGlite) contains "test" or "demo": a
 * production database that somehow holds demo rows is cleaned by hand, deliberately.
 */
export async function databaseLabel(database: Database, dataDir: string): Promise<string> {
  if (database.engine === 'pglite') return dataDir;
  const [r] = await rows<{ name: string }>(database.db, sql`select current_database() as name`);
  return r!.name;
}

export function resetAllowed(label: string): boolean {
  return /test|demo/i.test(label);
}

/**
 * The demo's matching, internship and credit-bank records are not taken apart: internships carry signatures,
 * logs and evaluations, and the credit bank's ledger is a hash chain in which deleting demo entries would break
 * every later entry's link. Such a database is refused with what to do instead, before anything is deleted.
 */
async function refuseIfInUse(database: Database, demoOrgs: ReturnType<typeof sql>, demoUsers: ReturnType<typeof sql>) {
  const [r] = await rows<{ n: number }>(
    database.db,
    sql`select
    (select count(*) from internship_posts where enterprise_id in ${demoOrgs})
    + (select count(*) from demands where enterprise_id in ${demoOrgs})
    + (select count(*) from student_profiles where student_id in (select id from students where school_id in ${demoOrgs}))
    + (select count(*) from credit_accounts where organisation_id in ${demoOrgs} or user_id in ${demoUsers}
       or student_id in (select id from students where school_id in ${demoOrgs}))::int as n`,
  );
  if (r!.n > 0) {
    throw new Error(
      '拒绝重置：演示数据已有实习、供需对接或学分银行记录（学分账本为哈希链，不能删除其中的演示条目）。' +
        '请改为重建数据库：PGlite 删除数据目录（DATA_DIR，默认 ./data）；PostgreSQL 重建数据库后重新启动或运行 scripts/demo.ts。',
    );
  }
}

export async function resetDemo(database: Database, dataDir: string, log: (msg: string) => void): Promise<Record<string, number>> {
  const label = await databaseLabel(database, dataDir);
  if (!resetAllowed(label)) {
    throw new Error(`拒绝重置：数据库“${label}”的名称不含 test 或 demo。演示数据只能在测试或演示数据库中重置。`);
  }
  const demoOrgs = sql`(select id from organisations where is_demo)`;
  const demoUsers = sql`(select id from users where is_demo)`;
  await refuseIfInUse(database, demoOrgs, demoUsers);
  // Project calls and their review (server/demo/calls.ts): demo calls, and anything a demo party applied for or reviews.
  const demoApps = sql`(select id from call_applications where call_id in (select id from calls where is_demo) or applicant_organisation_id in ${demoOrgs})`;
  const demoRounds = sql`(select id from review_rounds where (owner_kind = 'call' and owner_id in (select id from calls where is_demo))
    or (owner_kind = 'certificationCase' and owner_id in (select id from certification_cases where enterprise_id in ${demoOrgs})))`;
  // Survey rounds a demo unit opened or a demo account was asked in (server/demo/surveys.ts), with their answers.
  const demoSurveys = sql`(select id from survey_rounds where owner_id in ${demoOrgs} or school_id in ${demoOrgs} or created_by in ${demoUsers}
    or id in (select round_id from survey_invitations where user_id in ${demoUsers} or school_id in ${demoOrgs}))`;
  const steps: [string, ReturnType<typeof sql>][] = [
    ['survey_answers', sql`delete from survey_answers where round_id in ${demoSurveys}`],
    ['survey_participations', sql`delete from survey_participations where round_id in ${demoSurveys}`],
    ['survey_invitations', sql`delete from survey_invitations where round_id in ${demoSurveys}`],
    ['survey_rounds', sql`delete from survey_rounds where id in ${demoSurveys}`],
    [
      'review_assignments',
      sql`delete from review_assignments where round_id in ${demoRounds} or expert_id in (select id from experts where is_demo or user_id in ${demoUsers})`,
    ],
    ['review_subjects', sql`delete from review_subjects where round_id in ${demoRounds}`],
    ['calls.review_round_id', sql`update calls set review_round_id = null where review_round_id in ${demoRounds}`],
    ['review_rounds', sql`delete from review_rounds where id in ${demoRounds}`],
    ['call_application_members', sql`delete from call_application_members where application_id in ${demoApps}`],
    [
      'call_application_partners',
      sql`delete from call_application_partners where application_id in ${demoApps} or organisation_id in ${demoOrgs}`,
    ],
    ['call_applications', sql`delete from call_applications where id in ${demoApps}`],
    ['calls', sql`delete from calls where is_demo`],
    [
      'quality_report_partners',
      sql`delete from quality_report_partners where school_id in ${demoOrgs}
      or report_id in (select id from quality_reports where organisation_id in ${demoOrgs})`,
    ],
    ['quality_reports', sql`delete from quality_reports where organisation_id in ${demoOrgs}`],
    ['experts', sql`delete from experts where is_demo or user_id in ${demoUsers}`],
    // The quality evaluation: findings and commissions of demo evaluators or schools, collected values and results.
    [
      'quality_findings',
      sql`delete from quality_findings where school_id in ${demoOrgs}
      or commission_id in (select id from quality_commissions where evaluator_id in ${demoOrgs})`,
    ],
    [
      'quality_commission_schools',
      sql`delete from quality_commission_schools where school_id in ${demoOrgs}
      or commission_id in (select id from quality_commissions where evaluator_id in ${demoOrgs})`,
    ],
    ['quality_commissions', sql`delete from quality_commissions where evaluator_id in ${demoOrgs}`],
    ['quality_collected', sql`delete from quality_collected where school_id in ${demoOrgs}`],
    ['quality_results', sql`delete from quality_results where school_id in ${demoOrgs}`],
    ['sessions', sql`delete from sessions where user_id in ${demoUsers}`],
    ['memberships', sql`delete from memberships where user_id in ${demoUsers} or organisation_id in ${demoOrgs}`],
    ['training_courses', sql`delete from training_courses where school_id in ${demoOrgs}`],
    [
      'carrier_partners',
      sql`delete from carrier_partners where organisation_id in ${demoOrgs}
      or carrier_id in (select id from carriers where is_demo or lead_organisation_id in ${demoOrgs})`,
    ],
    [
      'evidence_files (carriers)',
      sql`delete from evidence_files where owner_kind = 'carrier'
      and owner_id in (select id from carriers where is_demo or lead_organisation_id in ${demoOrgs})`,
    ],
    ['carriers', sql`delete from carriers where is_demo or lead_organisation_id in ${demoOrgs}`],
    [
      'major_group_programs',
      sql`delete from major_group_programs where group_id in (select id from major_groups where school_id in ${demoOrgs})`,
    ],
    ['major_groups', sql`delete from major_groups where school_id in ${demoOrgs}`],
    ['smart_demo_applications', sql`delete from smart_demo_applications where school_id in ${demoOrgs} or district_id in ${demoOrgs}`],
    ['smart_campus_assessments', sql`delete from smart_campus_assessments where school_id in ${demoOrgs} or district_id in ${demoOrgs}`],
    [
      'smart_campus_standards',
      sql`delete from smart_campus_standards st where st.published_by in ${demoUsers}
      and not exists (select 1 from smart_campus_assessments a where a.standard_id = st.id)`,
    ],
    [
      'online_courses',
      sql`delete from online_courses where school_id in ${demoOrgs} or district_id in ${demoOrgs} or partner_enterprise_id in ${demoOrgs}`,
    ],
    [
      'evidence_files (international)',
      sql`delete from evidence_files where owner_kind = 'internationalRecord'
      and owner_id in (select id from international_records where organisation_id in ${demoOrgs})`,
    ],
    [
      'practical_course_partners',
      sql`delete from practical_course_partners where enterprise_id in ${demoOrgs}
      or course_id in (select id from practical_courses where school_id in ${demoOrgs})`,
    ],
    ['practical_courses', sql`delete from practical_courses where school_id in ${demoOrgs} or district_id in ${demoOrgs}`],
    ['international_records', sql`delete from international_records where organisation_id in ${demoOrgs} or district_id in ${demoOrgs}`],
    ['funding_declarations', sql`delete from funding_declarations where school_id in ${demoOrgs} or district_id in ${demoOrgs}`],
    ['high_school_funding', sql`delete from high_school_funding where organisation_id in ${demoOrgs}`],
    [
      'graduate_destinations',
      sql`delete from graduate_destinations where school_id in ${demoOrgs} or student_id in (select id from students where school_id in ${demoOrgs})`,
    ],
    ['students', sql`delete from students where school_id in ${demoOrgs}`],
    [
      'teacher_practice_periods',
      sql`delete from teacher_practice_periods where organisation_id in ${demoOrgs}
      or teacher_id in (select id from teachers where school_id in ${demoOrgs})`,
    ],
    ['teachers', sql`delete from teachers where school_id in ${demoOrgs}`],
    ['program_years', sql`delete from program_years where program_id in (select id from programs where school_id in ${demoOrgs})`],
    ['programs', sql`delete from programs where school_id in ${demoOrgs}`],
    ['schools', sql`delete from schools where organisation_id in ${demoOrgs}`],
    ['enterprises', sql`delete from enterprises where organisation_id in ${demoOrgs}`],
    // A non-demo teacher or student record linked to a demo user keeps its record, without the link.
    ['teachers.user_id', sql`update teachers set user_id = null where user_id in ${demoUsers}`],
    ['students.user_id', sql`update students set user_id = null where user_id in ${demoUsers}`],
    ['users', sql`delete from users where is_demo`],
    ['organisations', sql`delete from organisations where is_demo`],
    // the demo city's generated past of the talent series (rows the monthly job measured stay)
    ['talent_series', sql`delete from talent_series where source = 'demo'`],
  ];
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    for (const [name, stmt] of steps) {
      const res = (await tx.execute(stmt)) as unknown as { rowCount?: number | null; affectedRows?: number };
      counts[name] = Number(res.rowCount ?? res.affectedRows ?? 0);
    }
  });
  log(
    `已删除演示数据：${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join('，')}`,
  );
  return counts;
}

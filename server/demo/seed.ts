import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { ROLE_LABELS } from '../../core/authz/roles.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { formatSummary, loadReferenceData } from '../catalogues/index.ts';
import { seedInternshipDemo } from './internships.ts';
import { seedCreditBankDemo } from './creditbank.ts';
import { seedEnterpriseDesk } from './enterprise-desk.ts';
import { seedMatchingDemo } from './matching.ts';
import { seedPlacementsDemo } from './placements.ts';
import { seedSupervisionDemo } from './supervision.ts';
import { seedCallsDemo } from './calls.ts';
import { publishDemoIndicators } from './publications.ts';
import { seedForecastDemo } from './forecast.ts';
import { seedCertificationDemo, seedDeclarationsDemo } from './certification.ts';
import { seedGraduatesDemo } from './graduates.ts';
import { seedFundingDemo } from './funding.ts';
import { seedQualityDemo } from './quality.ts';
import { seedSurveysDemo } from './surveys.ts';
import { seedDigitalDemo } from './digital.ts';
import { seedQualityReportsDemo } from './quality-reports.ts';
import { seedInternationalDemo } from './international.ts';
import { seedCarrierChecksDemo } from './carrier-checks.ts';
import { seedPracticalCoursesDemo } from './practical-courses.ts';
import { seedEmploymentReportDemo } from './employment-report.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { memberships, organisations, users } from '../platform/db/schema/index.ts';
import type { Services } from '../platform/services.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { referenceContextFromDb } from './context.ts';
import { DEFAULT_SEED, generateCity } from './generate.ts';
import { loadCity, type LoadCounts } from './load.ts';
import { reindexAll } from '../search/index.ts';
import { syncAllNameSorts } from '../registry/index.ts';
import type { DemoScale } from './types.ts';

/**
 * The demo data set: on the first start of an empty database (and unless SEED_DEMO=false), load the
 * reference catalogues and generate a demo Zhengzhou at DEMO_SCALE. Every start prints the demo sign-ins
 * that exist, so a developer always knows how to get in.
 */

/** The sign-ins printed at start: one per role and a couple more, in this order. */
const FEATURED = [
  'admin',
  'dept_ndrc',
  'dept_finance',
  'district_jinshui',
  'school1',
  'school2',
  'teacher1',
  'enterprise1',
  'student1',
  'learner1',
  'evaluator1',
];

export interface DemoLogin {
  username: string;
  label: string;
}

/** The featured demo sign-ins present in the database, with Chinese labels (role · organisation). */
export async function demoLogins(db: Db, opts: { all?: boolean } = {}): Promise<(DemoLogin & { role: string })[]> {
  const found = await db
    .select({ username: users.username, displayName: users.displayName, role: memberships.role, orgName: organisations.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(users.isDemo, true), eq(users.disabled, false), opts.all ? undefined : inArray(users.username, FEATURED)))
    .orderBy(asc(users.username));
  const order = (u: string) => (FEATURED.includes(u) ? FEATURED.indexOf(u) : FEATURED.length);
  const seen = new Set<string>();
  return found
    .sort((a, b) => order(a.username) - order(b.username) || a.username.localeCompare(b.username, 'en', { numeric: true }))
    .filter((r) => !seen.has(r.username) && seen.add(r.username))
    .map((r) => {
      const who = r.role === 'teacher' || r.role === 'student' || r.role === 'learner' ? `${r.displayName}，${r.orgName}` : r.orgName;
      return { username: r.username, role: r.role, label: `${ROLE_LABELS[r.role]} · ${who}` };
    });
}

export interface SeedResult {
  counts: LoadCounts;
  seconds: number;
}

/** Generate a demo city and load it (reference data must be loaded). */
export async function seedDemo(
  db: Db,
  pii: PiiCipher,
  opts: { scale: DemoScale; now: Date; demoPassword: string; seed?: number; log: (msg: string) => void },
): Promise<SeedResult> {
  const started = performance.now();
  const ctx = await referenceContextFromDb(db);
  if (ctx.districts.length === 0) throw new Error('参考数据尚未导入（没有区县）');
  const city = generateCity(ctx, { scale: opts.scale, seed: opts.seed ?? DEFAULT_SEED, now: opts.now });
  // One hash for every demo account: acceptable only because all of them are demo accounts (is_demo).
  const passwordHash = await hashPassword(opts.demoPassword);
  opts.log(
    `生成演示数据（规模 ${opts.scale}：${city.scale.schools} 所学校，${city.scale.enterprises} 家企业，${city.scale.teachers} 名教师，${city.scale.students} 名学生）`,
  );
  const counts = await loadCity(db, pii, city, { passwordHash, log: opts.log });
  // Operating carriers count once verified on evidence: the demo's were checked by the bureau, two wait for it.
  const checks = await seedCarrierChecksDemo(db, opts.now);
  opts.log(`载体运行核验演示数据：${checks.verified}个运行中载体已核验，${checks.awaiting}个待核验`);
  await reindexAll(db);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  opts.log(`演示数据导入完成，用时 ${seconds} 秒`);
  return { counts, seconds };
}

/** Published internship posts in the demo city: a few for the browser tests' tiny city, more for `npm start`. */
const DEMO_POSTS = { tiny: 20, demo: 300 } as const;
/**
 * Share of the students old enough for 岗位实习 placed through the lifecycle (placements.ts): an autumn wave
 * under way and a winter wave accepted, bounded by what a first start can enter step by step (about a dozen
 * audited steps per intern: 968 interns, 3%, took 1,746 s of a 2,249 s first start on 2 cores at load 30–38, so
 * the demo scale places 1%; a larger share needs a set-based acceptance in the lifecycle itself).
 */
const DEMO_PLACEMENT_SHARE = { tiny: 0.1, demo: 0.01 } as const;

/** Called by main.ts at every start. */
/** The hash every demo sign-in shares (computed once by seedDemo), for the sign-ins the later demo steps add. */
async function demoPasswordHash(db: Db): Promise<string> {
  const [row] = await db
    .select({ h: users.passwordHash })
    .from(users)
    .where(and(eq(users.username, 'admin'), eq(users.isDemo, true)));
  if (!row) throw new Error('演示账号 admin 不存在：请先生成演示数据');
  return row.h;
}

export async function seedIfEmpty(services: Services, log: (msg: string) => void): Promise<DemoLogin[]> {
  const db = services.database.db;
  const seedIfStillEmpty = async () => {
    const [{ n }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from organisations`)) as [{ n: number }];
    if (n > 0) return;
    log('数据库为空：导入参考数据并生成演示数据');
    for (const s of await loadReferenceData(db)) for (const line of formatSummary(s)) log(line);
    await seedDemo(db, services.pii, {
      scale: services.config.demoScale,
      now: services.now(),
      demoPassword: services.config.demoPassword,
      log,
    });
    // Internship posts, demands and student profiles, so the internship and matching pages have something to show.
    // The city scale leaves them to its benchmark, which sizes them itself.
    if (services.config.demoScale !== 'city') {
      const now = services.now();
      const made = await seedMatchingDemo(db, { posts: DEMO_POSTS[services.config.demoScale], seekingShare: 0.3, now });
      log(`实习岗位与需求演示数据：${made.posts}个岗位，${made.demands}条需求，${made.profiles}份学生画像（${made.seeking}人求实习）`);
      // Internships under way, entered step by step through the lifecycle's own code (rules, signatures, credit bank).
      const placed = await seedInternshipDemo(db, services.pii, { now });
      log(
        `实习过程演示数据：${placed.active}人实习中，${placed.completed}人已完成，${placed.withdrawn}人退出，${placed.accepted - placed.active - placed.completed - placed.withdrawn}人待开始，${placed.logs}篇周志`,
      );
      const passwordHash = await demoPasswordHash(db);
      const city = await seedPlacementsDemo(db, services.pii, {
        now,
        share: DEMO_PLACEMENT_SHARE[services.config.demoScale],
        passwordHash,
      });
      log(
        `实习安置演示数据：${city.eligible}名可参加岗位实习的学生中${city.placed}人已安置（${city.running}人实习中，${city.upcoming}人待开始），${city.posts}个岗位`,
      );
      const desk = await seedEnterpriseDesk(services, { now });
      log(`企业演示数据（enterprise1）：${desk.applicants}份实习申请，${desk.demands}条需求，${desk.proposals}条分配建议`);
      const reports = await seedSupervisionDemo(db, { now });
      log(
        `任务督导演示数据：${reports.reports}份进展报告（${reports.late}份逾期报送，${reports.rated}份已评分），${reports.slots}个报送单位×任务，${reports.duePeriods}个已到期期次`,
      );
      const series = await seedForecastDemo(db, { now });
      log(`人才供需月度序列演示数据：${series.months}个月，${series.rows}行（本月取自登记数据，此前按登记数据回推生成）`);
    }
    const declared = await seedDeclarationsDemo(db, { now: services.now() });
    log(`企业年度申报演示数据：${declared.declared}家规模以上企业已申报上一年度（其中国有企业${declared.stateOwned}家）`);
    // Graduates' destinations, so the cockpit's 留郑率 and 中职升学率 are computed from them (issue 16).
    const grads = await seedGraduatesDemo(db, services.pii, {
      now: services.now(),
      perSchool: services.config.demoScale === 'tiny' ? 12 : 20,
      passwordHash: await demoPasswordHash(db),
    });
    log(
      `毕业去向演示数据：${grads.years.join('、')}届毕业生${grads.graduates}人，去向记录${grads.destinations}条（graduate1 可查看本人去向）`,
    );
    // 生均财政拨款: the schools' declarations and the 市财政局's 普高 figure, so both funding targets are computed (issue 18).
    const funding = await seedFundingDemo(db, { now: services.now() });
    if (funding)
      log(
        `生均财政拨款演示数据：${funding.year}年${funding.declared}所公办学校已申报（${funding.below}所未达标），当地普高生均${funding.highSchoolYuan}元（dept_finance 录入）`,
      );
    // 满意度调查 after the internships and graduates: their students, graduates and partners are the respondents (issue 17).
    const surveyed = await seedSurveysDemo(db, services.pii, { now: services.now(), passwordHash: await demoPasswordHash(db) });
    if (surveyed)
      log(
        `满意度调查演示数据：${surveyed.rounds}轮调查，邀请${surveyed.invited}人次，${surveyed.answered}份匿名答卷（其中实习单位评价${surveyed.ratings}份；student1、graduate1 有待填问卷）`,
      );
    // 数字职教: the published smart-campus standard, self-assessments, demo schools and online courses (issue 18).
    const digital = await seedDigitalDemo(db, { now: services.now() });
    if (digital)
      log(
        `数字职教演示数据：${digital.courses}门在线课程（${digital.recognised}门已认定），${digital.assessed}所学校已自评智慧校园（${digital.meeting}所审核达标），${digital.demoSchools}所智慧职教示范校（school1 的申报待认定）`,
      );
    // 国际交流与合作 with evidence, most verified, so international_projects is computed from them (issue 18).
    const international = await seedInternationalDemo(db, { now: services.now() });
    if (international)
      log(
        `国际交流合作演示数据：${international.records}条记录（${international.verified}条已核验，${international.awaiting}条待市教育局核验）`,
      );
    // 劳动技术与职业体验课程 developed with enterprises, so practical_courses is computed from the catalogue (issue 18).
    const courses = await seedPracticalCoursesDemo(db, { now: services.now() });
    if (courses) log(`劳动技术与职业体验课程演示数据：${courses.courses}门课程（${courses.counted}门校企合作开发、开设中）`);
    // The annual report drafted from the series and destinations above and published, for /statistics (issue 16).
    if (services.config.demoScale !== 'city') {
      const reported = await seedEmploymentReportDemo(db, { now: services.now() });
      if (reported) log(`年度报告演示数据：${reported}年度人才供需与就业状况年度报告已发布（公开统计页可下载）`);
    }
    const projects = await seedCallsDemo(db, { now: services.now() });
    if (projects)
      log(
        `项目申报演示数据：${projects.calls}批申报，${projects.applications}份申报书，${projects.funded}项已立项，${projects.experts}名评审专家`,
      );
    // After the calls: the certification's expert reviews draw their panels from the expert pool seeded there.
    const certified = await seedCertificationDemo(db, { now: services.now() });
    log(`产教融合型企业演示数据：${certified.cases}家企业在申报认定流程中，${certified.reviewRounds}轮专家评审`);
    log(`公开统计演示：已公开 ${await publishDemoIndicators(db)} 项指标`);
    // The credit bank: learner1 (an employee of enterprise1 in training) and student1 with outcomes, a transfer, a credential.
    const cb = await seedCreditBankDemo(db, services.pii, {
      now: services.now(),
      passwordHash: await hashPassword(services.config.demoPassword),
    });
    if (cb)
      log(
        `学分银行演示数据：学习者 ${cb.learnerUsername}，${cb.outcomes}项学习成果，${cb.transfers}份学分转换申请，${cb.credentials}份凭证`,
      );
    // 质量年度报告 in every state (after funding, graduates and the credit bank: their tables are generated from them).
    const qr = await seedQualityReportsDemo(db, { now: services.now() });
    log(
      `质量年度报告演示数据：${qr.year}年度${qr.reports}份报告（${qr.published}份已公开；school1 的报告被退回修改，enterprise1 的报告待合作学校确认）`,
    );
    // The quality evaluation: an evaluator (evaluator1) commissioned for last year, collected values, three years evaluated.
    const quality = await seedQualityDemo(db, { now: services.now(), passwordHash: await demoPasswordHash(db) });
    if (quality)
      log(
        `质量评价演示数据：${quality.years.join('、')}年度${quality.schools}所学校已评价，第三方评价机构 evaluator1 受委托评价${quality.commissioned}所`,
      );
    // The lists would key these rows on first use; keyed now, the first name-sorted page is as fast as the next.
    const keyed = await syncAllNameSorts(db);
    log(`名称拼音排序键：${Object.values(keyed).reduce((a, b) => a + b, 0)} 条`);
    // The planner's statistics of the tables just filled. PGlite has no autovacuum to gather them: without, it takes
    // every table for a few rows and picks plans that read a whole index per row (the school's home counted each
    // program's students by scanning every enrolled student of the city: 600 ms instead of 45). The daily tidy job
    // refreshes them on PGlite (platform/jobs/tidy.ts); a PostgreSQL server's autovacuum would, but later.
    await db.execute(sql`analyze`);
    log('已更新查询规划统计信息（analyze）');
  };
  if (services.config.seedDemo) {
    if (services.database.engine === 'postgres') {
      // Several app servers may start together on an empty server database: one seeds (its loads run on
      // other pool connections while this transaction holds the lock), the others wait, then find it full.
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7283002)`);
        await seedIfStillEmpty();
      });
    } else await seedIfStillEmpty();
  }
  return (await demoLogins(db)).map(({ username, label }) => ({ username, label }));
}

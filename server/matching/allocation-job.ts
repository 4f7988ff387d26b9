import { and, eq, inArray, sql } from 'drizzle-orm';
import { internCaps } from '../../core/internships/placement-check.ts';
import { todayOf } from '../../core/calendar.ts';
import { allocateByColumnGeneration, type AllocationPost } from '../../core/matching/allocation.ts';
import { candidateGraph } from '../../core/matching/candidates.ts';
import { scoreMatch } from '../../core/matching/score.ts';
import { createAuditor } from '../platform/audit/auditor.ts';
import { rows, type Db } from '../platform/db/engine.ts';
import { allocationProposals, allocationRuns, students } from '../platform/db/schema/index.ts';
import type { JobHandler } from '../platform/jobs/registry.ts';
import { rules } from '../internships/index.ts';
import { loadScoreContext } from './context.ts';
import { loadOpenPosts, loadStudents, onlySeeking } from './facts.ts';

export const ALLOCATION_JOB = 'matching.allocate';

/**
 * Job `matching.allocate`: the city-wide (or one school's) internship allocation.
 *
 * 1. Load: students seeking an internship (in scope) who are not already settled — no live application and no
 *    proposal that a side has confirmed; published posts with places left; what the caps have left.
 * 2. Score: each student's best K eligible posts (core/matching/candidates.ts), rejected pairs left out.
 * 3. Solve: the max-score assignment under places and both caps (core/matching/allocation.ts, network simplex),
 *    made exact for every eligible pair by column generation: the pairs left out that price negative under the
 *    optimum's potentials (at most K per student and round) are added and the solver goes on from its last
 *    basis, until none does. The run records both optima, the rounds and the pairs added.
 * 4. Store, in one transaction: open proposals of these students that the new run does not repeat are
 *    superseded, repeated ones kept (so re-running never duplicates), new ones inserted, the run audited.
 *
 * The run is written at the end in one transaction, so a retried or taken-over job simply runs again.
 */
export const allocationJob: JobHandler = async ({ services, input, progress }) => {
  const db = services.database.db;
  const runId = String(input.runId);
  const t: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    t[name] = Math.round(now - t0);
    t0 = now;
  };
  const [run] = await db.select().from(allocationRuns).where(eq(allocationRuns.id, runId));
  if (!run) throw new Error(`allocation run ${runId} not found`);
  const today = todayOf(services.now());
  try {
    const { ctx, seekers, posts, arcs, result, pricingMs } = await planAllocation(db, run, today, lap, progress);
    // The solve lap holds the solver's rounds and the pricing between them; each is reported on its own.
    t.price = Math.round(pricingMs);
    t.solve! -= t.price;
    await progress({ done: 3, total: 4, message: `保存 ${result.chosenArcs.length} 条分配建议` });
    const chosen = result.chosenArcs.map((i) => {
      const a = result.arcs[i]!;
      const s = seekers[a.student]!,
        p = posts[a.post]!;
      const m = scoreMatch(ctx, s, p);
      return {
        studentId: s.id,
        postId: p.id,
        schoolId: s.schoolId,
        enterpriseId: p.enterpriseId,
        score: m.total.toFixed(1),
        breakdown: m.parts,
      };
    });
    const stored = await store(
      db,
      runId,
      seekers.map((s) => s.id),
      chosen,
      run.createdBy,
      services.now(),
    );
    lap('store');
    const totalScore = result.totalScore / 10;
    const report = {
      students: seekers.length,
      posts: posts.length,
      candidateArcs: arcs.length,
      proposed: chosen.length,
      totalScore,
      pricingRounds: result.rounds,
      pricedArcs: result.added,
      prunedProposed: result.before.placements,
      prunedTotalScore: result.before.totalScore / 10,
    };
    await db
      .update(allocationRuns)
      .set({
        ...report,
        status: 'succeeded',
        totalScore: totalScore.toFixed(1),
        prunedTotalScore: report.prunedTotalScore.toFixed(1),
        timings: t,
        finishedAt: services.now(),
      })
      .where(eq(allocationRuns.id, runId));
    await progress({ done: 4, total: 4, message: `完成：${chosen.length} 条建议（${result.rounds} 轮定价后全图最优）` });
    return { runId, ...report, kept: stored.kept, timings: t };
  } catch (err) {
    await db.update(allocationRuns).set({ status: 'failed', finishedAt: services.now() }).where(eq(allocationRuns.id, runId));
    throw err;
  }
};

/**
 * Load, score and solve (steps 1–3) for a run, without writing: the job stores what it returns, and the
 * benchmark solves the final graph again on its own as its anchor.
 */
export async function planAllocation(
  db: Db,
  run: { schoolId: string | null },
  today: string,
  lap: (phase: string) => void = () => {},
  progress: (p: { done: number; total: number; message: string }) => Promise<void> = async () => {},
) {
  await progress({ done: 0, total: 4, message: '读取学生与岗位' });
  const settled = await rows<{ id: string }>(
    db,
    sql`
    select student_id as id from internship_applications where status in ('applied', 'school_approved', 'accepted')
    union select student_id from allocation_proposals where status = 'confirmed'
      or (status = 'proposed' and (school_decision = 'confirmed' or enterprise_decision = 'confirmed'))`,
  );
  const settledIds = new Set(settled.map((r) => r.id));
  const [ctx, allStudents, posts] = await Promise.all([
    loadScoreContext(db),
    loadStudents(db, and(onlySeeking, run.schoolId ? eq(students.schoolId, run.schoolId) : undefined)),
    loadOpenPosts(db, today),
  ]);
  const seekers = allStudents.filter((s) => !settledIds.has(s.id));
  const caps = await capacities(db, posts, today);
  const rejected = await rows<{ s: string; p: string }>(
    db,
    sql`select student_id as s, post_id as p from allocation_proposals where status = 'rejected'`,
  );
  const rejectedPairs = new Set(rejected.map((r) => `${r.s}|${r.p}`));
  lap('load');
  await progress({ done: 1, total: 4, message: `为 ${seekers.length} 名学生在 ${posts.length} 个岗位中计算匹配分` });
  const k = ctx.policy.allocation.candidatesPerStudent;
  const graph = candidateGraph(ctx, rules, seekers, posts, {
    minScore: ctx.policy.allocation.minScore,
    excluded: rejectedPairs.size ? (s, p) => rejectedPairs.has(`${seekers[s]!.id}|${posts[p]!.id}`) : undefined,
  });
  const arcs = graph.best(k);
  lap('score');
  await progress({ done: 2, total: 4, message: `求解最优分配（${arcs.length} 个候选配对）` });
  let pricing = 0;
  const result = allocateByColumnGeneration(
    { studentCount: seekers.length, posts: caps.posts, enterpriseCapacity: caps.enterprises, arcs },
    (prices) => {
      const p0 = performance.now();
      const fresh = graph.price(prices, k);
      pricing += performance.now() - p0;
      return fresh;
    },
    Math.round(Object.values(ctx.policy.weights).reduce((a, b) => a + b, 0) * 10),
  );
  lap('solve');
  return { ctx, seekers, posts, caps, arcs, result, pricingMs: pricing };
}

/**
 * Places this run may fill. A post: min(places left, 20% position cap left) less the places held by proposals a
 * side has confirmed. An enterprise: its 10% cap less the interns it has (accepted 岗位实习 not yet ended) and
 * the confirmed-pending proposals on its 岗位实习 posts. 认识实习 posts are outside the caps, as at acceptance.
 */
async function capacities(db: Db, posts: Awaited<ReturnType<typeof loadOpenPosts>>, today: string) {
  const held = await rows<{ post_id: string; n: number }>(
    db,
    sql`
    select post_id, count(*)::int as n from allocation_proposals
    where status = 'proposed' and (school_decision = 'confirmed' or enterprise_decision = 'confirmed') group by post_id`,
  );
  const heldAt = new Map(held.map((r) => [r.post_id, r.n]));
  const accepted = await rows<{ post_id: string; enterprise_id: string; n: number }>(
    db,
    sql`
    select p.id as post_id, p.enterprise_id, count(*)::int as n from internship_applications a join internship_posts p on p.id = a.post_id
    where a.status = 'accepted' and p.kind = 'placement' and p.end_date >= ${today} group by p.id, p.enterprise_id`,
  );
  const acceptedAtPost = new Map(accepted.map((r) => [r.post_id, r.n]));
  const acceptedAtEnterprise = new Map<string, number>();
  for (const r of accepted) acceptedAtEnterprise.set(r.enterprise_id, (acceptedAtEnterprise.get(r.enterprise_id) ?? 0) + r.n);
  const enterpriseIndex = new Map<string, number>();
  const enterprises: number[] = [];
  const out: AllocationPost[] = posts.map((p) => {
    const h = heldAt.get(p.id) ?? 0;
    const placesLeft = Math.max(0, p.places - p.placesTaken - h);
    if (p.kind !== 'placement') return { capacity: placesLeft, enterprise: null };
    // Without a registered staff count the enterprise cannot accept placement interns (as at acceptance).
    if (p.enterpriseStaff == null) return { capacity: 0, enterprise: null };
    const cap = internCaps(p.enterpriseStaff, p.positionStaff, rules);
    let e = enterpriseIndex.get(p.enterpriseId);
    if (e === undefined) {
      e = enterprises.length;
      enterpriseIndex.set(p.enterpriseId, e);
      enterprises.push(cap.enterprise - (acceptedAtEnterprise.get(p.enterpriseId) ?? 0));
    }
    enterprises[e]! -= h;
    return { capacity: Math.max(0, Math.min(placesLeft, cap.position - (acceptedAtPost.get(p.id) ?? 0) - h)), enterprise: e };
  });
  return { posts: out, enterprises: enterprises.map((c) => Math.max(0, c)) };
}

interface NewProposal {
  studentId: string;
  postId: string;
  schoolId: string;
  enterpriseId: string;
  score: string;
  breakdown: { part: string; label: string; points: number; max: number; reason: string }[];
}

async function store(db: Db, runId: string, studentIds: string[], chosen: NewProposal[], createdBy: string | null, now: Date) {
  return db.transaction(async (tx) => {
    const keep = new Set(chosen.map((c) => `${c.studentId}|${c.postId}`));
    const open: { id: string; studentId: string; postId: string }[] = [];
    for (let i = 0; i < studentIds.length; i += 5000) {
      open.push(
        ...(await tx
          .select({ id: allocationProposals.id, studentId: allocationProposals.studentId, postId: allocationProposals.postId })
          .from(allocationProposals)
          .where(and(eq(allocationProposals.status, 'proposed'), inArray(allocationProposals.studentId, studentIds.slice(i, i + 5000))))),
      );
    }
    const supersede = open.filter((o) => !keep.has(`${o.studentId}|${o.postId}`)).map((o) => o.id);
    const kept = new Map(open.filter((o) => keep.has(`${o.studentId}|${o.postId}`)).map((o) => [`${o.studentId}|${o.postId}`, o.id]));
    for (let i = 0; i < supersede.length; i += 5000) {
      await tx
        .update(allocationProposals)
        .set({ status: 'superseded', updatedAt: now })
        .where(inArray(allocationProposals.id, supersede.slice(i, i + 5000)));
    }
    const fresh = chosen.filter((c) => !kept.has(`${c.studentId}|${c.postId}`));
    for (let i = 0; i < fresh.length; i += 1000) {
      await tx.insert(allocationProposals).values(fresh.slice(i, i + 1000).map((c) => ({ ...c, runId })));
    }
    // A repeated pair moves to the new run with its new score; its id and any history stay.
    const repeated = chosen.filter((c) => kept.has(`${c.studentId}|${c.postId}`));
    for (let i = 0; i < repeated.length; i += 1000) {
      const values = sql.join(
        repeated
          .slice(i, i + 1000)
          .map((c) => sql`(${kept.get(`${c.studentId}|${c.postId}`)!}::uuid, ${c.score}::numeric, ${JSON.stringify(c.breakdown)}::jsonb)`),
        sql`, `,
      );
      await tx.execute(sql`update allocation_proposals p set run_id = ${runId}, score = v.score, breakdown = v.breakdown, updated_at = now()
        from (values ${values}) as v(id, score, breakdown) where p.id = v.id`);
    }
    const audit = createAuditor(tx, { actorUserId: createdBy, actorName: '系统（实习分配）', actorOrganisationId: null, requestId: null });
    await audit.record({
      action: 'allocate',
      entityType: 'allocationRun',
      entityId: runId,
      after: { proposed: chosen.length, kept: kept.size, superseded: supersede.length },
    });
    return { kept: kept.size, superseded: supersede.length };
  });
}

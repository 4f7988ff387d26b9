import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  assessmentProblems,
  courseProblems,
  demoApplicationProblem,
  parseDigitalPolicy,
  standardResult,
} from '../../core/digital/index.ts';
import { digitalPolicy as policy } from '../../policy/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };

/** Digital vocational education's pure rules (二 (四) 11): the policy section, self-assessments, courses, demo schools. */
const standard = policy.smartCampus.items;
const all = (met: boolean) => standard.map((s) => ({ code: s.code, met, note: met ? '见平台数据' : null }));

test('the policy section carries the standard with an article per item, and a malformed one is refused with every problem', () => {
  assert.ok(standard.length >= 5);
  for (const item of standard) assert.ok(item.article.trim() && item.name.trim(), item.code);
  assert.ok(policy.smartCampus.passItems >= standard.filter((s) => s.required).length);
  const raw = structuredClone((plan as { digital: Record<string, unknown> }).digital) as {
    smartCampus: { items: object[]; passItems: number };
    onlineCourses: { levels: string[] };
  };
  raw.smartCampus.items.push({ ...raw.smartCampus.items[0] });
  raw.smartCampus.passItems = 99;
  raw.onlineCourses.levels = ['county'];
  assert.throws(
    () => parseDigitalPolicy(raw),
    (e: Error) => /unique/.test(e.message) && /passItems/.test(e.message) && /levels/.test(e.message),
  );
});

test('a self-assessment answers every item of the standard once, nothing outside it, each met item with its evidence', () => {
  assert.deepEqual(assessmentProblems(standard, all(true)), {});
  const outside = assessmentProblems(standard, [...all(true), { code: 'blockchain', met: true, note: 'x' }]);
  assert.match(outside[`items.${standard.length}.code`]!, /不是已发布的智慧校园建设标准中的条目/);
  const missing = assessmentProblems(standard, all(true).slice(1));
  assert.match(missing.items!, new RegExp(standard[0]!.name));
  const twice = assessmentProblems(standard, [...all(true), all(true)[0]!]);
  assert.match(twice[`items.${standard.length}.code`]!, /重复/);
  const bare = assessmentProblems(
    standard,
    all(true).map((i, n) => (n === 2 ? { ...i, note: ' ' } : i)),
  );
  assert.match(bare['items.2.note']!, /依据/);
});

test('the standard is met with every required item and at least passItems in all', () => {
  assert.equal(standardResult(standard, policy.smartCampus.passItems, all(true)).meets, true);
  assert.equal(standardResult(standard, policy.smartCampus.passItems, all(false)).meets, false);
  const required = standard.find((s) => s.required)!;
  const withoutRequired = standardResult(
    standard,
    0,
    all(true).map((i) => (i.code === required.code ? { ...i, met: false } : i)),
  );
  assert.deepEqual([withoutRequired.meets, withoutRequired.missingRequired], [false, [required.name]]);
  const optional = standard.filter((s) => !s.required);
  const onlyRequired = all(true).map((i) => (optional.some((o) => o.code === i.code) ? { ...i, met: false } : i));
  const r = standardResult(standard, standard.length, onlyRequired);
  assert.deepEqual([r.met, r.meets], [standard.length - optional.length, optional.length === 0]);
});

test('a course declaration: a recognised level, 1 to maxMajors distinct majors, credits in half points', () => {
  const ok = { level: 'city', majorCodes: ['460101'], credits: 2.5, enrolments: 300 };
  assert.deepEqual(courseProblems(policy, ok), {});
  assert.ok(courseProblems(policy, { ...ok, level: 'school' }).level);
  assert.ok(courseProblems(policy, { ...ok, majorCodes: [] }).majorCodes);
  assert.ok(courseProblems(policy, { ...ok, majorCodes: ['460101', '460101'] }).majorCodes);
  assert.ok(courseProblems(policy, { ...ok, credits: 0 }).credits);
  assert.ok(courseProblems(policy, { ...ok, credits: 1.3 }).credits);
  assert.ok(courseProblems(policy, { ...ok, credits: policy.onlineCourses.maxCredits + 1 }).credits);
  assert.ok(courseProblems(policy, { ...ok, enrolments: -1 }).enrolments);
});

test('a 智慧职教示范校 applicant must have its self-assessment accepted as meeting the standard', () => {
  assert.match(demoApplicationProblem(policy, null)!, /先按现行智慧校园建设标准完成自评/);
  assert.match(demoApplicationProblem(policy, { status: 'submitted', meets: true })!, /尚未经市教育局审核通过/);
  assert.match(demoApplicationProblem(policy, { status: 'accepted', meets: false })!, /未达到标准/);
  assert.equal(demoApplicationProblem(policy, { status: 'accepted', meets: true }), null);
  const lax = { ...policy, demoSchools: { ...policy.demoSchools, requiresSmartCampus: false } };
  assert.equal(demoApplicationProblem(lax, null), null);
});

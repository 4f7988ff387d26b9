import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerProblems, answerScore, enoughAnswers, itemScore, parseSurveysPolicy, responseRate } from '../../core/surveys/index.ts';
import plan from '../../policy/zhengzhou-2023.json' with { type: 'json' };

const raw = (plan as { surveys: Record<string, unknown> }).surveys;
const policy = parseSurveysPolicy(raw);
const questions = policy.kinds.internship_quality.questions;

test('the policy file parses; a broken section names every problem', () => {
  assert.equal(policy.scale.length, 5);
  assert.ok(policy.minResponses > 1);
  assert.throws(
    () =>
      parseSurveysPolicy({ ...raw, minResponses: 0, scale: ['好'], kinds: { ...(raw.kinds as object), employer_satisfaction: undefined } }),
    (e: Error) => /minResponses/.test(e.message) && /scale/.test(e.message) && /employer_satisfaction: missing/.test(e.message),
  );
});

test('Likert 1…5 maps to 0–100; an answer scores the mean of its items', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5].map((v) => itemScore(v, 5)),
    [0, 25, 50, 75, 100],
  );
  const values = Object.fromEntries(questions.map((q, i) => [q.code, i === 0 ? 1 : 5]));
  assert.equal(answerScore(values, questions, 5), Math.round(((100 * (questions.length - 1)) / questions.length) * 10) / 10);
});

test('an answer must rate every question 1…points, no other code, free text within the limit', () => {
  const ok = Object.fromEntries(questions.map((q) => [q.code, 3]));
  assert.deepEqual(answerProblems({ values: ok, freeText: '好' }, questions, { points: 5, freeTextMaxLength: 3 }), {});
  const bad = answerProblems(
    { values: { ...ok, [questions[0]!.code]: 0, [questions[1]!.code]: 3.5, extra: 2 }, freeText: '一二三四' },
    questions,
    { points: 5, freeTextMaxLength: 3 },
  );
  assert.deepEqual(
    Object.keys(bad).sort(),
    [`values.${questions[0]!.code}`, `values.${questions[1]!.code}`, 'values.extra', 'freeText'].sort(),
  );
  const { [questions[2]!.code]: _, ...missing } = ok;
  assert.match(
    answerProblems({ values: missing }, questions, { points: 5, freeTextMaxLength: 3 })[`values.${questions[2]!.code}`]!,
    /请回答/,
  );
});

test('results show from the minimum sample on; the response rate of nobody invited is no figure', () => {
  assert.deepEqual([enoughAnswers(4, 5), enoughAnswers(5, 5)], [false, true]);
  assert.deepEqual([responseRate(2, 3), responseRate(0, 0)], [66.7, null]);
});

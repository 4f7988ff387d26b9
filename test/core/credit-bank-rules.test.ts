import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  convertCredits,
  inForce,
  pickRule,
  ruleMatches,
  ruleShapeProblems,
  type OutcomeFacts,
  type RuleFacts,
} from '../../core/credit-bank/rules.ts';

const A = 'issuer-a';
const B = 'school-b';
const P = 'program-1';
const target = { schoolId: B, programId: P, on: '2025-03-01' };
const cert: OutcomeFacts = {
  id: 'o1',
  issuerId: A,
  kind: 'skillCertificate',
  code: 'X-101',
  field: '460103',
  level: 3,
  credits: null,
  hours: null,
};
const course: OutcomeFacts = {
  id: 'o2',
  issuerId: A,
  kind: 'trainingCourse',
  code: 'T-9',
  field: '4601',
  level: null,
  credits: null,
  hours: 40,
};
const schoolCourse: OutcomeFacts = {
  id: 'o3',
  issuerId: A,
  kind: 'schoolCourse',
  code: 'M-1',
  field: '460103',
  level: null,
  credits: 4,
  hours: null,
};

function rule(over: Partial<RuleFacts>): RuleFacts {
  return {
    id: 'r',
    ruleKey: 'k',
    version: 1,
    status: 'active',
    scope: 'outcome',
    issuerId: A,
    outcomeKind: 'skillCertificate',
    outcomeCode: 'X-101',
    field: null,
    minLevel: null,
    targetSchoolId: B,
    targetProgramId: null,
    targetCourseCode: 'Y1',
    targetCourseName: '课程Y',
    creditMode: 'fixed',
    creditValue: 3,
    maxCredits: null,
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    ...over,
  };
}

test('a single-outcome rule matches its outcome of its issuer, for its school, while in force', () => {
  assert.ok(ruleMatches(rule({}), cert, target));
  assert.equal(ruleMatches(rule({ outcomeCode: 'X-102' }), cert, target), false);
  assert.equal(ruleMatches(rule({ issuerId: 'other' }), cert, target), false);
  assert.equal(ruleMatches(rule({ targetSchoolId: 'other' }), cert, target), false);
  assert.equal(ruleMatches(rule({ targetProgramId: 'program-2' }), cert, target), false);
  assert.ok(ruleMatches(rule({ targetProgramId: P }), cert, target));
});

test('effective dates: from is inclusive, to is exclusive; proposed and archived rules are never in force', () => {
  assert.ok(inForce(rule({ effectiveFrom: '2025-03-01' }), '2025-03-01'));
  assert.equal(inForce(rule({ effectiveFrom: '2025-03-02' }), '2025-03-01'), false);
  assert.equal(inForce(rule({ effectiveTo: '2025-03-01' }), '2025-03-01'), false);
  assert.ok(inForce(rule({ effectiveTo: '2025-03-02' }), '2025-03-01'));
  assert.equal(inForce(rule({ status: 'archived' }), '2025-03-01'), false);
  assert.equal(inForce(rule({ status: 'proposed' }), '2025-03-01'), false);
});

test('a group rule takes any outcome of the kind in the field at or above the level', () => {
  const g = rule({ scope: 'group', outcomeCode: null, field: '4601', minLevel: 3 });
  assert.ok(ruleMatches(g, cert, target));
  assert.equal(ruleMatches(g, { ...cert, level: 2 }, target), false);
  assert.equal(ruleMatches(g, { ...cert, level: null }, target), false);
  assert.equal(ruleMatches(g, { ...cert, field: '4701' }, target), false);
  assert.equal(ruleMatches(g, course, target), false, 'another kind');
});

test('a program rule takes every outcome of the issuer in the source program, converting by hours or credits', () => {
  const p = rule({ scope: 'program', outcomeKind: null, outcomeCode: null, field: '4601', creditMode: 'perHours', creditValue: 16 });
  assert.ok(ruleMatches(p, course, target));
  assert.equal(convertCredits(p, course), 2.5);
  const ratio = rule({
    scope: 'program',
    outcomeKind: null,
    outcomeCode: null,
    field: '4601',
    creditMode: 'ratio',
    creditValue: 0.8,
    maxCredits: 3,
  });
  assert.equal(convertCredits(ratio, schoolCourse), 3, '4 × 0.8 = 3.2, rounded down to 3 and capped at 3');
  assert.equal(convertCredits(rule({ creditMode: 'perHours', creditValue: 16 }), { credits: null, hours: null }), 0);
});

test('the most specific rule wins, then the latest version, then the most credits; none → manual review', () => {
  const single = rule({ id: 's', creditValue: 2 });
  const group = rule({ id: 'g', scope: 'group', outcomeCode: null, field: '46', minLevel: 1, creditValue: 5 });
  assert.equal(pickRule([group, single], cert, target)?.rule.id, 's');
  const v1 = rule({ id: 'v1', version: 1, creditValue: 2 });
  const v2 = rule({ id: 'v2', version: 2, creditValue: 1.5 });
  assert.equal(pickRule([v1, v2], cert, target)?.rule.id, 'v2');
  assert.equal(pickRule([v1, v2], cert, target)?.credits, 1.5);
  assert.equal(pickRule([rule({ status: 'archived' })], cert, target), null);
  assert.equal(pickRule([], cert, target), null);
  assert.equal(
    pickRule(
      [rule({ scope: 'program', outcomeKind: null, outcomeCode: null, field: '4601', creditMode: 'perHours', creditValue: 100 })],
      course,
      target,
    ),
    null,
    'a rule that grants nothing does not count',
  );
});

test('rule shape: each scope names what it needs, credits positive, dates in order', () => {
  assert.deepEqual(ruleShapeProblems(rule({})), {});
  assert.ok(ruleShapeProblems(rule({ outcomeCode: null })).outcomeCode);
  assert.ok(ruleShapeProblems(rule({ scope: 'group', field: null })).field);
  assert.ok(ruleShapeProblems(rule({ scope: 'program', field: null })).field);
  assert.ok(ruleShapeProblems(rule({ creditValue: 0 })).creditValue);
  assert.ok(ruleShapeProblems(rule({ effectiveTo: '2024-12-31' })).effectiveTo);
});

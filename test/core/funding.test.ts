import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  declarationProblems,
  fundingGroupOf,
  fundingStanding,
  highSchoolProblems,
  parseFundingPolicy,
  perStudentYuan,
} from '../../core/funding/index.ts';
import { fundingPolicy as policy } from '../../policy/index.ts';

/** 生均财政拨款 rules (二 (五) 14): the declaration's checks, which schools answer to which threshold, standing. */

test('the per-student figure is the appropriation over the students, to the yuan', () => {
  assert.equal(perStudentYuan(60_000_000, 5000), 12000);
  assert.equal(perStudentYuan(10_000_001, 3), 3333334);
});

test('a declaration: positive figures in 元, within the sane bounds, not for a future year', () => {
  assert.deepEqual(declarationProblems(policy, { year: 2025, appropriationYuan: 60_000_000, students: 5000 }, 2026), {});
  assert.match(declarationProblems(policy, { year: 2027, appropriationYuan: 60_000_000, students: 5000 }, 2026).year!, /未来/);
  assert.match(declarationProblems(policy, { year: 1999, appropriationYuan: 60_000_000, students: 5000 }, 2026).year!, /2015/);
  assert.match(declarationProblems(policy, { year: 2025, appropriationYuan: 0, students: 5000 }, 2026).appropriationYuan!, /正数/);
  assert.match(declarationProblems(policy, { year: 2025, appropriationYuan: 6000, students: 5000 }, 2026).appropriationYuan!, /万元/);
  assert.match(declarationProblems(policy, { year: 2025, appropriationYuan: 6e9, students: 5000 }, 2026).appropriationYuan!, /上限/);
  assert.match(declarationProblems(policy, { year: 2025, appropriationYuan: 6e7, students: 12.5 }, 2026).students!, /正整数/);
  assert.deepEqual(highSchoolProblems(policy, { year: 2025, perStudentYuan: 18000 }, 2026), {});
  assert.match(highSchoolProblems(policy, { year: 2025, perStudentYuan: 1.8 }, 2026).perStudentYuan!, /万元/);
  assert.match(highSchoolProblems(policy, { year: 2025, perStudentYuan: -1 }, 2026).perStudentYuan!, /正数/);
});

test('public 高职 answer to the floor (at or above), public 中职 to the 普高 figure (strictly above); others are not counted', () => {
  assert.equal(fundingGroupOf(policy, { ownership: 'public', level: 'higher' }), 'higher');
  assert.equal(fundingGroupOf(policy, { ownership: 'public', level: 'vocUndergrad' }), 'higher');
  assert.equal(fundingGroupOf(policy, { ownership: 'public', level: 'secondary' }), 'secondary');
  assert.equal(fundingGroupOf(policy, { ownership: 'private', level: 'higher' }), null);
  assert.equal(fundingGroupOf(policy, { ownership: 'public', level: 'university' }), null);
  const t = { higherFloorYuan: 12000, highSchoolYuan: 18000 };
  assert.equal(fundingStanding('higher', 12000, t), 'meets');
  assert.equal(fundingStanding('higher', 11999, t), 'below');
  assert.equal(fundingStanding('secondary', 18000, t), 'below');
  assert.equal(fundingStanding('secondary', 18001, t), 'meets');
  assert.equal(fundingStanding('secondary', 30000, { ...t, highSchoolYuan: null }), 'noBenchmark');
  assert.equal(fundingStanding(null, 30000, t), 'notCounted');
});

test('the policy section is checked: every problem listed', () => {
  assert.throws(
    () =>
      parseFundingPolicy({
        higherLevels: ['secondary'],
        secondaryLevels: ['secondary', 'nursery'],
        perStudentFloorYuan: 5,
        perStudentCeilingYuan: 1,
      }),
    (e: Error) => /article/.test(e.message) && /secondaryLevels/.test(e.message) && /floor/.test(e.message) && /enteredBy/.test(e.message),
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignmentProblem, grantsFor } from '../../core/authz/index.ts';

test('a learner account is held in an enterprise or a school, and made by their administrators or the bureau', () => {
  assert.equal(assignmentProblem(['enterprise_admin'], 'learner', 'enterprise'), null);
  assert.equal(assignmentProblem(['school_admin'], 'learner', 'school'), null);
  assert.equal(assignmentProblem(['city_admin'], 'learner', 'enterprise'), null);
  assert.ok(assignmentProblem(['enterprise_admin'], 'learner', 'bureau'));
  assert.ok(assignmentProblem(['teacher'], 'learner', 'school'));
  assert.ok(assignmentProblem(['student'], 'learner', 'school'));
});

test('a learner reaches only their own credit-bank records and issues nothing', () => {
  for (const resource of ['creditAccount', 'learningOutcome', 'creditTransfer', 'creditLedger', 'credential'] as const) {
    assert.equal(grantsFor({ resource, action: 'read' } as never).learner, 'self', resource);
  }
  assert.equal(grantsFor({ resource: 'learningOutcome', action: 'issue' }).learner, undefined);
  assert.equal(grantsFor({ resource: 'creditTransfer', action: 'decide' }).learner, undefined);
  assert.equal(grantsFor({ resource: 'creditBankStats', action: 'read' }).learner, undefined);
  assert.equal(grantsFor({ resource: 'student', action: 'read' }).learner, undefined);
});

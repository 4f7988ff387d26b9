import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessFor, assignmentProblem, inScope, type Actor, type Membership } from '../../core/authz/index.ts';

const m = (
  role: Membership['role'],
  organisationId: string,
  organisationKind: Membership['organisationKind'],
  districtId: string | null,
): Membership => ({ role, organisationId, organisationKind, districtId });
const actor = (...memberships: Membership[]): Actor => ({ userId: 'u1', username: 'u', displayName: 'U', memberships });

test('a role without a grant gets no access', () => {
  assert.deepEqual(accessFor(actor(m('student', 's1', 'school', 'd1')), { resource: 'school', action: 'read' }), { kind: 'none' });
});

test('city grant wins over narrower ones', () => {
  const a = actor(m('school_admin', 's1', 'school', 'd1'), m('city_admin', 'b', 'bureau', null));
  assert.deepEqual(accessFor(a, { resource: 'school', action: 'update' }), { kind: 'city' });
});

test('district and organisation grants combine across memberships', () => {
  const a = actor(m('district', 'd1', 'district', 'd1'), m('school_admin', 's9', 'school', 'd2'));
  const access = accessFor(a, { resource: 'school', action: 'update' });
  assert.deepEqual(access, { kind: 'limited', districtIds: ['d1'], organisationIds: ['s9'], userId: null });
  assert.equal(inScope(access, { organisationId: 's2', districtId: 'd1' }), true);
  assert.equal(inScope(access, { organisationId: 's9', districtId: 'd2' }), true);
  assert.equal(inScope(access, { organisationId: 's3', districtId: 'd2' }), false);
});

test("self scope reaches only the user's own records", () => {
  const access = accessFor(actor(m('student', 's1', 'school', 'd1')), { resource: 'student', action: 'read' });
  assert.equal(inScope(access, { organisationId: 's1', districtId: 'd1', userId: 'u1' }), true);
  assert.equal(inScope(access, { organisationId: 's1', districtId: 'd1', userId: 'u2' }), false);
});

test('account assignment: school admins hand out school roles only, in schools', () => {
  assert.equal(assignmentProblem(['school_admin'], 'teacher', 'school'), null);
  assert.ok(assignmentProblem(['school_admin'], 'city_admin', 'bureau'));
  assert.ok(assignmentProblem(['school_admin'], 'teacher', 'enterprise'));
  assert.equal(assignmentProblem(['city_admin'], 'enterprise_admin', 'enterprise'), null);
  assert.ok(assignmentProblem(['teacher'], 'student', 'school'));
});

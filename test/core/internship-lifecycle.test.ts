import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreementState, fillTemplate } from '../../core/internships/agreement.ts';
import { placementAlerts, type PlacementFacts } from '../../core/internships/alerts.ts';
import { addDays, daysBetween, mondayOf, overlaps } from '../../core/internships/dates.ts';
import { mentorSide, organisationSide, signableParties } from '../../core/internships/parties.ts';
import { internshipRules } from '../../core/internships/rules.ts';
import { checkInsurance, checkStart } from '../../core/internships/start-check.ts';
import { currentPlan } from '../../policy/index.ts';

const rules = internshipRules(currentPlan);
const codes = (v: { rule: { code: string } }[]) => v.map((x) => x.rule.code);

test('agreement parties, adult age, insurance payers and the log gap come from the policy file', () => {
  assert.deepEqual(rules.agreementParties, ['school', 'enterprise', 'student', 'guardian']);
  assert.equal(rules.adultAge, 18);
  assert.deepEqual([...rules.insurancePayers].sort(), ['enterprise', 'school']);
  assert.equal(rules.logGapDays, 14);
});

test('the guardian signs only when the student is under 18 on the day the student signs', () => {
  const adult = agreementState([], '2008-03-01', '2026-03-01', rules);
  assert.deepEqual(adult.required, ['school', 'enterprise', 'student']);
  const minor = agreementState([], '2008-03-02', '2026-03-01', rules);
  assert.deepEqual(minor.required, ['school', 'enterprise', 'student', 'guardian']);
  // Signed while a minor: the guardian is still needed after the 18th birthday.
  const signedYoung = agreementState([{ party: 'student', signedOn: '2026-02-01' }], '2008-03-01', '2026-06-01', rules);
  assert.equal(signedYoung.guardianRequired, true);
  assert.deepEqual(signedYoung.missing, ['school', 'enterprise', 'guardian']);
  const all = agreementState(
    ['school', 'enterprise', 'student'].map((p) => ({ party: p as 'school', signedOn: '2026-06-01' })),
    '2000-01-01',
    '2026-06-01',
    rules,
  );
  assert.equal(all.complete, true);
});

test('who may sign for which party: school staff for the school and the guardian, the enterprise admin, the student only for him/herself', () => {
  const i = { schoolId: 'S', enterpriseId: 'E', studentUserId: 'U', schoolMentorUserId: null };
  assert.deepEqual(signableParties({ userId: 'T', memberships: [{ role: 'teacher', organisationId: 'S' }] }, i), ['school', 'guardian']);
  assert.deepEqual(signableParties({ userId: 'A', memberships: [{ role: 'enterprise_admin', organisationId: 'E' }] }, i), ['enterprise']);
  assert.deepEqual(signableParties({ userId: 'U', memberships: [{ role: 'student', organisationId: 'S' }] }, i), ['student']);
  assert.deepEqual(signableParties({ userId: 'X', memberships: [{ role: 'school_admin', organisationId: 'OTHER' }] }, i), []);
  assert.equal(mentorSide({ userId: 'X', memberships: [{ role: 'teacher', organisationId: 'E' }] }, i), null);
});

test('mentor side: the assigned school mentor or the school administrator; any account of the enterprise', () => {
  const teacher = (userId: string) => ({ userId, memberships: [{ role: 'teacher', organisationId: 'S' }] });
  const unassigned = { schoolId: 'S', enterpriseId: 'E', studentUserId: 'U', schoolMentorUserId: null };
  const assigned = { ...unassigned, schoolMentorUserId: 'T1' };
  // A teacher of the school who is not the intern's mentor may still sign for the school, but not mentor.
  assert.equal(mentorSide(teacher('T1'), unassigned), null);
  assert.equal(mentorSide(teacher('T2'), assigned), null);
  assert.equal(organisationSide(teacher('T2'), assigned), 'school');
  assert.equal(mentorSide(teacher('T1'), assigned), 'school');
  assert.equal(mentorSide({ userId: 'A', memberships: [{ role: 'school_admin', organisationId: 'S' }] }, unassigned), 'school');
  assert.equal(mentorSide({ userId: 'E1', memberships: [{ role: 'enterprise_admin', organisationId: 'E' }] }, assigned), 'enterprise');
  // The mentor's id on another school's internship counts for nothing there.
  assert.equal(mentorSide({ userId: 'T1', memberships: [{ role: 'teacher', organisationId: 'OTHER' }] }, assigned), null);
  assert.equal(mentorSide({ userId: 'E2', memberships: [{ role: 'enterprise_admin', organisationId: 'OTHER' }] }, assigned), null);
});

test('the template is filled completely or not at all', () => {
  assert.equal(fillTemplate('甲方：{{a}}，乙方：{{b}}', { a: '学校', b: '企业' }), '甲方：学校，乙方：企业');
  assert.throws(() => fillTemplate('{{a}} {{missing}}', { a: 'x' }), /no fact for \{\{missing\}\}/);
  assert.throws(() => fillTemplate('{{a}}', { a: 'x', extra: 'y' }), /facts not used: extra/);
});

test('start needs a fully signed agreement and insurance covering the start date', () => {
  const done = agreementState(
    ['school', 'enterprise', 'student'].map((p) => ({ party: p as 'school', signedOn: '2030-01-01' })),
    '2000-01-01',
    '2030-01-01',
    rules,
  );
  const ins = { coverageStart: '2030-03-01', coverageEnd: '2030-08-31', payer: 'enterprise' };
  const base = { startDate: '2030-03-01', today: '2030-02-01', plannedEnd: '2030-08-31', agreement: done, insurance: ins };
  assert.deepEqual(checkStart(base, rules), []);
  assert.deepEqual(codes(checkStart({ ...base, agreement: null, insurance: null }, rules)), ['intern_agreement', 'intern_insurance']);
  const partial = agreementState([{ party: 'school', signedOn: '2030-01-01' }], '2000-01-01', '2030-01-01', rules);
  const v = checkStart({ ...base, agreement: partial }, rules);
  assert.deepEqual(codes(v), ['intern_agreement']);
  assert.match(v[0]!.message, /实习单位、学生签字/);
  assert.deepEqual(codes(checkStart({ ...base, startDate: '2030-02-28' }, rules)), ['intern_insurance']);
  assert.deepEqual(codes(checkStart({ ...base, startDate: '2030-01-31' }, rules)), ['dates', 'intern_insurance']);
  assert.deepEqual(codes(checkStart({ ...base, startDate: '2030-09-01' }, rules)), ['dates', 'intern_insurance']);
});

test('insurance paid by the student is refused', () => {
  assert.deepEqual(codes(checkInsurance({ coverageStart: '2030-01-01', coverageEnd: '2030-12-31', payer: 'student' }, rules)), [
    'intern_insurance',
  ]);
  assert.deepEqual(checkInsurance({ coverageStart: '2030-01-01', coverageEnd: '2030-12-31', payer: 'school' }, rules), []);
});

const healthy: PlacementFacts = {
  status: 'active',
  kind: 'placement',
  plannedStart: '2030-03-01',
  plannedEnd: '2030-08-31',
  startedOn: '2030-03-01',
  agreementComplete: true,
  insurance: { coverageStart: '2030-03-01', coverageEnd: '2030-08-31' },
  lastLogOn: '2030-04-01',
  monthlyPayYuan: 3200,
  samePostWageYuan: 4000,
  dailyHours: 8,
  weeklyHours: 40,
  maxLogHours: 40,
  maxCheckinHours: 8,
};
const kinds = (f: PlacementFacts, today = '2030-04-10') => placementAlerts(f, rules, today).map((a) => a.kind);

test('a placement in order raises no alert; ended placements raise none', () => {
  assert.deepEqual(kinds(healthy), []);
  assert.deepEqual(kinds({ ...healthy, status: 'completed', agreementComplete: false, insurance: null }), []);
});

test('each alert with its threshold from the rules', () => {
  assert.deepEqual(kinds({ ...healthy, agreementComplete: false }), ['no_agreement']);
  assert.deepEqual(kinds({ ...healthy, insurance: null }), ['no_insurance']);
  assert.deepEqual(kinds({ ...healthy, insurance: { coverageStart: '2030-03-01', coverageEnd: '2030-05-31' } }), ['no_insurance']);
  // The gap is counted in days from the last log: exactly the threshold is fine, one day more is not.
  assert.deepEqual(kinds(healthy, addDays('2030-04-01', rules.logGapDays)), []);
  assert.deepEqual(kinds(healthy, addDays('2030-04-01', rules.logGapDays + 1)), ['no_recent_log']);
  assert.deepEqual(kinds({ ...healthy, lastLogOn: null }, '2030-03-20'), ['no_recent_log']);
  assert.deepEqual(kinds({ ...healthy, status: 'accepted', startedOn: null, lastLogOn: null }, '2030-03-20'), []);
  assert.deepEqual(kinds({ ...healthy, monthlyPayYuan: 3199 }), ['pay_below_floor']);
  assert.deepEqual(kinds({ ...healthy, kind: 'observation', monthlyPayYuan: 0 }), []);
  assert.deepEqual(kinds({ ...healthy, maxLogHours: rules.weeklyHours + 1 }), ['hours_over_limit']);
  assert.deepEqual(
    placementAlerts({ ...healthy, maxCheckinHours: rules.dailyHours + 0.5 }, rules, '2030-04-10').map((a) => a.rule.code),
    ['work_hours_daily'],
  );
});

test('calendar helpers', () => {
  assert.equal(daysBetween('2030-02-27', '2030-03-01'), 2);
  assert.equal(mondayOf('2030-03-03'), '2030-02-25');
  assert.equal(mondayOf('2030-03-04'), '2030-03-04');
  assert.equal(overlaps({ start: '2030-01-01', end: '2030-03-01' }, { start: '2030-03-01', end: '2030-04-01' }), true);
  assert.equal(overlaps({ start: '2030-01-01', end: '2030-02-28' }, { start: '2030-03-01', end: '2030-04-01' }), false);
});

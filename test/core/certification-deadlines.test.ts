import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkMayApply, integrationStatusOf, newCase, transition, type CaseState } from '../../core/certification/lifecycle.ts';
import { annualReportReminders, owesReport, type ReportingCase } from '../../core/certification/reminders.ts';
import { AppError } from '../../core/errors.ts';
import { certificationPolicy } from '../../policy/index.ts';

/** What follows certification (issue 14): its expiry and the annual report's reminders, on days passed in. */
const rules = { ...certificationPolicy.lifecycle, annualReportDue: '01-31', annualReportReminderDays: [30, 7] };

const certified: CaseState = {
  ...newCase('2022-03-01'),
  stage: 'certified',
  level: 'city',
  certifiedOn: '2023-05-10',
  validUntil: '2026-05-10',
};

test('a certification expires only after its validity; the enterprise may then apply again and the register shows none', () => {
  assert.throws(
    () => transition(certified, { name: 'expire' }, '2026-05-10', rules),
    (e: unknown) => e instanceof AppError && (e.details as { rule: string }).rule === 'validity',
  );
  const lapsed = transition(certified, { name: 'expire' }, '2026-05-11', rules);
  assert.equal(lapsed.stage, 'expired');
  assert.equal(integrationStatusOf(lapsed, '2026-05-11'), 'none');
  assert.doesNotThrow(() => checkMayApply([lapsed], '2026-05-11'));
  assert.throws(() => transition(lapsed, { name: 'annualReport', year: 2025 }, '2026-05-12', rules), /不能进行/);
  assert.throws(() => transition({ ...certified, stage: 'revoked' }, { name: 'expire' }, '2027-01-01', rules), /不能进行/);
});

const c = (over: Partial<ReportingCase> = {}): ReportingCase => ({
  caseId: 'c1',
  enterpriseId: 'e1',
  stage: 'certified',
  certifiedOn: '2025-03-01',
  validUntil: '2027-06-01',
  reportedYears: [],
  ...over,
});

test('who owes a year’s report: certified in or before it, still certified on the due day, not yet reported', () => {
  assert.equal(owesReport(c(), 2025, rules), true);
  assert.equal(owesReport(c({ reportedYears: [2025] }), 2025, rules), false);
  assert.equal(owesReport(c({ certifiedOn: '2026-01-05' }), 2025, rules), false, 'certified after the year');
  assert.equal(owesReport(c({ stage: 'expired', validUntil: '2026-01-30' }), 2025, rules), false, 'lapsed before the due day');
  assert.equal(owesReport(c({ stage: 'expired', validUntil: '2026-03-01' }), 2025, rules), true, 'lapsed after the due day');
  assert.equal(owesReport(c({ stage: 'revoked' }), 2025, rules), false);
});

test('reminders: one per window before the due day (the narrowest reached), then the overdue notice; keys per year and step', () => {
  const cases = [c(), c({ caseId: 'c2', enterpriseId: 'e2', reportedYears: [2025] })];
  assert.deepEqual(annualReportReminders(cases, '2025-12-31', rules), [], 'before the first window');
  const first = annualReportReminders(cases, '2026-01-01', rules);
  assert.equal(first.length, 1, 'only the enterprise that has not reported');
  assert.equal(first[0]!.step, 'd30');
  assert.equal(first[0]!.dedupeKey, 'certification.annualReport:2025:d30');
  assert.equal(annualReportReminders(cases, '2026-01-20', rules)[0]!.dedupeKey, first[0]!.dedupeKey, 'the same window: the same key');
  assert.equal(annualReportReminders(cases, '2026-01-24', rules)[0]!.step, 'd7');
  assert.equal(annualReportReminders(cases, '2026-01-31', rules)[0]!.step, 'd7', 'the due day is still in time');
  const late = annualReportReminders(cases, '2026-02-01', rules);
  assert.equal(late[0]!.step, 'overdue');
  assert.match(late[0]!.body, /2026-01-31前报送，至今未报送/);
  assert.ok(late[0]!.body.includes(rules.annualReportOverdue), 'the consequence from the policy file');
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAwards,
  checkEligibility,
  objectionEndsOn,
  parseCallsPolicy,
  takesApplications,
  type ApplicantFacts,
} from '../../core/calls/index.ts';
import { callsPolicy, currentPlan } from '../../policy/index.ts';

const kind = (code: string) => callsPolicy.kinds.find((k) => k.code === code)!;
const text = '校企共同制定人才培养方案，共建实训基地，开展订单培养和现代学徒制试点。';
const facts = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => ({
  organisationKind: 'school',
  schoolLevel: 'higher',
  schoolOwnership: 'public',
  integrationStatus: null,
  confirmedPartners: [{ organisationKind: 'enterprise' }],
  teamMembers: [],
  sections: { proposal: text, agreement: text, achievements: text, facilities: text },
  ...over,
});

describe('call kinds in the policy file', () => {
  it('every kind feeds a target of the plan, has a rubric and required sections', () => {
    assert.ok(callsPolicy.kinds.length >= 4);
    const targets = currentPlan.targets.map((t) => t.code);
    for (const k of callsPolicy.kinds) {
      assert.ok(targets.includes(k.target), k.code);
      assert.ok(k.rubric.length && k.evidence.length);
    }
  });
  it('a kind naming an unknown target or a bad rule is refused with each problem', () => {
    assert.throws(
      () =>
        parseCallsPolicy(
          {
            article: 'a',
            note: 'n',
            objectionDays: 5,
            kinds: [{ ...kind('collaborative_project'), target: 'nope', rules: [{ code: 'min_partners', kind: 'x', count: 0 }] }],
          },
          ['collaborative_projects'],
        ),
      (e: Error & { issues?: string[] }) => e.issues?.length === 3,
    );
  });
});

describe('eligibility, rule by rule', () => {
  it('an eligible school with a confirmed enterprise partner', () =>
    assert.deepEqual(checkEligibility(kind('collaborative_project'), facts()), []));
  it('names each failed rule: applicant kind, partners, sections', () => {
    const failed = checkEligibility(
      kind('collaborative_project'),
      facts({ organisationKind: 'enterprise', confirmedPartners: [], sections: { proposal: '太短' } }),
    );
    assert.deepEqual(
      failed.map((f) => f.rule),
      ['applicant_kind', 'min_partners', 'evidence.proposal', 'evidence.agreement'],
    );
  });
  it('a school partner does not count where an enterprise is required', () => {
    const failed = checkEligibility(kind('collaborative_project'), facts({ confirmedPartners: [{ organisationKind: 'school' }] }));
    assert.deepEqual(
      failed.map((f) => f.rule),
      ['min_partners'],
    );
  });
  it('private brand projects only for private schools', () => {
    assert.deepEqual(
      checkEligibility(kind('private_brand_project'), facts()).map((f) => f.rule),
      ['school_ownership'],
    );
    assert.deepEqual(checkEligibility(kind('private_brand_project'), facts({ schoolOwnership: 'private' })), []);
  });
  it('a teaching team: members and dual-qualified members from the register', () => {
    const members = (n: number, dual: number) => Array.from({ length: n }, (_, i) => ({ dualQualified: i < dual }));
    assert.deepEqual(
      checkEligibility(kind('teaching_innovation_team'), facts({ teamMembers: members(4, 2) })).map((f) => f.rule),
      ['min_team_members', 'min_dual_qualified_members'],
    );
    assert.deepEqual(checkEligibility(kind('teaching_innovation_team'), facts({ teamMembers: members(6, 3) })), []);
  });
  it('a training base: an enterprise must be in the reserve or certified; a secondary school may not', () => {
    const k = kind('dual_qualified_training_base');
    assert.deepEqual(
      checkEligibility(k, facts({ organisationKind: 'enterprise', schoolLevel: null, integrationStatus: 'none' })).map((f) => f.rule),
      ['enterprise_integration'],
    );
    assert.deepEqual(
      checkEligibility(k, facts({ organisationKind: 'enterprise', schoolLevel: null, integrationStatus: 'certified_city' })),
      [],
    );
    assert.deepEqual(
      checkEligibility(k, facts({ schoolLevel: 'secondary' })).map((f) => f.rule),
      ['school_level'],
    );
  });
});

describe('dates and budget', () => {
  const call = { status: 'open', opensOn: '2026-03-01', closesOn: '2026-03-31' };
  it('takes applications from opening to deadline, both days included', () => {
    assert.equal(takesApplications(call, '2026-02-28'), false);
    assert.equal(takesApplications(call, '2026-03-01'), true);
    assert.equal(takesApplications(call, '2026-03-31'), true);
    assert.equal(takesApplications(call, '2026-04-01'), false);
    assert.equal(takesApplications({ ...call, status: 'reviewing' }, '2026-03-10'), false);
  });
  it('awards within the budget and each within its request', () => {
    assert.deepEqual(checkAwards(100, [{ applicationId: 'a', amountYuan: 60, requestedYuan: 60 }]), { total: 60, errors: {} });
    const { errors } = checkAwards(100, [
      { applicationId: 'a', amountYuan: 60, requestedYuan: 50 },
      { applicationId: 'b', amountYuan: 50, requestedYuan: 50 },
    ]);
    assert.deepEqual(Object.keys(errors).sort(), ['awards', 'awards.0.amountYuan']);
  });
  it('objection period across a month end', () => assert.equal(objectionEndsOn('2026-01-29', 5), '2026-02-03'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  editProblem,
  parseInternationalPolicy,
  recordProblems,
  summarise,
  verifyProblem,
  type RecordInput,
  type SummaryRecord,
} from '../../core/international/index.ts';
import { internationalPolicy as policy } from '../../policy/index.ts';

/** 国际交流与合作 (二 (四) 13): what each kind of record must carry, verification, and the yearly summary. */

const base = { title: '赴德国双元制交流', country: '德国', partner: '柏林职业学院', startedOn: '2025-09-01' };

test('an exchange names its direction, who went and how many; other kinds do not carry them', () => {
  const ex: RecordInput = { ...base, kind: 'exchange', direction: 'outbound', participant: 'teacher', people: 6 };
  assert.deepEqual(recordProblems(policy, ex, '2026-01-10'), {});
  const bare = recordProblems(policy, { ...base, kind: 'exchange' }, '2026-01-10');
  assert.deepEqual(Object.keys(bare).sort(), ['direction', 'participant', 'people']);
  assert.match(recordProblems(policy, { ...ex, people: 0 }, '2026-01-10').people!, /1至/);
  assert.match(recordProblems(policy, { ...base, kind: 'lubanWorkshop', people: 3 }, '2026-01-10').people!, /鲁班工坊不填写人数/);
  assert.match(recordProblems(policy, { ...base, kind: 'recognition', direction: 'inbound' }, '2026-01-10').direction!, /资格互认不填写/);
});

test('a recognition names its qualification; a competition whether hosted or entered', () => {
  assert.match(recordProblems(policy, { ...base, kind: 'recognition' }, '2026-01-10').qualification!, /证书名称/);
  assert.deepEqual(recordProblems(policy, { ...base, kind: 'recognition', qualification: '焊工' }, '2026-01-10'), {});
  assert.match(recordProblems(policy, { ...base, kind: 'competition' }, '2026-01-10').role!, /承办或参赛/);
  assert.deepEqual(recordProblems(policy, { ...base, kind: 'competition', role: 'entered', awards: 2, people: 4 }, '2026-01-10'), {});
  assert.match(recordProblems(policy, { ...base, kind: 'lubanWorkshop', awards: 1 }, '2026-01-10').awards!, /获奖数/);
});

test('dates: not before the plan, not in the future, the end not before the start', () => {
  const w: RecordInput = { ...base, kind: 'lubanWorkshop' };
  assert.match(recordProblems(policy, { ...w, startedOn: '2022-12-31' }, '2026-01-10').startedOn!, /2023/);
  assert.match(recordProblems(policy, { ...w, startedOn: '2026-01-11' }, '2026-01-10').startedOn!, /尚未开始/);
  assert.deepEqual(recordProblems(policy, { ...w, startedOn: '2026-01-10' }, '2026-01-10'), {});
  assert.match(recordProblems(policy, { ...w, endedOn: '2025-08-31' }, '2026-01-10').endedOn!, /早于/);
});

test('the bureau verifies only a record awaiting it and with evidence; a verified record is not edited by its owner', () => {
  assert.match(verifyProblem('submitted', 0)!, /佐证材料/);
  assert.equal(verifyProblem('submitted', 1), null);
  assert.match(verifyProblem('verified', 2)!, /待核验/);
  assert.match(verifyProblem('returned', 2)!, /待核验/);
  assert.match(editProblem('verified')!, /不能修改/);
  assert.equal(editProblem('returned'), null);
});

test('the summary: people by direction and participant of the year, competitions, workshops up to the year', () => {
  const r = (x: Partial<SummaryRecord>): SummaryRecord => ({
    kind: 'exchange',
    year: 2025,
    country: '德国',
    direction: null,
    participant: null,
    people: null,
    role: null,
    awards: null,
    ...x,
  });
  const s = summarise(
    [
      r({ direction: 'inbound', participant: 'student', people: 12 }),
      r({ direction: 'inbound', participant: 'student', people: 3 }),
      r({ direction: 'outbound', participant: 'teacher', people: 5 }),
      r({ direction: 'outbound', participant: 'teacher', people: 9, year: 2024 }),
      r({ kind: 'recognition' }),
      r({ kind: 'competition', role: 'hosted' }),
      r({ kind: 'competition', role: 'entered', awards: 3 }),
      r({ kind: 'lubanWorkshop', country: '泰国', year: 2024 }),
      r({ kind: 'lubanWorkshop', country: '埃及', year: 2025 }),
      r({ kind: 'lubanWorkshop', country: '肯尼亚', year: 2026 }),
    ],
    2025,
  );
  assert.deepEqual(s, {
    year: 2025,
    exchanges: { inbound: { students: 15, teachers: 0 }, outbound: { students: 0, teachers: 5 }, records: 3 },
    recognitions: 1,
    competitions: { hosted: 1, entered: 1, awards: 3 },
    lubanWorkshops: { count: 2, countries: ['埃及', '泰国'] },
  });
});

test('the policy section is checked: its target must be one of the plan', () => {
  assert.throws(() => parseInternationalPolicy({ ...policy, target: 'nope' }, ['international_projects']), /not a target/);
  assert.throws(() => parseInternationalPolicy({ ...policy, maxPeople: 0 }, ['international_projects']), /maxPeople/);
});

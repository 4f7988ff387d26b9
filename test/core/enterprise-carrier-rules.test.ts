import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CARRIER_KINDS, CARRIER_KIND_LABELS } from '../../core/registry/carrier-kinds.ts';
import { carrierProblems, touchesCertification, type CarrierFacts } from '../../core/registry/carrier-rules.ts';

const base: CarrierFacts = {
  kind: 'trainingBase',
  level: 'city',
  status: 'planned',
  startDate: '2024-01-01',
  endDate: null,
  certifiedAt: null,
  certifyingBody: null,
  legalPerson: null,
  country: null,
};

test('every carrier kind of the glossary has a Chinese label', () => {
  assert.equal(CARRIER_KINDS.length, 10);
  for (const k of CARRIER_KINDS) assert.ok(CARRIER_KIND_LABELS[k]);
});

test('a consistent record has no problems', () => {
  assert.deepEqual(carrierProblems(base), {});
  assert.deepEqual(carrierProblems({ ...base, kind: 'educationGroup', legalPerson: true }), {});
  assert.deepEqual(carrierProblems({ ...base, kind: 'lubanWorkshop', country: '泰国', level: 'national' }), {});
  assert.deepEqual(carrierProblems({ ...base, status: 'certified', certifiedAt: '2024-06-01', certifyingBody: '郑州市教育局' }), {});
});

test('contradictions are named by field, in Chinese', () => {
  const p = carrierProblems({
    ...base,
    kind: 'innovationCenter',
    level: 'national',
    endDate: '2023-01-01',
    legalPerson: false,
    country: '德国',
  });
  assert.deepEqual(Object.keys(p).sort(), ['country', 'endDate', 'legalPerson', 'level']);
  const c = carrierProblems({ ...base, status: 'certified' });
  assert.ok(c.certifiedAt && c.certifyingBody);
  assert.ok(carrierProblems({ ...base, certifiedAt: '2023-12-31' }).certifiedAt);
});

test('recording a certification is recognised whatever field carries it', () => {
  assert.equal(touchesCertification(null, { status: 'planned' }), false);
  assert.equal(touchesCertification(null, { status: 'certified' }), true);
  assert.equal(
    touchesCertification({ status: 'operating', certifiedAt: null, certifyingBody: null }, { certifyingBody: '河南省教育厅' }),
    true,
  );
  assert.equal(
    touchesCertification(
      { status: 'certified', certifiedAt: '2024-01-01', certifyingBody: 'x' },
      { status: 'certified', certifiedAt: '2024-01-01' },
    ),
    false,
  );
  assert.equal(touchesCertification({ status: 'certified', certifiedAt: '2024-01-01', certifyingBody: 'x' }, { status: 'closed' }), false);
});

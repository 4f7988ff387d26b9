import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffFields } from '../../core/audit/diff.ts';

test('only changed fields are recorded, with before and after', () => {
  assert.deepEqual(diffFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null }), { b: { before: 'x', after: 'y' } });
});

test('creation records every field; dates become ISO strings', () => {
  const at = new Date('2025-01-02T03:04:05Z');
  assert.deepEqual(diffFields(null, { at, n: 2 }), {
    at: { before: null, after: '2025-01-02T03:04:05.000Z' },
    n: { before: null, after: 2 },
  });
});

test('redacted fields are marked changed without their values', () => {
  assert.deepEqual(diffFields({ idNumber: 'A' }, { idNumber: 'B' }, ['idNumber']), { idNumber: { before: '***', after: '***' } });
});

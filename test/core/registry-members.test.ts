import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeIdNumber } from '../../core/codes/index.ts';
import { validateSchoolCode } from '../../core/registry/school-code.ts';
import { checkIdentity, checkPhone } from '../../core/registry/student-identity.ts';
import { nextUsernames, sequenceOf, usernamePrefix } from '../../core/registry/usernames.ts';

const today = new Date('2025-06-30T04:00:00Z');

test('学校标识码: 10 digits, full-width digits and spaces normalised', () => {
  assert.deepEqual(validateSchoolCode('4141012345'), { valid: true, value: '4141012345' });
  assert.deepEqual(validateSchoolCode(' ４１４１０１２３４５ '), { valid: true, value: '4141012345' });
  assert.deepEqual(validateSchoolCode('41410 12345'), { valid: true, value: '4141012345' });
  const short = validateSchoolCode('414101234');
  assert.equal(short.valid, false);
  if (!short.valid) assert.match(short.reason, /应为10位数字，当前为9位/);
  const letters = validateSchoolCode('41410123A5');
  assert.equal(letters.valid, false);
  if (!letters.valid) assert.equal(letters.code, 'charset');
  assert.equal(validateSchoolCode('').valid, false);
});

test('identity: birth date and sex come from the ID number when not given', () => {
  const id = makeIdNumber('410102', '20080315', '123'); // odd 17th digit: male
  assert.deepEqual(checkIdentity({ idNumber: id }, today), { ok: true, idNumber: id, birthDate: '2008-03-15', sex: 'male' });
  const lower = id.slice(0, 17) + id[17]!.toLowerCase();
  const normalised = checkIdentity({ idNumber: ` ${lower} ` }, today);
  assert.equal(normalised.ok && normalised.idNumber, id);
});

test('identity: a birth date or sex that disagrees with the number names the field', () => {
  const id = makeIdNumber('410102', '20080315', '124'); // even: female
  assert.equal(checkIdentity({ idNumber: id, birthDate: '2008-03-15', sex: 'female' }, today).ok, true);
  const wrong = checkIdentity({ idNumber: id, birthDate: '2008-03-16', sex: 'male' }, today);
  assert.equal(wrong.ok, false);
  if (!wrong.ok) {
    assert.match(wrong.fields.birthDate!, /号码中为2008-03-15/);
    assert.match(wrong.fields.sex!, /号码中为女/);
  }
});

test('identity: an invalid number names idNumber with the GB 11643 reason; a future birth date is refused', () => {
  const id = makeIdNumber('410102', '20080315', '123');
  const badCheck = checkIdentity({ idNumber: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') }, today);
  assert.equal(badCheck.ok, false);
  if (!badCheck.ok) assert.match(badCheck.fields.idNumber!, /校验码错误/);
  const future = checkIdentity({ idNumber: makeIdNumber('410102', '20300101', '123') }, today);
  assert.equal(future.ok, false);
  if (!future.ok) assert.match(future.fields.idNumber!, /晚于今天/);
});

test('phone: normalised mainland mobile numbers, reasons otherwise', () => {
  assert.deepEqual(checkPhone('+86 138-0013-8000'), { ok: true, phone: '13800138000' });
  const bad = checkPhone('0371-12345678');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.reason, /手机号码/);
});

test('usernames: kind letter, school code and a sequence that continues after the highest taken', () => {
  assert.equal(usernamePrefix('teacher', '4141012345'), 't4141012345-');
  assert.deepEqual(nextUsernames('teacher', '4141012345', [], 3), ['t4141012345-0001', 't4141012345-0002', 't4141012345-0003']);
  assert.deepEqual(nextUsernames('student', '4141012345', [], 1), ['s4141012345-00001']);
  // Continues after the highest, whatever the order; a hand-made name with the prefix does not confuse it.
  const taken = ['t4141012345-0007', 't4141012345-0002', 't4141012345-admin'];
  assert.deepEqual(nextUsernames('teacher', '4141012345', taken, 2), ['t4141012345-0008', 't4141012345-0009']);
  assert.equal(sequenceOf('t4141012345-', 't4141012345-admin'), null);
  assert.equal(sequenceOf('t4141012345-', 's4141012345-00001'), null);
  // Past the padding width the sequence just grows.
  assert.deepEqual(nextUsernames('teacher', '4141012345', ['t4141012345-9999'], 1), ['t4141012345-10000']);
  // Deterministic.
  assert.deepEqual(nextUsernames('student', '4141012345', taken, 5), nextUsernames('student', '4141012345', taken, 5));
});

test('usernames: a code that is not digits only is reduced to letters and digits, so the name stays valid', () => {
  const [name] = nextUsernames('teacher', 'T-ab12', [], 1);
  assert.equal(name, 'tTab12-0001');
  assert.match(name!, /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/);
});

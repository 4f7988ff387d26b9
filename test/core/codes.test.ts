/**
 * Identity codes. Expected check characters are computed here by independent reference code written
 * from the standards' formulas (weights derived, not copied), and cross-checked by hand-worked sums in
 * the comments — never taken from memory.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  idNumberBirthDate,
  idNumberCheckChar,
  idNumberSex,
  makeIdNumber,
  makeUscc,
  maskIdNumber,
  maskPhone,
  orgCodeCheckDigit,
  usccCheckChar,
  validateIdNumber,
  validatePhone,
  validateUscc,
} from '../../core/codes/index.ts';

// ---- reference implementations (deliberately different code from core) ----------------------

const REF_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100: weight_i = 3^i mod 31, check = 31 − Σ mod 31 (31 → 0). */
function refUsccCheck(first17: string): string {
  let sum = 0;
  let w = 1;
  for (const ch of first17) {
    sum += REF_CHARSET.indexOf(ch) * w;
    w = (w * 3) % 31;
  }
  return REF_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714: letters A=10 … Z=35 by parseInt base 36. */
function refOrgCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body8].reduce((s, ch, i) => s + parseInt(ch, 36) * weights[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** GB 11643: weight_i = 2^(17−i) mod 11 for positions i = 1..17; check table 1 0 X 9 8 7 6 5 4 3 2. */
function refIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}

const ok = (r: { valid: boolean }) => assert.equal(r.valid, true, JSON.stringify(r));
function bad(r: { valid: boolean; code?: string; reason?: string }, code: string) {
  assert.equal(r.valid, false, 'expected invalid');
  assert.equal(r.code, code, JSON.stringify(r));
  assert.match(r.reason!, /[\u4e00-\u9fff]/, 'reason should be a Chinese sentence');
}

// ---- USCC --------------------------------------------------------------------------------------

test('USCC reference: the GB 32100 example 91350100M000100Y43 checks out', () => {
  // Org code M000100Y-4: M=22, Y=34 → 22×3 + 1×5 + 34×2 = 139; 139 mod 11 = 7; 11−7 = 4.
  assert.equal(refOrgCheck('M000100Y'), '4');
  assert.equal(orgCodeCheckDigit('M000100Y'), '4');
  // Final character computed independently (also by a separate Python one-liner): 3.
  assert.equal(refUsccCheck('91350100M000100Y4'), '3');
  assert.equal(usccCheckChar('91350100M000100Y4'), '3');
  ok(validateUscc('91350100M000100Y43'));
});

test('USCC: 911100001000000084 is NOT valid; its correct final character is J', () => {
  // Org code 10000000: 1×3 = 3 → 11−3 = 8, so "100000008" is a valid organisation code …
  assert.equal(refOrgCheck('10000000'), '8');
  // … but the 18th character must be J, not 4.
  assert.equal(refUsccCheck('91110000100000008'), 'J');
  bad(validateUscc('911100001000000084'), 'checkChar');
  ok(validateUscc('91110000100000008J'));
});

test('USCC: check character agrees with the reference for many generated codes', () => {
  const prefixes = [
    '11',
    '12',
    '13',
    '19',
    '21',
    '31',
    '35',
    '41',
    '51',
    '52',
    '53',
    '59',
    '61',
    '71',
    '81',
    '91',
    '92',
    '93',
    'A1',
    'N2',
    'Y1',
  ];
  const bodies = ['MA44TEXT', '10000000', '41010200', 'MA3X0001', '74506838', 'L1234567', '00000000', 'MAH0P99Q'];
  for (const p of prefixes) {
    for (const b of bodies) {
      const code = makeUscc(p, '410100', b);
      assert.equal(code.slice(16, 17), refOrgCheck(b));
      assert.equal(code.slice(17), refUsccCheck(code.slice(0, 17)));
      ok(validateUscc(code));
    }
  }
});

test('USCC: normalises whitespace, lowercase and full-width input', () => {
  const r = validateUscc('  91350100m000100y43 ');
  assert.deepEqual(r, { valid: true, value: '91350100M000100Y43' });
  ok(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３'));
});

test('USCC: bad cases are refused with the rule they broke', () => {
  bad(validateUscc(''), 'empty');
  bad(validateUscc('   '), 'empty');
  bad(validateUscc('91350100M000100Y4'), 'length');
  bad(validateUscc('91350100M000100Y433'), 'length');
  assert.match((validateUscc('9135') as { reason: string }).reason, /应为18位，当前为4位/);
  // I, O, Z, S, V and punctuation are not in the charset.
  bad(validateUscc('91350100M000100I43'), 'charset');
  bad(validateUscc('91350100MO00100Y43'), 'charset');
  bad(validateUscc('9135010-M000100Y43'), 'charset');
  assert.match((validateUscc('91350100M000100I43') as { reason: string }).reason, /第16位“I”/);
  // Unknown registration department (B) and a category the department does not have (工商 has no 9).
  bad(validateUscc('B1350100M000100Y43'), 'department');
  bad(validateUscc('99350100M000100Y43'), 'category');
  bad(validateUscc('Y2350100M000100Y43'), 'category');
  // Letters in the division code.
  bad(validateUscc('9135A100M000100Y43'), 'division');
  // Org-code check digit wrong (4 → 5); the final character is recomputed so only the org check fails.
  const first17 = '91350100M000100Y5';
  bad(validateUscc(first17 + refUsccCheck(first17)), 'orgCodeCheck');
  // Final check character wrong, everything else right.
  bad(validateUscc('91350100M000100Y44'), 'checkChar');
});

test('USCC: makeUscc refuses bodies outside the charset', () => {
  assert.throws(() => makeUscc('91', '410100', 'MA44TEST')); // S is not allowed
  assert.throws(() => makeUscc('91', '41010', 'MA44TEXT'));
  assert.throws(() => makeUscc('9', '410100', 'MA44TEXT'));
});

// ---- 居民身份证号码 --------------------------------------------------------------------------

test('ID: reference check digits, including the GB 11643 example 11010519491231002X', () => {
  // Weights derived as 2^(17−i) mod 11 must equal the published table.
  const derived = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
  assert.deepEqual(derived, [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
  assert.equal(refIdCheck('11010519491231002'), 'X');
  assert.equal(idNumberCheckChar('11010519491231002'), 'X');
  ok(validateIdNumber('11010519491231002X'));
  ok(validateIdNumber('11010519491231002x')); // lowercase x is normalised
  assert.equal(refIdCheck('41010220050315123'), '2');
  assert.equal(makeIdNumber('410102', '20050315', '123'), '410102200503151232');
});

test('ID: generated numbers agree with the reference', () => {
  const divisions = ['410102', '410105', '410181', '110105', '650102', '810000', '830000'];
  const births = ['19000101', '19491231', '20000229', '20071130', '20101010'];
  for (const d of divisions) {
    for (const b of births) {
      for (const s of ['001', '122', '999']) {
        const id = makeIdNumber(d, b, s);
        assert.equal(id[17], refIdCheck(id.slice(0, 17)));
        ok(validateIdNumber(id, new Date('2024-06-01T00:00:00Z')));
      }
    }
  }
});

test('ID: birth date, sex and mask', () => {
  const id = makeIdNumber('410102', '20050315', '123');
  assert.equal(idNumberBirthDate(id), '2005-03-15');
  assert.equal(idNumberSex(id), 'male'); // 17th digit 3
  assert.equal(idNumberSex(makeIdNumber('410102', '20050315', '124')), 'female');
  assert.equal(idNumberSex('11010519491231002X'), 'female'); // 17th digit 2
  assert.equal(maskIdNumber(id), '410102********1232');
  assert.equal(maskIdNumber('410102200503151234'), '410102********1234');
  assert.equal(maskIdNumber('4101'), '****');
  assert.ok(!maskIdNumber('41010220050315').includes('20050315'));
  assert.throws(() => idNumberBirthDate('1234'));
});

test('ID: bad cases are refused with the rule they broke', () => {
  const withCheck = (first17: string) => first17 + refIdCheck(first17);
  bad(validateIdNumber(''), 'empty');
  bad(validateIdNumber('410102050315123'), 'oldFormat');
  bad(validateIdNumber('4101022005031512'), 'length');
  bad(validateIdNumber('4101022005031512322'), 'length');
  bad(validateIdNumber('41010220050315A232'), 'charset');
  bad(validateIdNumber('41010220050315123Y'), 'charset');
  // Province codes: 00, 10, 16, 20, 39, 47, 55, 66, 70, 80, 84, 91, 99 do not exist.
  for (const p of ['00', '10', '16', '20', '39', '47', '55', '66', '70', '80', '84', '91', '99']) {
    bad(validateIdNumber(withCheck(`${p}010220050315123`)), 'province');
  }
  bad(validateIdNumber(withCheck('41010220230230123')), 'birthDate'); // 30 February
  bad(validateIdNumber(withCheck('41010220230229123')), 'birthDate'); // 2023 is not a leap year
  bad(validateIdNumber(withCheck('41010219000229123')), 'birthDate'); // 1900 is not a leap year
  bad(validateIdNumber(withCheck('41010220231301123')), 'birthDate'); // month 13
  bad(validateIdNumber(withCheck('41010220230100123')), 'birthDate'); // day 0
  bad(validateIdNumber(withCheck('41010218991231123')), 'birthDate'); // before 1900
  ok(validateIdNumber(withCheck('41010220000229123'))); // 2000 is a leap year
  // Future birth date relative to the `today` passed in (Beijing calendar date).
  const future = withCheck('41010220240602123');
  bad(validateIdNumber(future, new Date('2024-06-01T12:00:00Z')), 'futureBirthDate');
  // 2024-06-01T16:30Z is already 2 June in Beijing, so a 2 June birth is not in the future.
  ok(validateIdNumber(future, new Date('2024-06-01T16:30:00Z')));
  ok(validateIdNumber(future)); // no clock in the core: without `today` the future check is skipped
  // Wrong check digit.
  bad(validateIdNumber('410102200503151233'), 'checkDigit');
  bad(validateIdNumber('110105194912310021'), 'checkDigit');
});

// ---- phone -------------------------------------------------------------------------------------

test('phone: valid numbers and normalisation', () => {
  for (const p of ['13800138000', '19912345678', '15012345678', '16612345678', '17012345678']) ok(validatePhone(p));
  assert.deepEqual(validatePhone(' 138 0013 8000 '), { valid: true, value: '13800138000' });
  assert.deepEqual(validatePhone('138-0013-8000'), { valid: true, value: '13800138000' });
  assert.deepEqual(validatePhone('+86 138 0013 8000'), { valid: true, value: '13800138000' });
  assert.deepEqual(validatePhone('008613800138000'), { valid: true, value: '13800138000' });
  assert.deepEqual(validatePhone('１３８００１３８０００'), { valid: true, value: '13800138000' });
});

test('phone: bad cases', () => {
  bad(validatePhone(''), 'empty');
  bad(validatePhone('1380013800a'), 'format');
  bad(validatePhone('1380013800'), 'length');
  bad(validatePhone('138001380001'), 'length');
  bad(validatePhone('12800138000'), 'prefix');
  bad(validatePhone('10012345678'), 'prefix');
  bad(validatePhone('23800138000'), 'prefix');
  bad(validatePhone('037167890123'), 'length'); // a Zhengzhou landline with area code
});

test('phone: mask', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('+86 138 1234 5678'), '138****5678');
  assert.equal(maskPhone('12345'), '***45');
  assert.equal(maskPhone('123'), '***');
});

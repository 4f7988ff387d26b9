import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildPlatformDictionary,
  documentLexemes,
  normalizeText,
  parseQuery,
  quoteLexeme,
  segmentText,
  splitRuns,
  toTsvector,
} from '../../core/search/tokenize.ts';

const dict = buildPlatformDictionary([
  { names: ['数控技术', '软件技术', '计算机应用技术'], freq: 2000 },
  { names: ['金属切削机床制造', '应用软件开发'] },
  { names: ['智能终端', '装备制造'], freq: 2000 },
  { names: ['中牟县', '中牟', '金水区', '金水'], freq: 2000 },
]);

test('normalisation folds full-width forms and case', () => {
  assert.equal(normalizeText('ＡＩ１２３　Ｃｎｃ'), 'ai123 cnc');
  assert.deepEqual(
    splitRuns('5G智能终端，VR·设备').map((r) => r.chars.join('')),
    ['5g', '智能终端', 'vr', '设备'],
  );
});

test('the platform dictionary segments organisation names along their parts', () => {
  assert.deepEqual(segmentText(dict, '郑州铁路职业技术学院'), ['郑州铁路', '职业技术学院']);
  assert.deepEqual(segmentText(dict, '中牟县职业教育中心'), ['中牟县', '职业教育中心']);
  assert.deepEqual(segmentText(dict, '郑州华兴数控机床有限公司'), ['郑州', '华', '兴', '数控机床', '有限公司']);
  assert.deepEqual(segmentText(dict, '数控技术'), ['数控技术']);
});

test('a document yields characters, bigrams and long words at character positions, weighted by field', () => {
  const lex = documentLexemes(dict, [
    { text: '郑州铁路', weight: 'A' },
    { text: '数控技术 CNC', weight: 'C' },
  ]);
  assert.deepEqual(lex.get('郑'), [{ pos: 1, weight: 'A' }]);
  assert.deepEqual(lex.get('郑州'), [{ pos: 1, weight: 'A' }]);
  assert.deepEqual(lex.get('州铁'), [{ pos: 2, weight: 'A' }]);
  assert.deepEqual(lex.get('铁路'), [{ pos: 3, weight: 'A' }]);
  assert.equal(lex.has('郑州铁路'), true, '郑州铁路 is a word of the dictionary (an expansion target)');
  // The second field starts after a gap, so that no phrase spans the two.
  assert.deepEqual(lex.get('数控'), [{ pos: 7, weight: 'C' }]);
  assert.deepEqual(lex.get('数控技术'), [{ pos: 7, weight: 'C' }]);
  assert.deepEqual(lex.get('cnc'), [{ pos: 12, weight: 'C' }]);
  assert.equal(lex.has('路数'), false);
});

test('the tsvector text quotes lexemes and marks weights (D is the default)', () => {
  const v = toTsvector(dict, [
    { text: '软件', weight: 'A' },
    { text: "O'Neil", weight: 'D' },
  ]);
  assert.equal(v, "'软':1A '软件':1A '件':2A 'o':5 'neil':7");
  assert.equal(quoteLexeme("it's\\"), "'it''s\\\\'");
  assert.equal(
    toTsvector(dict, [
      { text: '，。！', weight: 'A' },
      { text: null, weight: 'B' },
    ]),
    '',
  );
});

test('a query becomes units: dictionary words, runs of unknown characters, letter/digit runs', () => {
  const q = parseQuery(dict, '郑州铁道职业技术学院');
  assert.deepEqual(q.units, ['郑州', '铁道', '职业技术学院']);
  assert.equal(q.text, '郑州铁道职业技术学院');
  const q2 = parseQuery(dict, ' 5102  软件 ');
  assert.deepEqual(q2.units, ['5102', '软件']);
  assert.equal(q2.all, "'5102':* & '软件'");
  assert.equal(q2.any, "'5102':* | '软件'");
  assert.equal(parseQuery(dict, '！？').all, null);
});

test('a unit of three characters or more matches as the word or as its bigram phrase', () => {
  const q = parseQuery(dict, '数控技术');
  assert.equal(q.all, "('数控技术' | ('数控' <-> '控技' <-> '技术'))");
  const unknown = parseQuery(dict, '宇驰华');
  assert.equal(unknown.all, "('宇驰' <-> '驰华')");
});

test('abbreviations and synonyms widen a unit; the full form does not widen to the abbreviation', () => {
  assert.match(parseQuery(dict, '数控').all!, /'cnc'/);
  assert.match(parseQuery(dict, '数控').all!, /'机床'/);
  assert.match(parseQuery(dict, 'CNC').all!, /'数控'/);
  const abbr = parseQuery(dict, '郑铁职院');
  assert.deepEqual(abbr.units, ['郑铁', '职院']);
  assert.match(abbr.all!, /'郑州' <-> '州铁' <-> '铁路'/);
  assert.match(abbr.all!, /'职业技术学院'/);
  assert.doesNotMatch(parseQuery(dict, '郑州职业技术学院').all!, /'职院'/);
  assert.deepEqual(parseQuery(dict, '跨境电商').names, ['跨境电商', '跨境电子商务']);
});

test('type words beside other words become type hints, alone they are terms', () => {
  const q = parseQuery(dict, '汽车企业');
  assert.deepEqual(q.units, ['汽车']);
  assert.deepEqual(q.typeHints, ['enterprise']);
  assert.deepEqual(parseQuery(dict, '护理 学校').typeHints, ['school']);
  assert.deepEqual(parseQuery(dict, '护理专业').typeHints.sort(), ['major', 'program']);
  const alone = parseQuery(dict, '企业');
  assert.deepEqual(alone.units, ['企业']);
  assert.deepEqual(alone.typeHints, []);
});

test('repeated units are searched once', () => {
  assert.deepEqual(parseQuery(dict, '软件 软件').units, ['软件']);
});

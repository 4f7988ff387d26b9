import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogueWords, createDictionary } from '../../core/search/dictionary.ts';
import { innerWords, segmentRun } from '../../core/search/segment.ts';

const cut = (dict: ReturnType<typeof createDictionary>, s: string) => segmentRun(dict, [...s]);

test('the prefix dictionary keeps words with their frequency and every prefix at 0', () => {
  const d = createDictionary([
    ['职业技术学院', 100],
    ['职业', 50],
    ['职业', 80],
    ['学', 10],
  ]);
  assert.equal(d.freq.get('职业技术学院'), 100);
  assert.equal(d.freq.get('职业技术'), 0);
  assert.equal(d.freq.get('职'), 0);
  assert.equal(d.freq.get('职业'), 80, 'the higher frequency of a repeated word wins');
  assert.equal(d.freq.has('学'), false, 'single characters are never words');
  assert.equal(d.size, 2);
  assert.ok(Math.abs(d.logTotal - Math.log(180)) < 1e-9);
});

test('the maximum-probability route, as jieba takes it', () => {
  // The classic: 研究生命起源 is 研究/生命/起源, not 研究生/命/起源.
  const d = createDictionary([
    ['研究', 100],
    ['研究生', 50],
    ['生命', 100],
    ['起源', 100],
  ]);
  assert.deepEqual(cut(d, '研究生命起源'), ['研究', '生命', '起源']);
  // With 研究生 much more frequent and 生命 absent, the other route wins.
  const d2 = createDictionary([
    ['研究', 10],
    ['研究生', 5000],
    ['起源', 100],
  ]);
  assert.deepEqual(cut(d2, '研究生命起源'), ['研究生', '命', '起源']);
});

test('longer dictionary words win over their parts when frequent enough; unknown characters come out one by one', () => {
  const d = createDictionary([
    ['郑州', 5000],
    ['职业技术学院', 5000],
    ['职业', 3000],
    ['技术', 3000],
    ['学院', 3000],
  ]);
  assert.deepEqual(cut(d, '郑州铁路职业技术学院'), ['郑州', '铁', '路', '职业技术学院']);
  assert.deepEqual(cut(d, '铁'), ['铁']);
  assert.deepEqual(cut(d, ''), []);
});

test('characters outside the BMP are single characters, not broken surrogates', () => {
  const d = createDictionary([['𠀀𠀁', 100]]);
  assert.deepEqual(cut(d, '𠀀𠀁𠀂'), ['𠀀𠀁', '𠀂']);
});

test('innerWords lists the dictionary words inside a word, not the word itself', () => {
  const d = createDictionary([
    ['职业技术学院', 100],
    ['职业', 10],
    ['技术', 10],
    ['学院', 10],
    ['职业技术', 10],
  ]);
  assert.deepEqual(innerWords(d, '职业技术学院').sort(), ['学院', '技术', '职业', '职业技术'].sort());
  assert.deepEqual(innerWords(d, '郑州'), []);
});

test('catalogue names yield the name, its parts and its stem', () => {
  assert.deepEqual(catalogueWords('金属切削机床制造').sort(), ['金属切削机床', '金属切削机床制造'].sort());
  assert.ok(catalogueWords('机床功能部件及附件制造').includes('机床功能部件'));
  assert.ok(catalogueWords('职教集团（联盟）').includes('职教集团'));
  assert.deepEqual(catalogueWords('铝'), []);
});

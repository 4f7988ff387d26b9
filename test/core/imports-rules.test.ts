import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Access } from '../../core/authz/index.ts';
import { makeIdNumber, makeUscc } from '../../core/codes/index.ts';
import {
  IMPORT_SPECS,
  IssueList,
  SheetValidator,
  type Cell,
  type EntitySpec,
  type ImportEntity,
  type ImportRefs,
} from '../../core/imports/index.ts';

const CITY: Access = { kind: 'city' };
const SCHOOL_A: Access = { kind: 'limited', districtIds: [], organisationIds: ['school-a'], userId: null };
const DISTRICT_1: Access = { kind: 'limited', districtIds: ['d1'], organisationIds: [], userId: null };

function refs(access: Access): ImportRefs {
  const districts = [
    { id: 'd1', name: '金水区', code: '410105' },
    { id: 'd2', name: '二七区', code: '410103' },
  ];
  const schools = [
    { id: 'school-a', code: '4141000001', name: '甲职业学校', districtId: 'd1' },
    { id: 'school-b', code: '4141000002', name: '乙职业学校', districtId: 'd2' },
  ];
  const majors = [
    { id: 'm1', code: '510201', name: '计算机应用技术' },
    { id: 'm2', code: '510203', name: '软件技术' },
  ];
  return {
    access,
    today: new Date('2025-09-01T00:00:00Z'),
    district: (t) => districts.find((d) => d.name === t || d.code === t),
    school: (c) => schools.find((s) => s.code === c),
    major: (c) => majors.find((m) => m.code === c),
    program: (s, m) => (s === 'school-a' && m === '510201' ? { id: 'p1' } : undefined),
    industry: (c) => (c === '3411' ? { code: '3411', name: '锅炉及辅助设备制造' } : undefined),
    cluster: (t) => (t === '装备制造' || t === 'equipment' ? { code: 'equipment', name: '装备制造' } : undefined),
    destinationCategory: () => undefined,
    studyLevel: () => undefined,
  };
}

const text = (v: string): Cell => (v === '' ? { kind: 'empty' } : { kind: 'text', value: v });

/** Runs header + rows through the validator; rows are objects keyed by header. */
function run(entity: ImportEntity, rows: Record<string, string>[], access: Access = CITY) {
  const spec: EntitySpec<unknown> = IMPORT_SPECS[entity];
  const headers = spec.columns.map((c) => c.header);
  const issues = new IssueList();
  const v = new SheetValidator(spec, refs(access), issues);
  v.accept({ row: 1, cells: headers.map(text) });
  const records = rows.map((r, i) => v.accept({ row: i + 2, cells: headers.map((h) => text(r[h] ?? '')) }));
  return { records, issues: issues.items, validator: v };
}

const ID1 = makeIdNumber('410105', '20080501', '123');
const ID2 = makeIdNumber('410103', '20071111', '246');
const student = (over: Record<string, string> = {}) => ({
  学校标识码: '4141000001',
  姓名: '王小明',
  身份证号码: ID1,
  专业代码: '510201',
  入学年份: '2024',
  手机号码: '13800138000',
  ...over,
});

test('a good student row becomes a record with birth date and sex from the ID number', () => {
  const { records, issues } = run('students', [student()]);
  assert.deepEqual(issues, []);
  assert.deepEqual(records[0], {
    schoolId: 'school-a',
    name: '王小明',
    idNumber: ID1,
    birthDate: '2008-05-01',
    sex: 'male',
    programId: 'p1',
    cohort: 2024,
    phone: '13800138000',
    status: undefined,
  });
});

test('each bad cell of a student row is reported with its row and column', () => {
  const { records, issues } = run('students', [
    student({
      身份证号码: ID1.slice(0, 17) + (ID1[17] === '0' ? '1' : '0'),
      手机号码: '12345',
      入学年份: '二〇二四',
      出生日期: '2008-13-01',
    }),
  ]);
  assert.equal(records[0], undefined);
  assert.deepEqual(
    issues.map((i) => [i.row, i.column]),
    [
      [2, '身份证号码'],
      [2, '出生日期'],
      [2, '入学年份'],
      [2, '手机号码'],
    ],
  );
  assert.ok(issues.every((i) => /[\u4e00-\u9fa5]/.test(i.reason)));
});

test('a birth date that disagrees with the ID number, an unknown major and a major the school does not offer', () => {
  const { issues } = run('students', [
    student({ 出生日期: '2008-05-02' }),
    student({ 身份证号码: ID2, 专业代码: '999999' }),
    student({ 身份证号码: makeIdNumber('410105', '20080101', '111'), 专业代码: '510203' }),
  ]);
  assert.match(issues[0]!.reason, /与身份证号码中的出生日期2008-05-01不一致/);
  assert.match(issues[1]!.reason, /专业代码“999999”不在职业教育专业目录中/);
  assert.match(issues[2]!.reason, /未开设专业“510203 软件技术”/);
});

test('a duplicate ID number within the file names the first row', () => {
  const { records, issues } = run('students', [student(), student({ 姓名: '王小明二' })]);
  assert.ok(records[0]);
  assert.equal(records[1], undefined);
  assert.equal(issues.length, 1);
  assert.deepEqual([issues[0]!.row, issues[0]!.column], [3, '身份证号码']);
  assert.match(issues[0]!.reason, /与第2行的身份证号码重复/);
});

test("a school admin's row naming another school is refused for that row only", () => {
  const { records, issues } = run('students', [student(), student({ 学校标识码: '4141000002', 身份证号码: ID2, 专业代码: '' })], SCHOOL_A);
  assert.ok(records[0]);
  assert.equal(records[1], undefined);
  assert.deepEqual([issues[0]!.row, issues[0]!.column], [3, '学校标识码']);
  assert.match(issues[0]!.reason, /不存在或不在您的管理范围内/);
});

test('a school name that disagrees with the school code is caught', () => {
  const { issues } = run('students', [student({ 学校名称: '乙职业学校' })]);
  assert.match(issues[0]!.reason, /“学校名称”为“乙职业学校”，但“学校标识码”对应的是“甲职业学校”/);
});

test("the template's example row is skipped, not imported", () => {
  const spec = IMPORT_SPECS.students;
  const example = Object.fromEntries(spec.columns.map((c) => [c.header, c.example]));
  const { records, issues, validator } = run('students', [example, student()]);
  assert.equal(records[0], undefined);
  assert.ok(records[1]);
  assert.deepEqual(issues, []);
  assert.equal(validator.skippedExampleRows, 1);
  assert.equal(validator.rows, 1);
});

test('a value under a column without a header is refused', () => {
  const spec = IMPORT_SPECS.programs;
  const issues = new IssueList();
  const v = new SheetValidator(spec, refs(CITY), issues);
  v.accept({ row: 1, cells: spec.columns.map((c) => text(c.header)) });
  v.accept({
    row: 2,
    cells: [
      text('4141000001'),
      text(''),
      text('510201'),
      text(''),
      text('2019'),
      text(''),
      text('50'),
      text(''),
      text('55%'),
      text(''),
      text('备注'),
    ],
  });
  assert.match(issues.items[0]!.reason, /单元格K2有内容，但K列没有列名/);
});

test('programs: school + major, share as percent', () => {
  const { records, issues } = run('programs', [
    {
      学校标识码: '4141000001',
      专业代码: '510203',
      专业名称: '软件技术',
      开设年份: '2019',
      统计年份: '2024',
      招生人数: '120',
      实践性教学课时占比: '55%',
    },
  ]);
  assert.deepEqual(issues, []);
  assert.deepEqual(records[0], {
    schoolId: 'school-a',
    schoolCode: '4141000001',
    majorId: 'm2',
    majorCode: '510203',
    startYear: 2019,
    year: 2024,
    enrolment: 120,
    graduates: undefined,
    practiceShare: 0.55,
  });
  const bad = run('programs', [
    { 学校标识码: '4141000001', 专业代码: '510203', 开设年份: '2019', 毕业人数: '30' },
    { 学校标识码: '4141000001', 专业代码: '510201', 开设年份: '2019', 统计年份: '2018' },
  ]);
  assert.deepEqual(
    bad.issues.map((i) => [i.row, i.column]),
    [
      [2, '统计年份'],
      [3, '统计年份'],
    ],
  );
});

test('schools: a district may import only schools of its own district', () => {
  const row = { 学校标识码: '4141000009', 学校名称: '丙职业学校', 办学层次: '中职', 所在区县: '二七区', 举办性质: '公办' };
  assert.deepEqual(run('schools', [row], CITY).issues, []);
  const { issues } = run('schools', [row, { ...row, 学校标识码: '4141000002', 所在区县: '金水区' }], DISTRICT_1);
  assert.deepEqual(
    issues.map((i) => [i.row, i.column]),
    [
      [2, '所在区县'],
      [3, '学校标识码'],
    ],
  );
  assert.match(issues[1]!.reason, /已由其他区县登记/);
});

test('schools: the 学校标识码 is 10 digits, the level one of the listed ones, the district a known one', () => {
  const { issues } = run('schools', [
    { 学校标识码: '41410', 学校名称: '丙职业学校', 办学层次: '大学', 所在区县: '海淀区', 举办性质: '公办', 核定编制数: '-1' },
  ]);
  assert.deepEqual(
    issues.map((i) => i.column),
    ['学校标识码', '办学层次', '核定编制数', '所在区县'],
  );
});

test('enterprises: USCC check characters, industry code and cluster from the catalogues', () => {
  const uscc = makeUscc('91', '410100', 'MA9G0001');
  const good = {
    统一社会信用代码: uscc,
    企业名称: '郑州某某有限公司',
    所在区县: '410105',
    企业规模: '中型',
    行业代码: '3411',
    产业集群: '装备制造',
    职工人数: '300',
  };
  const { records, issues } = run('enterprises', [
    good,
    { ...good, 统一社会信用代码: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'), 行业代码: '9999', 产业集群: '航天' },
  ]);
  assert.deepEqual(records[0], {
    uscc,
    name: '郑州某某有限公司',
    districtId: 'd1',
    size: 'medium',
    industryCode: '3411',
    clusterCode: 'equipment',
    staffCount: 300,
    payrollYuan: undefined,
    aboveDesignatedSize: undefined,
  });
  assert.deepEqual(
    issues.map((i) => i.column),
    ['统一社会信用代码', '行业代码', '产业集群'],
  );
});

test('teachers: employment and subject labels', () => {
  const { records, issues } = run('teachers', [
    { 学校标识码: '4141000001', 姓名: '李老师', 身份证号码: ID2, 聘用类型: '产业导师', 任教类别: '专业课', 是否双师型: '是' },
  ]);
  assert.deepEqual(issues, []);
  assert.deepEqual(records[0], {
    schoolId: 'school-a',
    name: '李老师',
    idNumber: ID2,
    employment: 'industryMentor',
    subject: 'specialty',
    dualQualified: true,
  });
});

test('every template example row passes its own header check and every column has a hint', () => {
  for (const spec of Object.values(IMPORT_SPECS)) {
    assert.ok(
      spec.columns.every((c) => c.hint && c.example),
      spec.entity,
    );
    assert.equal(new Set(spec.columns.map((c) => c.header)).size, spec.columns.length, spec.entity);
  }
});

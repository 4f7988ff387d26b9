import { validateIdNumber } from '../../codes/index.ts';
import { primaryLabels, SURVEY_POINT_LABELS } from '../labels.ts';
import type { EntitySpec } from '../spec.ts';

/**
 * 毕业去向 (issue 16): one row per graduate per survey point, the graduate named by 身份证号码 (and 姓名, which must
 * agree). The cells are checked here against the catalogues (去向代码, 行业代码, 就读层次, 郑州市区县); the
 * rules that need the register — the student is the importer's graduate, the fields the category asks for, one
 * graduation year per graduate — are checked by the writer before anything is written.
 */
export interface DestinationRecord {
  idNumber: string;
  name: string;
  graduationYear: number;
  surveyPoint: (typeof SURVEY_POINT_LABELS)[keyof typeof SURVEY_POINT_LABELS];
  categoryCode: string;
  employerName: string | undefined;
  employerUscc: string | undefined;
  industryCode: string | undefined;
  studySchool: string | undefined;
  studyLevel: string | undefined;
  studyFullTime: boolean | undefined;
  /** A Zhengzhou district id; null: 郑州市外; undefined: not filled. */
  districtId: string | null | undefined;
  note: string | undefined;
}

/** What a sheet writes for a place outside Zhengzhou. */
export const OUTSIDE_ZHENGZHOU = '郑州市外';

export const destinationSpec: EntitySpec<DestinationRecord> = {
  entity: 'destinations',
  label: '毕业去向',
  keyColumn: 'idNumber',
  keyLabel: '身份证号码和调查时点',
  columns: [
    {
      key: 'idNumber',
      header: '身份证号码',
      required: true,
      hint: '毕业生的18位居民身份证号码（请设为文本格式）',
      example: '11010519491231002X',
      text: true,
    },
    { key: 'name', header: '姓名', required: true, hint: '须与学生库中的姓名一致', example: '张三' },
    { key: 'graduationYear', header: '毕业年份', required: true, hint: '如2024', example: '2024' },
    {
      key: 'surveyPoint',
      header: '调查时点',
      required: true,
      hint: '毕业时、毕业6个月或毕业1年',
      example: '毕业时',
      choices: primaryLabels(SURVEY_POINT_LABELS),
    },
    {
      key: 'category',
      header: '毕业去向',
      required: true,
      hint: '毕业去向代码（如11）或名称（如签劳动合同形式就业）',
      example: '11',
      text: true,
    },
    { key: 'employerName', header: '单位名称', required: false, hint: '就业或自主创业时填写', example: '郑州示例智能装备有限公司' },
    {
      key: 'employerUscc',
      header: '单位统一社会信用代码',
      required: false,
      hint: '可不填；单位是平台在册企业时填写，企业可在平台确认',
      example: '91410100MA00000000',
      text: true,
    },
    {
      key: 'industryCode',
      header: '行业代码',
      required: false,
      hint: '就业时填写，国民经济行业分类（GB/T 4754）代码，如C或3811',
      example: '38',
      text: true,
    },
    { key: 'studySchool', header: '录取学校', required: false, hint: '升学时填写', example: '郑州职业技术学院' },
    {
      key: 'studyLevel',
      header: '就读层次',
      required: false,
      hint: '升学时填写：专科（高职）、职业本科、本科、研究生',
      example: '专科（高职）',
    },
    { key: 'studyFullTime', header: '是否全日制', required: false, hint: '升学时填写：是或否', example: '是', choices: ['是', '否'] },
    {
      key: 'district',
      header: '所在区县',
      required: false,
      hint: `就业、创业、灵活就业、升学时填写工作或就读地点所在的郑州市区县名称或区划代码；郑州市以外填“${OUTSIDE_ZHENGZHOU}”`,
      example: '金水区',
    },
    { key: 'note', header: '备注', required: false, hint: '可不填', example: '9月入职' },
  ],
  key: (r) => `${r.idNumber}/${r.surveyPoint}`,
  validate(f, refs) {
    const idNumber = f.code('idNumber', (v) => validateIdNumber(v, refs.today));
    const name = f.text('name', { max: 50 });
    const graduationYear = f.integer('graduationYear', { min: 2000, max: refs.today.getUTCFullYear() });
    const surveyPoint = f.choice('surveyPoint', SURVEY_POINT_LABELS);
    const categoryText = f.text('category', { max: 40 });
    const category = categoryText === undefined ? undefined : refs.destinationCategory(categoryText);
    if (categoryText !== undefined && !category) f.fail('category', `毕业去向“${categoryText}”不在毕业去向分类与代码中`);
    const employerName = f.text('employerName', { max: 200 });
    const employerUscc = f.text('employerUscc', { max: 18 });
    const industryText = f.text('industryCode', { max: 5 });
    const industry = industryText === undefined ? undefined : refs.industry(industryText);
    if (industryText !== undefined && !industry) f.fail('industryCode', `行业代码“${industryText}”不在国民经济行业分类（GB/T 4754）中`);
    const studySchool = f.text('studySchool', { max: 200 });
    const levelText = f.text('studyLevel', { max: 40 });
    const studyLevel = levelText === undefined ? undefined : refs.studyLevel(levelText);
    if (levelText !== undefined && !studyLevel)
      f.fail('studyLevel', `就读层次“${levelText}”不在可选层次中（专科（高职）、职业本科、本科、研究生）`);
    const studyFullTime = f.bool('studyFullTime');
    const districtText = f.text('district', { max: 40 });
    let districtId: string | null | undefined;
    if (districtText === OUTSIDE_ZHENGZHOU) districtId = null;
    else if (districtText !== undefined) {
      districtId = refs.district(districtText)?.id;
      if (!districtId) f.fail('district', `所在区县“${districtText}”不在郑州市行政区划目录中；郑州市以外请填“${OUTSIDE_ZHENGZHOU}”`);
    }
    const note = f.text('note', { max: 500 });
    if (!f.ok || !idNumber || !name || graduationYear === undefined || !surveyPoint || !category) return undefined;
    return {
      idNumber,
      name,
      graduationYear,
      surveyPoint,
      categoryCode: category.code,
      employerName,
      employerUscc,
      industryCode: industry?.code,
      studySchool,
      studyLevel,
      studyFullTime,
      districtId,
      note,
    };
  },
};

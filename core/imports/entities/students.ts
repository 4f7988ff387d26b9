import { inScope } from '../../authz/access.ts';
import { idNumberBirthDate, idNumberSex, validateIdNumber, validatePhone } from '../../codes/index.ts';
import { primaryLabels, STUDENT_STATUS_LABELS } from '../labels.ts';
import type { EntitySpec } from '../spec.ts';

/**
 * 学生 by 居民身份证号码. Birth date and sex come from the ID number (collect each fact once); a 出生日期
 * column, when filled, must agree with it — a mismatch usually means a mistyped number.
 */
export interface StudentRecord {
  schoolId: string;
  name: string;
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  programId: string | undefined;
  cohort: number;
  phone: string | undefined;
  status: (typeof STUDENT_STATUS_LABELS)[keyof typeof STUDENT_STATUS_LABELS] | undefined;
}

export const studentSpec: EntitySpec<StudentRecord> = {
  entity: 'students',
  label: '学生',
  keyColumn: 'idNumber',
  keyLabel: '身份证号码',
  columns: [
    { key: 'schoolCode', header: '学校标识码', required: true, hint: '学生所在学校的学校标识码', example: '4141012345', text: true },
    {
      key: 'schoolName',
      header: '学校名称',
      required: false,
      reference: true,
      hint: '可不填；填写时须与学校标识码一致',
      example: '郑州市示例职业技术学校',
    },
    { key: 'name', header: '姓名', required: true, hint: '与身份证一致', example: '张三' },
    {
      key: 'idNumber',
      header: '身份证号码',
      required: true,
      hint: '18位居民身份证号码（请设为文本格式）',
      example: '11010519491231002X',
      text: true,
    },
    {
      key: 'birthDate',
      header: '出生日期',
      required: false,
      hint: '可不填（从身份证号码读取）；填写时须与身份证号码一致，如2008-05-01',
      example: '1949-12-31',
    },
    {
      key: 'majorCode',
      header: '专业代码',
      required: false,
      hint: '所学专业的6位专业代码，须为本校已开设的专业；留空则不修改',
      example: '510201',
      text: true,
    },
    {
      key: 'majorName',
      header: '专业名称',
      required: false,
      reference: true,
      hint: '可不填；填写时须与专业代码一致',
      example: '计算机应用技术',
    },
    { key: 'cohort', header: '入学年份', required: true, hint: '如2024', example: '2024' },
    { key: 'phone', header: '手机号码', required: false, hint: '11位中国大陆手机号码；留空则不修改', example: '13800138000', text: true },
    {
      key: 'status',
      header: '学籍状态',
      required: false,
      hint: '在籍、毕业或退学；留空则不修改（新学生为在籍）',
      example: '在籍',
      choices: primaryLabels(STUDENT_STATUS_LABELS),
    },
  ],
  key: (r) => r.idNumber,
  validate(f, refs) {
    const schoolCode = f.text('schoolCode');
    const name = f.text('name', { max: 50 });
    const idNumber = f.code('idNumber', (v) => validateIdNumber(v, refs.today));
    const birthDate = f.date('birthDate');
    const majorCode = f.digits('majorCode', 6);
    const cohort = f.integer('cohort', { min: 1990, max: 2100 });
    const phone = f.code('phone', validatePhone);
    const status = f.choice('status', STUDENT_STATUS_LABELS);
    const school = schoolCode === undefined ? undefined : refs.school(schoolCode);
    if (schoolCode !== undefined && (!school || !inScope(refs.access, { organisationId: school.id, districtId: school.districtId }))) {
      f.fail('schoolCode', `学校标识码“${schoolCode}”不存在或不在您的管理范围内`);
    } else if (school) f.agrees('schoolName', school.name, 'schoolCode');
    const born = idNumber ? idNumberBirthDate(idNumber) : undefined;
    if (born && birthDate && born !== birthDate) f.fail('birthDate', `出生日期${birthDate}与身份证号码中的出生日期${born}不一致`);
    let programId: string | undefined;
    if (majorCode !== undefined) {
      const major = refs.major(majorCode);
      if (!major) f.fail('majorCode', `专业代码“${majorCode}”不在职业教育专业目录中`);
      else {
        f.agrees('majorName', major.name, 'majorCode');
        programId = school ? refs.program(school.id, major.code)?.id : undefined;
        if (school && !programId) f.fail('majorCode', `${school.name}未开设专业“${major.code} ${major.name}”，请先导入开设专业`);
      }
    }
    if (!f.ok || !school || !name || !idNumber || !born || cohort === undefined) return undefined;
    return { schoolId: school.id, name, idNumber, birthDate: born, sex: idNumberSex(idNumber), programId, cohort, phone, status };
  },
};

import { inScope } from '../../authz/access.ts';
import { validateIdNumber } from '../../codes/index.ts';
import { EMPLOYMENT_LABELS, primaryLabels, SUBJECT_LABELS, YES_NO_CHOICES } from '../labels.ts';
import type { EntitySpec } from '../spec.ts';

/**
 * 教师 by 居民身份证号码 — the key the education system's own teacher records use; names repeat and schools
 * number their staff each their own way. The number is personal information and stored protected.
 */
export interface TeacherRecord {
  schoolId: string;
  name: string;
  idNumber: string;
  employment: (typeof EMPLOYMENT_LABELS)[keyof typeof EMPLOYMENT_LABELS];
  subject: (typeof SUBJECT_LABELS)[keyof typeof SUBJECT_LABELS];
  dualQualified: boolean | undefined;
}

export const teacherSpec: EntitySpec<TeacherRecord> = {
  entity: 'teachers',
  label: '教师',
  keyColumn: 'idNumber',
  keyLabel: '身份证号码',
  columns: [
    { key: 'schoolCode', header: '学校标识码', required: true, hint: '教师所在学校的学校标识码', example: '4141012345', text: true },
    {
      key: 'schoolName',
      header: '学校名称',
      required: false,
      reference: true,
      hint: '可不填；填写时须与学校标识码一致',
      example: '郑州市示例职业技术学校',
    },
    { key: 'name', header: '姓名', required: true, hint: '与身份证一致', example: '李四' },
    {
      key: 'idNumber',
      header: '身份证号码',
      required: true,
      hint: '18位居民身份证号码（请设为文本格式）',
      example: '11010519491231002X',
      text: true,
    },
    {
      key: 'employment',
      header: '聘用类型',
      required: true,
      hint: '专任、兼职或产业导师',
      example: '专任',
      choices: primaryLabels(EMPLOYMENT_LABELS),
    },
    {
      key: 'subject',
      header: '任教类别',
      required: true,
      hint: '专业课或公共基础课',
      example: '专业课',
      choices: primaryLabels(SUBJECT_LABELS),
    },
    {
      key: 'dualQualified',
      header: '是否双师型',
      required: false,
      hint: '是或否；留空则不修改（新教师为否）',
      example: '是',
      choices: YES_NO_CHOICES,
    },
  ],
  key: (r) => r.idNumber,
  validate(f, refs) {
    const schoolCode = f.text('schoolCode');
    const name = f.text('name', { max: 50 });
    const idNumber = f.code('idNumber', (v) => validateIdNumber(v, refs.today));
    const employment = f.choice('employment', EMPLOYMENT_LABELS);
    const subject = f.choice('subject', SUBJECT_LABELS);
    const dualQualified = f.bool('dualQualified');
    const school = schoolCode === undefined ? undefined : refs.school(schoolCode);
    if (schoolCode !== undefined && (!school || !inScope(refs.access, { organisationId: school.id, districtId: school.districtId }))) {
      f.fail('schoolCode', `学校标识码“${schoolCode}”不存在或不在您的管理范围内`);
    } else if (school) f.agrees('schoolName', school.name, 'schoolCode');
    if (!f.ok || !school || !name || !idNumber || !employment || !subject) return undefined;
    return { schoolId: school.id, name, idNumber, employment, subject, dualQualified };
  },
};

import { inScope } from '../../authz/access.ts';
import type { EntitySpec } from '../spec.ts';

/**
 * 开设专业 by school + major code: a school offering a major of the national catalogue, with one year's intake
 * and graduates (the register keeps them by year; the program's current intake is the latest year's). A
 * file without 统计年份 may still give the current intake, for programs not yet recorded by year.
 */
export interface ProgramRecord {
  schoolId: string;
  schoolCode: string;
  majorId: string;
  majorCode: string;
  startYear: number;
  year: number | undefined;
  enrolment: number | undefined;
  graduates: number | undefined;
  practiceShare: number | undefined;
}

export const programSpec: EntitySpec<ProgramRecord> = {
  entity: 'programs',
  label: '开设专业',
  keyColumn: 'majorCode',
  keyLabel: '学校标识码和专业代码',
  columns: [
    { key: 'schoolCode', header: '学校标识码', required: true, hint: '开设该专业的学校的学校标识码', example: '4141012345', text: true },
    {
      key: 'schoolName',
      header: '学校名称',
      required: false,
      reference: true,
      hint: '可不填；填写时须与学校标识码一致',
      example: '郑州市示例职业技术学校',
    },
    {
      key: 'majorCode',
      header: '专业代码',
      required: true,
      hint: '职业教育专业目录（2021）中的6位专业代码',
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
    { key: 'startYear', header: '开设年份', required: true, hint: '首次招生年份，如2019', example: '2019' },
    { key: 'year', header: '统计年份', required: false, hint: '招生人数、毕业人数所属的年份，如2024；填写毕业人数时必填', example: '2024' },
    { key: 'enrolment', header: '招生人数', required: false, hint: '统计年份的招生人数（整数）；留空则不修改', example: '120' },
    { key: 'graduates', header: '毕业人数', required: false, hint: '统计年份的毕业人数（整数）；留空则不修改', example: '98' },
    {
      key: 'practiceShare',
      header: '实践性教学课时占比',
      required: false,
      hint: '如55%或0.55（《实施方案》要求不低于50%）；留空则不修改',
      example: '55%',
    },
  ],
  key: (r) => `${r.schoolId}/${r.majorCode}`,
  validate(f, refs) {
    const schoolCode = f.text('schoolCode');
    const majorCode = f.digits('majorCode', 6);
    const startYear = f.integer('startYear', { min: 1949, max: 2100 });
    const year = f.integer('year', { min: 1949, max: 2100 });
    const enrolment = f.integer('enrolment', { min: 0, max: 100_000 });
    const graduates = f.integer('graduates', { min: 0, max: 100_000 });
    const practiceShare = f.share('practiceShare');
    if (graduates !== undefined && year === undefined && f.cell('year').kind === 'empty')
      f.fail('year', '填写了毕业人数时，请填写“统计年份”');
    if (year !== undefined && startYear !== undefined && year < startYear) f.fail('year', `统计年份${year}早于开设年份${startYear}`);
    const school = schoolCode === undefined ? undefined : refs.school(schoolCode);
    if (schoolCode !== undefined && (!school || !inScope(refs.access, { organisationId: school.id, districtId: school.districtId }))) {
      f.fail('schoolCode', `学校标识码“${schoolCode}”不存在或不在您的管理范围内`);
    } else if (school) f.agrees('schoolName', school.name, 'schoolCode');
    const major = majorCode === undefined ? undefined : refs.major(majorCode);
    if (majorCode !== undefined && !major) f.fail('majorCode', `专业代码“${majorCode}”不在职业教育专业目录中`);
    else if (major) f.agrees('majorName', major.name, 'majorCode');
    if (!f.ok || !school || !major || startYear === undefined) return undefined;
    return {
      schoolId: school.id,
      schoolCode: school.code,
      majorId: major.id,
      majorCode: major.code,
      startYear,
      year,
      enrolment,
      graduates,
      practiceShare,
    };
  },
};

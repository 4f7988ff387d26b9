import { inScope } from '../../authz/access.ts';
import { OWNERSHIP_LABELS, primaryLabels, SCHOOL_LEVEL_LABELS, YES_NO_CHOICES } from '../labels.ts';
import type { EntitySpec } from '../spec.ts';

/** 学校 by 学校标识码 (the Ministry's 10-digit school identifier): the bureau's and districts' register of schools. */
export interface SchoolRecord {
  code: string;
  name: string;
  districtId: string;
  level: (typeof SCHOOL_LEVEL_LABELS)[keyof typeof SCHOOL_LEVEL_LABELS];
  ownership: (typeof OWNERSHIP_LABELS)[keyof typeof OWNERSHIP_LABELS];
  enterpriseRun: boolean | undefined;
  staffingQuota: number | undefined;
}

export const schoolSpec: EntitySpec<SchoolRecord> = {
  entity: 'schools',
  label: '学校',
  keyColumn: 'code',
  keyLabel: '学校标识码',
  columns: [
    { key: 'code', header: '学校标识码', required: true, hint: '教育部学校标识码，10位数字', example: '4141012345', text: true },
    { key: 'name', header: '学校名称', required: true, hint: '学校全称', example: '郑州市示例职业技术学校' },
    {
      key: 'level',
      header: '办学层次',
      required: true,
      hint: '中职、高职专科、职业本科、应用型本科或普通高校',
      example: '中职',
      choices: primaryLabels(SCHOOL_LEVEL_LABELS),
    },
    {
      key: 'district',
      header: '所在区县',
      required: true,
      hint: '郑州市的区县(市)或开发区名称，如金水区；也可填区划代码',
      example: '金水区',
    },
    { key: 'ownership', header: '举办性质', required: true, hint: '公办或民办', example: '公办', choices: primaryLabels(OWNERSHIP_LABELS) },
    {
      key: 'enterpriseRun',
      header: '是否企业举办',
      required: false,
      hint: '是或否；留空表示否（已有学校留空则不修改）',
      example: '否',
      choices: YES_NO_CHOICES,
    },
    { key: 'staffingQuota', header: '核定编制数', required: false, hint: '教职工核定编制数（整数）；留空则不修改', example: '120' },
  ],
  key: (r) => r.code,
  validate(f, refs) {
    const code = f.digits('code', 10);
    const name = f.text('name', { min: 2, max: 100 });
    const level = f.choice('level', SCHOOL_LEVEL_LABELS);
    const districtText = f.text('district');
    const ownership = f.choice('ownership', OWNERSHIP_LABELS);
    const enterpriseRun = f.bool('enterpriseRun');
    const staffingQuota = f.integer('staffingQuota', { min: 0, max: 100_000 });
    const district = districtText === undefined ? undefined : refs.district(districtText);
    if (districtText !== undefined && !district) f.fail('district', `所在区县“${districtText}”不是郑州市的区县(市)或开发区`);
    else if (district && !inScope(refs.access, { districtId: district.id }))
      f.fail('district', `所在区县“${district.name}”不在您的管理范围内`);
    const existing = code === undefined ? undefined : refs.school(code);
    if (existing && !inScope(refs.access, { organisationId: existing.id, districtId: existing.districtId })) {
      f.fail('code', `学校标识码“${code}”已由其他区县登记，您无权修改该学校`);
    }
    if (!f.ok || !code || !name || !level || !district || !ownership) return undefined;
    return { code, name, districtId: district.id, level, ownership, enterpriseRun, staffingQuota };
  },
};

import { inScope } from '../../authz/access.ts';
import { validateUscc } from '../../codes/index.ts';
import { ENTERPRISE_SIZE_LABELS, primaryLabels, YES_NO_CHOICES } from '../labels.ts';
import type { EntitySpec } from '../spec.ts';

/** 企业 by 统一社会信用代码 (validated with the GB 32100-2015 check characters). */
export interface EnterpriseRecord {
  uscc: string;
  name: string;
  districtId: string;
  size: (typeof ENTERPRISE_SIZE_LABELS)[keyof typeof ENTERPRISE_SIZE_LABELS];
  industryCode: string;
  clusterCode: string | undefined;
  staffCount: number;
  payrollYuan: number | undefined;
  aboveDesignatedSize: boolean | undefined;
}

export const enterpriseSpec: EntitySpec<EnterpriseRecord> = {
  entity: 'enterprises',
  label: '企业',
  keyColumn: 'uscc',
  keyLabel: '统一社会信用代码',
  columns: [
    {
      key: 'uscc',
      header: '统一社会信用代码',
      required: true,
      hint: '18位，按GB 32100-2015校验（请设为文本格式）',
      example: '91350100M000100Y43',
      text: true,
    },
    { key: 'name', header: '企业名称', required: true, hint: '营业执照上的名称', example: '郑州示例智能装备有限公司' },
    {
      key: 'district',
      header: '所在区县',
      required: true,
      hint: '郑州市的区县(市)或开发区名称，如郑州高新技术产业开发区；也可填区划代码',
      example: '郑州高新技术产业开发区',
    },
    {
      key: 'size',
      header: '企业规模',
      required: true,
      hint: '大型、中型、小型或微型',
      example: '中型',
      choices: primaryLabels(ENTERPRISE_SIZE_LABELS),
    },
    {
      key: 'industryCode',
      header: '行业代码',
      required: true,
      hint: '国民经济行业分类GB/T 4754-2017代码，如3411',
      example: '3411',
      text: true,
    },
    {
      key: 'cluster',
      header: '产业集群',
      required: false,
      hint: '《实施方案》产业集群名称，如智能终端；留空则不修改',
      example: '装备制造',
    },
    { key: 'staffCount', header: '职工人数', required: true, hint: '整数', example: '350' },
    {
      key: 'payrollYuan',
      header: '职工工资总额（元）',
      required: false,
      hint: '上年度职工工资总额，整数（元）；留空则不修改',
      example: '28000000',
    },
    {
      key: 'aboveDesignatedSize',
      header: '是否规模以上企业',
      required: false,
      hint: '是或否；留空则不修改（新企业为否）',
      example: '是',
      choices: YES_NO_CHOICES,
    },
  ],
  key: (r) => r.uscc,
  validate(f, refs) {
    const uscc = f.code('uscc', validateUscc);
    const name = f.text('name', { min: 2, max: 100 });
    const districtText = f.text('district');
    const size = f.choice('size', ENTERPRISE_SIZE_LABELS);
    const industryText = f.text('industryCode');
    const clusterText = f.text('cluster');
    const staffCount = f.integer('staffCount', { min: 0, max: 10_000_000 });
    const payrollYuan = f.integer('payrollYuan', { min: 0, max: 1e15 });
    const aboveDesignatedSize = f.bool('aboveDesignatedSize');
    const district = districtText === undefined ? undefined : refs.district(districtText);
    if (districtText !== undefined && !district) f.fail('district', `所在区县“${districtText}”不是郑州市的区县(市)或开发区`);
    else if (district && !inScope(refs.access, { districtId: district.id }))
      f.fail('district', `所在区县“${district.name}”不在您的管理范围内`);
    const industry = industryText === undefined ? undefined : refs.industry(industryText);
    if (industryText !== undefined && !industry)
      f.fail('industryCode', `行业代码“${industryText}”不在国民经济行业分类（GB/T 4754-2017）中`);
    const cluster = clusterText === undefined ? undefined : refs.cluster(clusterText);
    if (clusterText !== undefined && !cluster) f.fail('cluster', `产业集群“${clusterText}”不是《实施方案》列出的产业集群`);
    if (!f.ok || !uscc || !name || !district || !size || !industry || staffCount === undefined) return undefined;
    return {
      uscc,
      name,
      districtId: district.id,
      size,
      industryCode: industry.code,
      clusterCode: cluster?.code,
      staffCount,
      payrollYuan,
      aboveDesignatedSize,
    };
  },
};

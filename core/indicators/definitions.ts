import type { CarrierKind, CarrierLevel, CarrierStatus } from '../registry/carrier-kinds.ts';

/**
 * How each target of the plan is measured on the platform. `computed`: from the register, by one of the
 * formulas below (server/indicators/ runs their SQL); `reported`: by the target's responsible unit, with
 * evidence files, accepted by the bureau. Keyed by the policy file's target codes; a target of the policy
 * without a definition here fails test/core/indicators.test.ts, so a new plan's target cannot go unmeasured.
 * A reported target becomes computed when the register gains its data (e.g. interns' share with internships).
 */
export type IndicatorSource =
  /** Carriers of the given kinds and statuses (certified = 经认定; operating = 建成运行). */
  | {
      source: 'carriers';
      kinds: readonly CarrierKind[];
      statuses: readonly CarrierStatus[];
      levels?: readonly CarrierLevel[];
      legalPerson?: boolean;
    }
  /** Enterprises certified as 产教融合型企业 at city level or above (enterprises.integration_status). */
  | { source: 'certifiedEnterprises' }
  /** Active schools run by enterprises (schools.enterprise_run). */
  | { source: 'enterpriseRunSchools' }
  /** Dual-qualified specialty teachers over all active specialty teachers, in percent. */
  | { source: 'dualQualifiedShare' }
  /** Mean practice-teaching share of active programs that record one, in percent. */
  | { source: 'practiceTeachingShare' }
  /**
   * 聘足配齐 (二 (三) 10): schools that declare a staffing quota whose part-time teachers and industry mentors fill
   * the quota's share (rules.part_time_teacher_quota, whole teachers, not above it), over all such schools, in percent.
   */
  | { source: 'partTimeTeacherShare' }
  /** Active major groups the bureau designated 产教融合型重点专业（群）. */
  | { source: 'keyMajorGroups' }
  /** Internship places this year at enterprises above designated size over their staff, in percent. */
  | { source: 'internshipPlacesShare' }
  /**
   * Active specialty teachers whose enterprise-practice periods reach the policy's duration rule (1 year in every
   * 5, core/registry/teacher-practice.ts) in the window ending on the day of the recompute, over all active
   * specialty teachers, in percent.
   */
  | { source: 'teacherPracticeShare' }
  /**
   * From the yearly declarations of active enterprises above designated size (last full year): `drawn` is the
   * training fund drawn over payroll, `frontline` the part of the fund spent that went to front-line staff, in percent.
   */
  | { source: 'trainingFund'; measure: 'drawn' | 'frontline' }
  /**
   * From graduates' destinations (issue 16), by the definition in the policy file (`graduates.retention` /
   * `graduates.progression`: survey point, school levels, which destinations count): 留郑率 and 中职升学率 of the
   * latest graduation year that has destinations at the definition's survey point, in percent.
   */
  | { source: 'graduateRetention' }
  | { source: 'secondaryProgression' }
  /**
   * Projects funded (立项) by published calls of the given kinds (policy `calls.kinds`), counted in the applicant's
   * district: a project counts once its decision is public, never on a unit's word.
   */
  | { source: 'fundedProjects'; callKinds: readonly string[] }
  /**
   * From the schools' yearly 生均财政拨款 declarations (funding capability, policy `funding`): active public 高职
   * (`higher`) or 中职 (`secondary`) schools whose figure of the measured year meets the threshold — 高职 at or above
   * rules.per_student_funding, 中职 above the 市财政局's 普高 figure of that year — over all such schools, in percent.
   */
  | { source: 'perStudentFunding'; group: 'higher' | 'secondary' }
  /**
   * Digital vocational education (digital capability, policy `digital`): `onlineCourses` counts 精品在线课程 the bureau
   * recognised; `smartCampus` is the share of active 职业学校 whose self-assessment against the published standard the
   * bureau accepted as meeting it; `demoSchools` counts schools the bureau approved as 智慧职教示范校.
   */
  | { source: 'digital'; measure: 'onlineCourses' | 'smartCampus' | 'demoSchools' }
  /**
   * 国际交流与合作 records (international capability, policy `international`) the bureau has verified with their
   * evidence — exchanges, recognitions, competitions, 鲁班工坊 — one project each, in the owner's district.
   */
  | { source: 'internationalRecords' }
  /** 劳动技术/职业体验 courses in the catalogue (practical-courses capability): open and developed with an enterprise. */
  | { source: 'practicalCourses' };

/**
 * A target that is a rule each person must meet (every specialty teacher: 1 year of enterprise practice in 5) is
 * measured as the share of the people who meet it, in percent; its goal is then all of them — 100% is what
 * "every" means, not a number of the plan.
 */
export const SHARE_OF_ALL = { unit: '%', comparator: '>=', value: 100 } as const;

export type IndicatorDefinition =
  | { code: string; method: 'computed'; source: IndicatorSource; basis: string; measuredAs?: typeof SHARE_OF_ALL }
  | { code: string; method: 'reported'; basis: string };

const WORKING: readonly CarrierStatus[] = ['operating', 'certified'];
const CERTIFIED: readonly CarrierStatus[] = ['certified'];

const computed = (code: string, source: IndicatorSource, basis: string, measuredAs?: typeof SHARE_OF_ALL): IndicatorDefinition => ({
  code,
  method: 'computed',
  source,
  basis,
  ...(measuredAs && { measuredAs }),
});
const reported = (code: string, basis: string): IndicatorDefinition => ({ code, method: 'reported', basis });

export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  computed('integration_enterprises', { source: 'certifiedEnterprises' }, '企业库中认定状态为市级、省级或国家级产教融合型企业的在册企业'),
  computed(
    'training_bases',
    { source: 'carriers', kinds: ['trainingBase'], statuses: CERTIFIED },
    '载体库中已认定的产教融合实训基地（市级及以上）',
  ),
  computed(
    'education_groups',
    { source: 'carriers', kinds: ['educationGroup'], statuses: WORKING },
    '载体库中运行中或已认定的职教集团（联盟）',
  ),
  computed('industry_colleges', { source: 'carriers', kinds: ['industryCollege'], statuses: CERTIFIED }, '载体库中已认定的产业学院'),
  computed(
    'practice_centers',
    { source: 'carriers', kinds: ['practiceCenter'], statuses: WORKING },
    '载体库中运行中或已认定的产教融合实践中心',
  ),
  computed('key_majors', { source: 'keyMajorGroups' }, '专业群库中经市教育局认定为产教融合型重点专业（群）的在册专业群'),
  computed(
    'collaborative_projects',
    { source: 'fundedProjects', callKinds: ['collaborative_project'] },
    '项目申报中经专家评审、立项并公示的政产学研用协同育人项目',
  ),
  computed(
    'graduate_retention_rate',
    { source: 'graduateRetention' },
    '毕业去向库中最近一届职业院校毕业生毕业6个月时点去向为就业、自主创业、灵活就业或升学且地点在郑州市的人数，占同一时点已落实去向人数的比例（口径见政策文件 graduates.retention）',
  ),
  computed('consortia', { source: 'carriers', kinds: ['consortium'], statuses: WORKING }, '载体库中运行中或已认定的市域产教联合体'),
  computed(
    'entity_education_groups',
    { source: 'carriers', kinds: ['educationGroup'], statuses: WORKING, legalPerson: true },
    '载体库中具有独立法人资格、运行中或已认定的职教集团（联盟）',
  ),
  computed('enterprise_run_schools', { source: 'enterpriseRunSchools' }, '学校库中标记为企业举办的在册职业学校'),
  computed(
    'private_brand_projects',
    { source: 'fundedProjects', callKinds: ['private_brand_project'] },
    '项目申报中经专家评审、立项并公示的优质民办职教品牌项目',
  ),
  computed(
    'city_innovation_centers',
    { source: 'carriers', kinds: ['innovationCenter'], statuses: CERTIFIED, levels: ['city'] },
    '载体库中已认定的市级协同创新中心',
  ),
  computed(
    'provincial_innovation_centers',
    { source: 'carriers', kinds: ['innovationCenter'], statuses: CERTIFIED, levels: ['province'] },
    '载体库中已认定的省级协同创新中心',
  ),
  computed(
    'practical_courses',
    { source: 'practicalCourses' },
    '课程目录中职业学校登记、与至少一家企业合作开发、面向中小学开设中的劳动技术课程与职业体验课程门数（口径见政策文件 practicalCourses）',
  ),
  computed(
    'experience_centers',
    { source: 'carriers', kinds: ['experienceCenter'], statuses: WORKING },
    '载体库中运行中或已认定的职业体验中心',
  ),
  computed(
    'practice_teaching_share',
    { source: 'practiceTeachingShare' },
    '在册开设专业填报的实践性教学课时占比的平均值（另列达标专业数）',
  ),
  computed(
    'secondary_progression_rate',
    { source: 'secondaryProgression' },
    '毕业去向库中最近一届中职毕业生毕业时点升入专科及以上全日制学历教育的人数，占同一时点已登记去向的中职毕业生人数的比例（口径见政策文件 graduates.progression）',
  ),
  computed(
    'part_time_teacher_quota',
    { source: 'partTimeTeacherShare' },
    '已填报核定编制数的学校中，兼职教师与产业导师人数按核定编制数的30%（向下取整）聘足配齐、且未超过该比例的学校占比；未配齐的学校计为未达标；目标为全部学校配齐',
    SHARE_OF_ALL,
  ),
  computed(
    'teacher_enterprise_practice',
    { source: 'teacherPracticeShare' },
    '在职专业课教师中，截至计算日（含）前5年内企业实践累计满1年（按教师库的企业实践记录，重叠时段只计一次）的人数占比；目标为全部专业教师达标',
    SHARE_OF_ALL,
  ),
  computed('dual_qualified_share', { source: 'dualQualifiedShare' }, '在职专业课教师中认定为“双师型”的人数占比'),
  computed(
    'dual_qualified_training_bases',
    { source: 'fundedProjects', callKinds: ['dual_qualified_training_base'] },
    '项目申报中经专家评审、立项并公示的“双师型”教师培养培训基地',
  ),
  computed(
    'teaching_innovation_teams',
    { source: 'fundedProjects', callKinds: ['teaching_innovation_team'] },
    '项目申报中经专家评审、立项并公示的职业教育教师教学创新团队',
  ),
  computed(
    'smart_demo_schools',
    { source: 'digital', measure: 'demoSchools' },
    '智慧校园自评经审核达标的学校申报、市教育局认定的智慧职教示范校（在册学校）个数',
  ),
  reported('virtual_simulation_bases', '市教育局等填报建成的虚拟仿真实训基地个数'),
  computed(
    'online_courses',
    { source: 'digital', measure: 'onlineCourses' },
    '学校申报、市教育局认定的职业教育精品在线课程（市级、省级、国家级；在册学校开设）门数',
  ),
  computed(
    'smart_campus_share',
    { source: 'digital', measure: 'smartCampus' },
    '在册职业学校（中职、高职、职业本科）中，对照市教育局发布的现行智慧校园建设标准（政策文件 digital.smartCampus）自评、经市教育局审核通过且达到标准的学校占比；未自评的学校计为未达标',
  ),
  computed(
    'international_projects',
    { source: 'internationalRecords' },
    '学校、企业登记并上传佐证材料、经市教育局核验的国际交流合作记录（师生交流、资格互认、技能大赛、鲁班工坊），每条计1个项目（口径见政策文件 international）',
  ),
  computed(
    'per_student_funding',
    { source: 'perStudentFunding', group: 'higher' },
    '在册公办高职学校（含职业本科）中，最近申报年度学校自报的生均财政拨款（一般公共预算拨款总额÷在校生数）不低于方案下限（政策文件 rules.per_student_funding）的学校占比；未申报的学校计为未达标；目标为全部达标',
    SHARE_OF_ALL,
  ),
  computed(
    'secondary_per_student_funding',
    { source: 'perStudentFunding', group: 'secondary' },
    '在册公办中职学校中，最近一个既有学校申报又有市财政局录入当地普高生均拨款的年度，生均财政拨款高于普高数额的学校占比；未申报的学校计为未达标',
  ),
  computed(
    'internship_posts_share',
    { source: 'internshipPlacesShare' },
    '规模以上企业当年发布（含已截止）的实习岗位名额之和占这些企业职工总数的比例',
  ),
  computed(
    'training_fund_share',
    { source: 'trainingFund', measure: 'drawn' },
    '规模以上企业上一年度申报的职工教育培训经费提取额之和占其职工工资总额之和的比例（另列提取比例在1.5%—2.5%区间内的企业数/申报企业数）',
  ),
  computed(
    'training_fund_frontline_share',
    { source: 'trainingFund', measure: 'frontline' },
    '规模以上企业上一年度申报的培训经费使用额中用于一线职工的金额之和占使用额之和的比例（另列一线比例达标的企业数/申报企业数）',
  ),
];

const BY_CODE = new Map(INDICATOR_DEFINITIONS.map((d) => [d.code, d]));

export function indicatorDefinition(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}

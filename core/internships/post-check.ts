import type { InternshipRules } from './rules.ts';
import { violation, type Violation } from './violations.ts';

/** What a published internship post states about the work (the facts the regulation speaks of). */
export interface PostTerms {
  kind: 'observation' | 'placement';
  places: number;
  monthlyPayYuan: number;
  /** The enterprise's wage for the same post (or its lowest wage grade), for the 80% floor. */
  samePostWageYuan: number;
  dailyHours: number;
  weeklyHours: number;
  nightShift: boolean;
  holidayWork: boolean;
  overtime: boolean;
  workplaceKind: string | null;
  /** Task codes of the policy's forbidden-task list that the post involves (high_risk, heavy_labour …). */
  tasks: string[];
  /** A high-risk post allowed for a special major, filed with the supervising authority. */
  highRiskFiled: boolean;
  fees: string[];
  insurance: 'school' | 'enterprise' | 'none';
  viaIntermediary: boolean;
  startDate: string;
  endDate: string;
}

/** Every rule a post breaks; publishing is refused while the list is not empty. */
export function checkPost(p: PostTerms, r: InternshipRules, today: string): Violation[] {
  const v: Violation[] = [];
  if (!Number.isInteger(p.places) || p.places <= 0) {
    v.push({ rule: { code: 'places', name: '实习名额', article: '' }, field: 'places', message: '实习名额必须为正整数' });
  }
  if (p.kind === 'placement' && p.monthlyPayYuan < Math.ceil(p.samePostWageYuan * r.payFloor)) {
    v.push(
      violation(
        r.ref('intern_pay_floor'),
        'monthlyPayYuan',
        `月报酬不得低于相同岗位工资的${r.payFloor * 100}%（至少 ${Math.ceil(p.samePostWageYuan * r.payFloor)} 元）`,
      ),
    );
  }
  if (p.dailyHours > r.dailyHours) v.push(violation(r.ref('work_hours_daily'), 'dailyHours', `每日实习时间不得超过${r.dailyHours}小时`));
  if (p.weeklyHours > r.weeklyHours)
    v.push(violation(r.ref('work_hours_weekly'), 'weeklyHours', `每周实习时间不得超过${r.weeklyHours}小时`));
  const forbidden = (task: string, field: string, msg: string) => {
    if (r.forbiddenTasks.has(task)) v.push(violation(r.ref('forbidden_tasks'), field, msg));
  };
  if (p.nightShift) forbidden('night_shift', 'nightShift', '不得安排学生上夜班');
  if (p.holidayWork) forbidden('statutory_holiday', 'holidayWork', '不得安排学生在法定节假日实习');
  if (p.overtime) forbidden('overtime', 'overtime', '不得安排学生加班');
  for (const t of p.tasks) {
    if (t === 'high_risk' && p.highRiskFiled) continue;
    forbidden(t, 'tasks', `不得安排此类实习内容（${t}）`);
  }
  if (p.workplaceKind && r.forbiddenWorkplaces.has(p.workplaceKind)) {
    v.push(violation(r.ref('forbidden_workplaces'), 'workplaceKind', '不得安排学生到营业性娱乐场所实习'));
  }
  const fees = p.fees.filter((f) => r.forbiddenFees.has(f));
  if (fees.length) v.push(violation(r.ref('forbidden_fees'), 'fees', '不得向学生收取任何实习费用或扣押证件、要求担保'));
  if (p.insurance === 'none') {
    v.push({
      rule: { code: 'insurance', name: '实习责任保险', article: '《职业学校学生实习管理规定》' },
      field: 'insurance',
      message: '须由学校或实习单位为学生投保实习责任保险，不得由学生承担',
    });
  }
  if (p.viaIntermediary) {
    v.push({
      rule: { code: 'intermediary', name: '不得通过中介机构安排实习', article: '《职业学校学生实习管理规定》' },
      field: 'viaIntermediary',
      message: '不得通过中介机构或有偿代理组织安排和管理学生实习',
    });
  }
  if (p.startDate < today)
    v.push({ rule: { code: 'dates', name: '实习日期', article: '' }, field: 'startDate', message: '开始日期不能早于今天' });
  if (p.endDate <= p.startDate)
    v.push({ rule: { code: 'dates', name: '实习日期', article: '' }, field: 'endDate', message: '结束日期须晚于开始日期' });
  return v;
}

import { internshipRulesResponse } from '../../../contracts/internships.ts';
import { currentPlan } from '../../../policy/index.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { rules } from '../repository/posts.ts';

/** The list items of a policy rule with their names (the rule set in core keeps only the codes). */
function items(code: string) {
  const r = currentPlan.rules[code];
  return r?.kind === 'list' ? r.items.map((i) => ({ code: i.code, name: i.name })) : [];
}

export const ruleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/internship-rules',
    tags: ['internships'],
    access: 'authenticated',
    summary: '实习管理规定中可检查的条款（报酬下限、工时、比例上限、禁止事项），供表单提示',
    response: internshipRulesResponse,
    handler: async () => ({
      payFloor: { ...rules.ref('intern_pay_floor'), value: rules.payFloor },
      dailyHours: { ...rules.ref('work_hours_daily'), value: rules.dailyHours },
      weeklyHours: { ...rules.ref('work_hours_weekly'), value: rules.weeklyHours },
      enterpriseCap: { ...rules.ref('intern_enterprise_cap'), value: rules.enterpriseCap },
      positionCap: { ...rules.ref('intern_position_cap'), value: rules.positionCap },
      minAge: { ...rules.ref('intern_min_age'), value: rules.minAge },
      tasks: { ...rules.ref('forbidden_tasks'), items: items('forbidden_tasks') },
      fees: { ...rules.ref('forbidden_fees'), items: items('forbidden_fees') },
      workplaces: { ...rules.ref('forbidden_workplaces'), items: items('forbidden_workplaces') },
    }),
  }),
];

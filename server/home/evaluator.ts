import type { HomeResponse } from '../../contracts/dashboard.ts';
import type { Actor, Membership } from '../../core/authz/index.ts';
import type { Db } from '../platform/db/engine.ts';
import { listCommissions } from '../quality/index.ts';

/**
 * A 第三方评价机构's home: the evaluations the bureau commissioned it for — each year's schools, linking to its
 * workspace where it reviews their results and evidence and enters its findings.
 */
export async function evaluatorHome(db: Db, _actor: Actor, m: Membership & { organisationName: string }): Promise<HomeResponse> {
  const { items } = await listCommissions(db, { kind: 'limited', districtIds: [], organisationIds: [m.organisationId], userId: null });
  return {
    role: 'evaluator',
    title: '受委托的质量评价',
    organisation: m.organisationName,
    isDemoData: false,
    sections: [
      {
        kind: 'stats',
        key: 'commissions',
        title: '评价委托',
        items: [
          { key: 'commissions', label: '委托', value: items.length, unit: '项', href: '/quality/evaluator' },
          {
            key: 'schools',
            label: '受委托评价的学校',
            value: items.reduce((a, c) => a + c.schools.length, 0),
            unit: '所',
            href: '/quality/evaluator',
          },
        ],
      },
      {
        kind: 'table',
        key: 'commissionList',
        title: '委托明细',
        columns: [
          { key: 'year', title: '年度' },
          { key: 'schools', title: '学校' },
          { key: 'note', title: '说明' },
        ],
        rows: items.map((c) => ({ year: c.year, schools: c.schools.map((s) => s.name).join('、'), note: c.note })),
      },
    ],
  };
}

import { todayOf } from '../../../core/calendar.ts';
import { z } from 'zod';
import {
  placementRateQuery,
  placementRates,
  postShareOne,
  postShareOneQuery,
  postSharePage,
  postShareQuery,
  postShareRollupQuery,
  postShareRollups as postShareRollupsAnswer,
  rosterExportQuery,
  violationsPage,
  violationsQuery,
} from '../../../contracts/internship-stats.ts';
import { AppError } from '../../../core/errors.ts';
import { assertOrganisationReachable } from '../../platform/registry-guards.ts';
import { exportRoster } from '../roster-export.ts';
import { clearPiiFor, xlsxDownload } from '../../platform/exports/download.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { placementRates as computePlacementRates } from '../repository/placement-rates.ts';
import { getPostShare, listPostShares, postShareRollups } from '../repository/post-share.ts';
import { listViolations } from '../repository/violations-list.ts';

/** Internship figures for enterprises, districts and the bureau (issue 5): the 2%–3% target, placement rates, violations, rosters. */
const thisYear = (now: Date) => Number(todayOf(now).slice(0, 4));

const shareList = defineRoute({
  method: 'GET',
  url: '/api/internship-stats/post-share',
  tags: ['internship-stats'],
  access: { resource: 'internshipStats', action: 'share' },
  summary: '规模以上企业实习岗位占职工总数2%—3%的达标情况（企业看本企业，区县看本区县，市教育局看全市）',
  query: postShareQuery,
  response: postSharePage,
  handler: ({ services, access, query }) => listPostShares(services.database.db, access, query.year ?? thisYear(services.now()), query),
});

const shareRollup = defineRoute({
  method: 'GET',
  url: '/api/internship-stats/post-share/rollup',
  tags: ['internship-stats'],
  access: { resource: 'internshipStats', action: 'share' },
  summary: '实习岗位占比按区县或产业集群汇总',
  query: postShareRollupQuery,
  response: postShareRollupsAnswer,
  handler: ({ services, access, query }) =>
    postShareRollups(services.database.db, access, query.year ?? thisYear(services.now()), query.by),
});

const shareOne = defineRoute({
  method: 'GET',
  url: '/api/internship-stats/post-share/:enterpriseId',
  tags: ['internship-stats'],
  access: { resource: 'internshipStats', action: 'share' },
  summary: '一家企业的实习岗位占比',
  params: z.strictObject({ enterpriseId: z.uuid('编号格式不正确') }),
  query: postShareOneQuery,
  response: postShareOne,
  handler: ({ services, access, params, query }) =>
    getPostShare(services.database.db, access, query.year ?? thisYear(services.now()), params.enterpriseId),
});

const placements = defineRoute({
  method: 'GET',
  url: '/api/internship-stats/placements',
  tags: ['internship-stats'],
  access: { resource: 'internshipStats', action: 'placements' },
  summary: '岗位实习安排率（已安排岗位实习的学生 / 可参加岗位实习年级的在籍学生），按学校、专业或产业集群',
  query: placementRateQuery,
  response: placementRates,
  handler: ({ services, access, query }) =>
    computePlacementRates(
      services.database.db,
      access,
      { ...query, year: query.year ?? thisYear(services.now()) },
      todayOf(services.now()),
    ),
});

const violations = defineRoute({
  method: 'GET',
  url: '/api/internship-stats/violations',
  tags: ['internship-stats'],
  access: { resource: 'internshipStats', action: 'violations' },
  summary: '违反《职业学校学生实习管理规定》的岗位和实习安排（逐条注明违反的规定）',
  query: violationsQuery,
  response: violationsPage,
  handler: ({ services, access, query }) =>
    listViolations(services.database.db, access, { ...query, year: query.year ?? thisYear(services.now()) }, todayOf(services.now())),
});

const roster = defineRoute({
  method: 'GET',
  url: '/api/exports/internship-roster',
  tags: ['exports', 'internship-stats'],
  access: { resource: 'internshipStats', action: 'roster' },
  summary:
    '导出实习学生名册（.xlsx；学校、企业或区县）；身份证号和手机号默认脱敏，personalInfo=true导出原文需“查看学生个人信息”权限，且逐人记录',
  query: rosterExportQuery,
  async handler({ services, access, query, actor, requestId, reply }) {
    const db = services.database.db;
    const named = [query.schoolId, query.enterpriseId, query.districtId].filter(Boolean).length;
    if (named > 1)
      throw new AppError('VALIDATION_FAILED', '学校、企业、区县只能选择其一', { fields: { schoolId: '学校、企业、区县只能选择其一' } });
    if (query.schoolId) await assertOrganisationReachable(db, access, query.schoolId, ['school'], '学校');
    if (query.enterpriseId) await assertOrganisationReachable(db, access, query.enterpriseId, ['enterprise'], '企业');
    if (query.districtId) await assertOrganisationReachable(db, access, query.districtId, ['district'], '区县');
    const clear = clearPiiFor(query.personalInfo, actor!, services, requestId);
    const year = query.year ?? thisYear(services.now());
    xlsxDownload(reply, `实习学生名册${query.personalInfo ? '（含个人信息）' : ''}_${year}`, services.now());
    return exportRoster(db, access, { ...query, year }, clear);
  },
});

export const internshipStatsRoutes: AnyRoute[] = [shareList, shareRollup, shareOne, placements, violations, roster];

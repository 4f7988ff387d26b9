import { idParams } from '../../contracts/common.ts';
import {
  directoryCarrierPage,
  directoryCarrierQuery,
  directoryEnterprisePage,
  directoryIndustries,
  directoryIndustryQuery,
  directoryEnterpriseQuery,
  directoryOptions,
  directoryProgramPage,
  directoryProgramQuery,
  directorySchoolDetail,
  directorySchoolPage,
  directorySchoolQuery,
} from '../../contracts/directory.ts';
import { defineRoute, type AnyRoute } from '../platform/http/route.ts';
import * as repo from './repository.ts';

/** The public directory (no sign-in, no personal data): schools, programs, certified enterprises, carriers. */
const schools = defineRoute({
  method: 'GET',
  url: '/api/directory/schools',
  tags: ['directory'],
  access: 'public',
  summary: '公开名录：学校',
  query: directorySchoolQuery,
  response: directorySchoolPage,
  handler: ({ services, query }) => repo.directorySchools(services.database.db, query),
});

const school = defineRoute({
  method: 'GET',
  url: '/api/directory/schools/:id',
  tags: ['directory'],
  access: 'public',
  summary: '公开名录：学校及其开设专业',
  params: idParams,
  response: directorySchoolDetail,
  handler: ({ services, params }) => repo.directorySchool(services.database.db, params.id),
});

const programs = defineRoute({
  method: 'GET',
  url: '/api/directory/programs',
  tags: ['directory'],
  access: 'public',
  summary: '公开名录：开设专业',
  query: directoryProgramQuery,
  response: directoryProgramPage,
  handler: ({ services, query }) => repo.directoryPrograms(services.database.db, query),
});

const enterprises = defineRoute({
  method: 'GET',
  url: '/api/directory/enterprises',
  tags: ['directory'],
  access: 'public',
  summary: '公开名录：产教融合型企业（已认定）',
  query: directoryEnterpriseQuery,
  response: directoryEnterprisePage,
  handler: ({ services, query }) => repo.directoryEnterprises(services.database.db, query),
});

const carriers = defineRoute({
  method: 'GET',
  url: '/api/directory/carriers',
  tags: ['directory'],
  access: 'public',
  summary: '公开名录：运行中和已认定的产教融合载体',
  query: directoryCarrierQuery,
  response: directoryCarrierPage,
  handler: ({ services, query }) => repo.directoryCarriers(services.database.db, query),
});

const options = defineRoute({
  method: 'GET',
  url: '/api/directory/options',
  tags: ['directory'],
  access: 'public',
  summary: '公开名录筛选项和企业注册表单选项：区县、产业集群',
  response: directoryOptions,
  handler: ({ services }) => repo.directoryOptions(services.database.db),
});

const industries = defineRoute({
  method: 'GET',
  url: '/api/directory/industries',
  tags: ['directory'],
  access: 'public',
  summary: '国民经济行业分类（GB/T 4754-2017）查询，供企业注册选择行业：按代码前缀或名称',
  query: directoryIndustryQuery,
  response: directoryIndustries,
  handler: ({ services, query }) => repo.directoryIndustries(services.database.db, query.q),
});

export const directoryRoutes: AnyRoute[] = [schools, school, programs, enterprises, carriers, options, industries];

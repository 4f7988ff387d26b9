import { catalogueEditionList, occupationList, occupationQuery } from '../../../contracts/catalogues.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import * as repo from '../repository/catalogues.ts';

/** The reference catalogues are public reference data (national standards), readable without signing in. */
const editions = defineRoute({
  method: 'GET',
  url: '/api/catalogues',
  tags: ['catalogues'],
  access: 'public',
  summary: '已载入的参考目录版本（专业目录、行业分类、职业分类大典），含是否为演示子集',
  response: catalogueEditionList,
  handler: ({ services }) => repo.listEditions(services.database.db),
});

const occupations = defineRoute({
  method: 'GET',
  url: '/api/catalogues/occupations',
  tags: ['catalogues'],
  access: 'public',
  summary: '职业分类大典查询：按代码前缀或名称，可限层级和版本',
  query: occupationQuery,
  response: occupationList,
  handler: ({ services, query }) => repo.listOccupations(services.database.db, query),
});

export const catalogueRoutes: AnyRoute[] = [editions, occupations];

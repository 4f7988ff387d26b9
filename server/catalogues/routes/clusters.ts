import {
  cluster,
  clusterIndustryAdd,
  clusterIndustryParams,
  clusterList,
  clusterMajorAdd,
  clusterMajorParams,
  clusterParams,
} from '../../../contracts/clusters.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import {
  addClusterIndustry,
  addClusterMajor,
  getCluster,
  listClusters,
  removeClusterIndustry,
  removeClusterMajor,
} from '../repository/clusters.ts';

const KEEP = { resource: 'industryCluster', action: 'update' } as const;

const list = defineRoute({
  method: 'GET',
  url: '/api/clusters',
  tags: ['clusters'],
  access: 'public',
  summary: '产业集群及其对应的专业和行业（公开）',
  response: clusterList,
  handler: async ({ services }) => ({ items: await listClusters(services.database.db) }),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/clusters/:code',
  tags: ['clusters'],
  access: 'public',
  summary: '产业集群详情（公开）',
  params: clusterParams,
  response: cluster,
  handler: ({ services, params }) => getCluster(services.database.db, params.code),
});

const addMajor = defineRoute({
  method: 'POST',
  url: '/api/clusters/:code/majors',
  tags: ['clusters'],
  access: KEEP,
  status: 201,
  summary: '为产业集群增加对应专业（专业目录代码，不分版本）',
  params: clusterParams,
  body: clusterMajorAdd,
  response: cluster,
  handler: ({ params, body, write }) => write((tx, audit) => addClusterMajor(tx, audit, params.code, body.majorCode)),
});

const removeMajor = defineRoute({
  method: 'DELETE',
  url: '/api/clusters/:code/majors/:majorCode',
  tags: ['clusters'],
  access: KEEP,
  summary: '取消产业集群与专业的对应',
  params: clusterMajorParams,
  response: cluster,
  handler: ({ params, write }) => write((tx, audit) => removeClusterMajor(tx, audit, params.code, params.majorCode)),
});

const addIndustry = defineRoute({
  method: 'POST',
  url: '/api/clusters/:code/industries',
  tags: ['clusters'],
  access: KEEP,
  status: 201,
  summary: '为产业集群增加对应行业（GB/T 4754-2017代码）',
  params: clusterParams,
  body: clusterIndustryAdd,
  response: cluster,
  handler: ({ params, body, write }) => write((tx, audit) => addClusterIndustry(tx, audit, params.code, body.industryCode)),
});

const removeIndustry = defineRoute({
  method: 'DELETE',
  url: '/api/clusters/:code/industries/:industryCode',
  tags: ['clusters'],
  access: KEEP,
  summary: '取消产业集群与行业的对应',
  params: clusterIndustryParams,
  response: cluster,
  handler: ({ params, write }) => write((tx, audit) => removeClusterIndustry(tx, audit, params.code, params.industryCode)),
});

export const clusterRoutes: AnyRoute[] = [list, detail, addMajor, removeMajor, addIndustry, removeIndustry];

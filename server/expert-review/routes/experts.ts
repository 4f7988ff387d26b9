import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import {
  assignmentAdd,
  assignmentParams,
  assignmentRun,
  assignmentRunResult,
  expert,
  expertCreate,
  expertListQuery,
  expertPage,
  expertUpdate,
  reviewTask,
  reviewTaskListQuery,
  reviewTaskPage,
  roundResults,
  scoreSubmit,
} from '../../../contracts/expert-review.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createExpert, getExpert, listExperts, updateExpert } from '../repository/experts.ts';
import {
  addAssignment,
  getMyTask,
  listMyTasks,
  removeAssignment,
  roundResults as results,
  runAssignment,
  submitScore,
} from '../repository/rounds.ts';

const tags = ['expert-review'];

export const expertRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/experts',
    tags,
    access: { resource: 'expert', action: 'read' },
    summary: '评审专家库',
    query: expertListQuery,
    response: expertPage,
    handler: ({ services, query }) => listExperts(services.database.db, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/experts/:id',
    tags,
    access: { resource: 'expert', action: 'read' },
    summary: '评审专家详情',
    params: idParams,
    response: expert,
    handler: ({ services, params }) => getExpert(services.database.db, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/experts',
    tags,
    access: { resource: 'expert', action: 'create' },
    status: 201,
    summary: '将一个工作人员账号（学校、企业、机关）纳入评审专家库',
    body: expertCreate,
    response: expert,
    handler: ({ body, write }) => write((tx, audit) => createExpert(tx, audit, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/experts/:id',
    tags,
    access: { resource: 'expert', action: 'update' },
    summary: '修改专家的专业领域、职称，或停用',
    params: idParams,
    body: expertUpdate,
    response: expert,
    handler: ({ params, body, write }) => write((tx, audit) => updateExpert(tx, audit, params.id, body)),
  }),
];

export const roundRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/review-rounds/:id',
    tags,
    access: { resource: 'reviewRound', action: 'read' },
    summary: '评审结果：每份申报的专家评分、汇总分、偏离提示与排名',
    params: idParams,
    response: roundResults,
    handler: ({ services, access, params }) => results(services.database.db, access, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/review-rounds/:id/assignment',
    tags,
    access: { resource: 'reviewRound', action: 'assign' },
    summary: '分配评审专家：回避利益冲突，均衡工作量（未有专家提交评分前可重新分配）',
    params: idParams,
    body: assignmentRun,
    response: assignmentRunResult,
    handler: ({ access, params, body, write }) => write((tx, audit) => runAssignment(tx, audit, access, params.id, body.version)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/review-rounds/:id/assignments',
    tags,
    access: { resource: 'reviewRound', action: 'assign' },
    status: 201,
    summary: '为一份申报增派一名专家（有利益冲突的拒绝）',
    params: idParams,
    body: assignmentAdd,
    response: z.object({ id: z.string() }),
    handler: ({ access, params, body, write }) =>
      write((tx, audit) => addAssignment(tx, audit, access, params.id, body.reviewSubjectId, body.expertId)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/review-rounds/:id/assignments/:assignmentId',
    tags,
    access: { resource: 'reviewRound', action: 'assign' },
    status: 204,
    summary: '撤回一项尚未评分的专家分配',
    params: assignmentParams,
    handler: async ({ access, params, write }) => {
      await write((tx, audit) => removeAssignment(tx, audit, access, params.id, params.assignmentId));
    },
  }),
];

export const reviewRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/reviews',
    tags,
    access: { resource: 'review', action: 'score' },
    summary: '我的评审任务（仅分配给本人的申报；盲评时不显示申报单位）',
    query: reviewTaskListQuery,
    response: reviewTaskPage,
    handler: ({ services, actor, query }) => listMyTasks(services.database.db, actor!.userId, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reviews/:id',
    tags,
    access: { resource: 'review', action: 'score' },
    summary: '一项评审任务与评分表',
    params: idParams,
    response: reviewTask,
    handler: ({ services, actor, params }) => getMyTask(services.database.db, actor!.userId, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/reviews/:id',
    tags,
    access: { resource: 'review', action: 'score' },
    summary: '提交评分：每个评分项在其分值范围内，附评审意见；评审结束前可修改',
    params: idParams,
    body: scoreSubmit,
    response: reviewTask,
    handler: ({ services, actor, params, body, write }) =>
      write((tx, audit) => submitScore(tx, audit, actor!.userId, params.id, body, services.now())),
  }),
];

import { z } from 'zod';
import { idParams } from '../../../contracts/common.ts';
import { post, postCreate, postListQuery, postPage, postUpdate } from '../../../contracts/internships.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { todayOf } from '../../../core/calendar.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { createPost, getPost, listPosts, publishPost, updatePost } from '../repository/posts.ts';

export const postRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/internship-posts',
    tags: ['internships'],
    access: { resource: 'internshipPost', action: 'read' },
    summary: '实习岗位列表（已发布且未截止；本企业可见草稿和已截止的岗位）',
    query: postListQuery,
    response: postPage,
    // Drafts and ended posts are listed to those who may create posts for the enterprise.
    handler: ({ services, actor, query }) =>
      listPosts(services.database.db, accessFor(actor!, { resource: 'internshipPost', action: 'create' }), query, todayOf(services.now())),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/internship-posts/:id',
    tags: ['internships'],
    access: { resource: 'internshipPost', action: 'read' },
    summary: '实习岗位详情',
    params: idParams,
    response: post,
    handler: ({ services, actor, params }) =>
      getPost(services.database.db, accessFor(actor!, { resource: 'internshipPost', action: 'create' }), params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internship-posts',
    tags: ['internships'],
    access: { resource: 'internshipPost', action: 'create' },
    status: 201,
    summary: '新建实习岗位（草稿）',
    body: postCreate,
    response: post,
    handler: ({ actor, access, body, write }) => write((tx, audit) => createPost(tx, audit, actor!, access, body)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/internship-posts/:id',
    tags: ['internships'],
    access: { resource: 'internshipPost', action: 'update' },
    summary: '修改实习岗位草稿（发布后不能修改）',
    params: idParams,
    body: postUpdate,
    response: post,
    handler: ({ access, params, body, write }) => write((tx, audit) => updatePost(tx, audit, access, params.id, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/internship-posts/:id/publish',
    tags: ['internships'],
    access: { resource: 'internshipPost', action: 'publish' },
    summary: '发布实习岗位：按《职业学校学生实习管理规定》逐条检查，不符合时说明违反的规定',
    params: idParams,
    body: z.strictObject({ version: z.number().int().min(1) }),
    response: post,
    handler: ({ access, params, body, services, write }) =>
      write((tx, audit) => publishPost(tx, audit, access, params.id, body.version, todayOf(services.now()))),
  }),
];

import { idParams } from '../../../contracts/common.ts';
import {
  practicalCourse,
  practicalCourseInput,
  practicalCourseListQuery,
  practicalCoursePage,
  practicalCourseUpdate,
  publicPracticalCoursePage,
} from '../../../contracts/practical-courses.ts';
import { accessFor } from '../../../core/authz/index.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { createCourse, getCourse, listCourses, publicCourses, updateCourse } from '../repository/courses.ts';

/**
 * 劳动技术与职业体验课程 (二 (三) 7, 任务清单 9): a school keeps its catalogue of courses developed with enterprises
 * for 中小学; staff read them in scope; the open ones are public.
 */
const tags = ['practical-courses'];

const list = defineRoute({
  method: 'GET',
  url: '/api/practical-courses',
  tags,
  access: { resource: 'practicalCourse', action: 'read' },
  summary: '劳动技术与职业体验课程目录（按数据范围），含计入目标的课程数',
  query: practicalCourseListQuery,
  response: practicalCoursePage,
  handler: ({ services, access, actor, query }) =>
    listCourses(
      services.database.db,
      access,
      query,
      !!actor && accessFor(actor, { resource: 'practicalCourse', action: 'write' }).kind !== 'none',
    ),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/practical-courses/:id',
  tags,
  access: { resource: 'practicalCourse', action: 'read' },
  summary: '一门劳动技术或职业体验课程',
  params: idParams,
  response: practicalCourse,
  handler: ({ services, access, params }) => getCourse(services.database.db, access, params.id),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/practical-courses',
  tags,
  access: { resource: 'practicalCourse', action: 'write' },
  status: 201,
  summary: '登记本校与企业合作开发、面向中小学的课程（职业体验课程须至少一家合作企业）',
  body: practicalCourseInput,
  response: practicalCourse,
  handler: ({ services, access, actor, body, write }) =>
    write((tx, audit) => createCourse(tx, audit, access, actor?.userId ?? null, body, services.now())),
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/practical-courses/:id',
  tags,
  access: { resource: 'practicalCourse', action: 'write' },
  summary: '更正本校课程或停开、重新开设（须提供读取时的版本号）',
  params: idParams,
  body: practicalCourseUpdate,
  response: practicalCourse,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => updateCourse(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const publicList = defineRoute({
  method: 'GET',
  url: '/api/public/practical-courses',
  tags,
  access: 'public',
  summary: '面向中小学开设的劳动技术与职业体验课程（公开：开设学校、合作企业、学段、课时）',
  query: practicalCourseListQuery,
  response: publicPracticalCoursePage,
  handler: ({ services, query }) => publicCourses(services.database.db, query),
});

export const practicalCourseRoutes: AnyRoute[] = [list, detail, create, update, publicList];

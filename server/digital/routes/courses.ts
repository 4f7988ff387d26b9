import {
  completion,
  completionPost,
  courseExportQuery,
  courseListQuery,
  coursePage,
  coursePut,
  courseReview,
  onlineCourse,
  publicCoursePage,
  publicCourseQuery,
} from '../../../contracts/digital.ts';
import { idParams } from '../../../contracts/common.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import { xlsxDownload } from '../../platform/exports/download.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { declareCourse, getCourse, listCourses, publicCourses, reviewCourse, updateCourse } from '../repository/courses.ts';
import { exportCourses } from '../exports/courses.ts';
import { recordCompletion } from '../repository/completions.ts';

/**
 * 精品在线课程 (二 (四) 11): schools declare, the bureau recognises (counted toward online_courses), partner
 * enterprises and districts read, anyone sees the recognised catalogue.
 */
const tags = ['digital'];

const list = defineRoute({
  method: 'GET',
  url: '/api/digital/courses',
  tags,
  access: { resource: 'onlineCourse', action: 'read' },
  summary: '精品在线课程（按数据范围：本校开设、本企业合作、本区学校或全市；待认定的排在前面）',
  query: courseListQuery,
  response: coursePage,
  handler: ({ services, access, query }) => listCourses(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/digital/courses/:id',
  tags,
  access: { resource: 'onlineCourse', action: 'read' },
  summary: '一门精品在线课程',
  params: idParams,
  response: onlineCourse,
  handler: ({ services, access, params }) => getCourse(services.database.db, access, params.id),
});

const declare = defineRoute({
  method: 'POST',
  url: '/api/digital/courses',
  tags,
  access: { resource: 'onlineCourse', action: 'declare' },
  summary: '学校申报一门精品在线课程（级别、服务专业、学分、选课人数、合作企业），由市教育局认定',
  body: coursePut,
  response: onlineCourse,
  handler: ({ services, access, actor, body, write }) =>
    write((tx, audit) => declareCourse(tx, audit, access, actor?.userId ?? null, body, services.now())),
});

const update = defineRoute({
  method: 'PUT',
  url: '/api/digital/courses/:id',
  tags,
  access: { resource: 'onlineCourse', action: 'declare' },
  summary: '学校更正本校尚未认定的课程（须提供读取时的版本号；未认定的课程更正后重新提交认定）',
  params: idParams,
  body: coursePut,
  response: onlineCourse,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => updateCourse(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const review = defineRoute({
  method: 'POST',
  url: '/api/digital/courses/:id/review',
  tags,
  access: { resource: 'onlineCourse', action: 'review' },
  summary: '市教育局认定或不予认定一门待认定的课程（不予认定须说明理由）',
  params: idParams,
  body: courseReview,
  response: onlineCourse,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => reviewCourse(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const complete = defineRoute({
  method: 'POST',
  url: '/api/digital/courses/:id/completions',
  tags,
  access: { resource: 'onlineCourse', action: 'declare' },
  summary: '开课学校登记本校学生完成一门已认定课程：课程学分作为学习成果存入学生的学分银行账户（同一学生同一课程只存一次）',
  params: idParams,
  body: completionPost,
  response: completion,
  handler: ({ services, access, actor, params, body, write }) =>
    write((tx, audit) => recordCompletion(tx, audit, access, actor?.userId ?? null, params.id, body, services.now())),
});

const exportList = defineRoute({
  method: 'GET',
  url: '/api/exports/online-courses',
  tags,
  access: { resource: 'onlineCourse', action: 'read' },
  summary: '导出精品在线课程（.xlsx，筛选条件和数据范围同列表）',
  query: courseExportQuery,
  async handler({ services, access, query, reply }) {
    xlsxDownload(reply, '精品在线课程', services.now());
    return exportCourses(services.database.db, access, query);
  },
});

/** The public catalogue is rate-limited per client; built per app for a per-process window. */
export function courseRoutes(): AnyRoute[] {
  const limiter = createRateLimiter(120, 60);
  const publicList = defineRoute({
    method: 'GET',
    url: '/api/public/online-courses',
    tags: ['public'],
    access: 'public',
    summary: '公开：市教育局认定的职业教育精品在线课程',
    query: publicCourseQuery,
    response: publicCoursePage,
    handler({ services, query, req }) {
      limiter.hit(req.ip);
      return publicCourses(services.database.db, query);
    },
  });
  return [list, detail, declare, update, review, complete, exportList, publicList];
}

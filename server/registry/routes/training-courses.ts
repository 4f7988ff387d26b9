import { idParams } from '../../../contracts/common.ts';
import {
  trainingCourse,
  trainingCourseCreate,
  trainingCourseListQuery,
  trainingCoursePage,
  trainingCourseUpdate,
} from '../../../contracts/training-courses.ts';
import { archiveRoutes } from '../../platform/http/archive-routes.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';
import {
  createTrainingCourse,
  getTrainingCourse,
  listTrainingCourses,
  setTrainingCourseArchived,
  updateTrainingCourse,
} from '../repository/training-courses.ts';

const list = defineRoute({
  method: 'GET',
  url: '/api/training-courses',
  tags: ['trainingCourses'],
  access: { resource: 'trainingCourse', action: 'read' },
  summary: '学校面向企业员工的培训课程（按数据范围；企业可查看全部）',
  query: trainingCourseListQuery,
  response: trainingCoursePage,
  handler: ({ services, access, query }) => listTrainingCourses(services.database.db, access, query),
});

const detail = defineRoute({
  method: 'GET',
  url: '/api/training-courses/:id',
  tags: ['trainingCourses'],
  access: { resource: 'trainingCourse', action: 'read' },
  summary: '培训课程详情',
  params: idParams,
  response: trainingCourse,
  handler: ({ services, access, params }) => getTrainingCourse(services.database.db, access, params.id),
});

const create = defineRoute({
  method: 'POST',
  url: '/api/training-courses',
  tags: ['trainingCourses'],
  access: { resource: 'trainingCourse', action: 'create' },
  status: 201,
  summary: '登记培训课程（二 (二) 5 学校为企业培训员工）：课程名称、专业领域、学时、方式、培训对象、年培训能力',
  body: trainingCourseCreate,
  response: trainingCourse,
  handler: ({ access, body, services, write }) => write((tx, audit) => createTrainingCourse(tx, audit, access, body, services.now())),
});

const update = defineRoute({
  method: 'PATCH',
  url: '/api/training-courses/:id',
  tags: ['trainingCourses'],
  access: { resource: 'trainingCourse', action: 'update' },
  summary: '修改培训课程（需提供读取时的版本号）',
  params: idParams,
  body: trainingCourseUpdate,
  response: trainingCourse,
  handler: ({ access, params, body, services, write }) =>
    write((tx, audit) => updateTrainingCourse(tx, audit, access, params.id, body, services.now())),
});

const archived = archiveRoutes({
  base: '/api/training-courses',
  tag: 'trainingCourses',
  access: { resource: 'trainingCourse', action: 'archive' },
  noun: '培训课程',
  kept: '保留记录以备查',
  response: trainingCourse,
  setArchived: setTrainingCourseArchived,
});

export const trainingCourseRoutes: AnyRoute[] = [list, detail, create, update, ...archived];

import { idParams } from '../../../contracts/common.ts';
import {
  enterpriseRecommendationQuery,
  profileQuery,
  recommendationList,
  schoolProfile,
  schoolRecommendationQuery,
  studentProfile,
  studentProfileUpdate,
  studentRecommendationQuery,
  supplyDemand,
  supplyDemandQuery,
} from '../../../contracts/matching.ts';
import { accessFor, inScope } from '../../../core/authz/index.ts';
import { notFound } from '../../../core/errors.ts';
import { defineRoute } from '../../platform/http/route.ts';
import { recommendForEnterprise, recommendForSchool, recommendForStudent } from '../recommend.ts';
import { supplyDemand as supplyDemandOf } from '../supply-demand.ts';
import { getSchoolProfile, getStudentProfile, resolveStudent, saveStudentProfile } from '../repository/profiles.ts';
import { todayOf } from '../../../core/calendar.ts';

export const recommendationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/matching/profile',
    tags: ['matching'],
    access: { resource: 'studentProfile', action: 'read' },
    summary: '学生能力档案：专业、技能证书、意向、可实习时间、是否愿被企业发现',
    query: profileQuery,
    response: studentProfile,
    handler: async ({ services, actor, access, query }) =>
      getStudentProfile(services.database.db, access, await resolveStudent(services.database.db, access, actor!.userId, query.studentId)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/matching/profile',
    tags: ['matching'],
    access: { resource: 'studentProfile', action: 'update' },
    summary: '保存学生能力档案（学生本人或本校）',
    query: profileQuery,
    body: studentProfileUpdate,
    response: studentProfile,
    handler: ({ actor, access, query, body, write }) =>
      write(async (tx, audit) =>
        saveStudentProfile(tx, audit, access, await resolveStudent(tx, access, actor!.userId, query.studentId), body),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/schools/:id/profile',
    tags: ['matching'],
    access: { resource: 'schoolProfile', action: 'read' },
    summary: '学校能力画像：开设专业与历年招生毕业、教师专业领域、载体、专业群',
    params: idParams,
    response: schoolProfile,
    handler: ({ services, params }) => getSchoolProfile(services.database.db, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/recommendations/student',
    tags: ['matching'],
    access: { resource: 'matching', action: 'forStudent' },
    summary: '为学生推荐实习岗位和招聘需求，每项附得分构成',
    query: studentRecommendationQuery,
    response: recommendationList,
    handler: async ({ services, actor, access, query }) => {
      const db = services.database.db;
      const id = await resolveStudent(db, access, actor!.userId, query.studentId);
      return recommendForStudent(db, id, todayOf(services.now()));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/recommendations/enterprise',
    tags: ['matching'],
    access: { resource: 'matching', action: 'forEnterprise' },
    summary: '为企业的一项需求推荐学校专业，或愿被发现的学生',
    query: enterpriseRecommendationQuery,
    response: recommendationList,
    handler: ({ services, access, query }) => recommendForEnterprise(services.database.db, access, query.demandId, query.target),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/recommendations/school',
    tags: ['matching'],
    access: { resource: 'matching', action: 'forSchool' },
    summary: '为学校推荐与其专业对口的企业需求、实习岗位或企业',
    query: schoolRecommendationQuery,
    response: recommendationList,
    handler: ({ services, actor, access, query }) => {
      const schoolId = query.schoolId ?? actor!.memberships.find((m) => m.organisationKind === 'school')?.organisationId;
      if (!schoolId || !inScope(access, { organisationId: schoolId })) throw notFound('学校');
      return recommendForSchool(services.database.db, schoolId, todayOf(services.now()), query.target);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/matching/supply-demand',
    tags: ['matching'],
    access: { resource: 'matching', action: 'supplyDemand' },
    summary: '供需总览：未满足的需求与未落实的求实习学生，按产业集群、专业或区县',
    query: supplyDemandQuery,
    response: supplyDemand,
    handler: ({ services, actor, query }) =>
      supplyDemandOf(
        services.database.db,
        accessFor(actor!, { resource: 'matching', action: 'supplyDemand' }),
        query.by,
        todayOf(services.now()),
      ),
  }),
];

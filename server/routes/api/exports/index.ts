import { enterpriseExportQuery, programExportQuery, schoolExportQuery, studentExportQuery, teacherExportQuery } from '../../../../contracts/imports.ts';
import { accessFor } from '../../../../core/authz/index.ts';
import { AppError } from '../../../../core/errors.ts';
import { exportEnterprises } from '../../../exports/enterprises.ts';
import { exportPrograms, exportTeachers } from '../../../exports/school-members.ts';
import { exportSchools } from '../../../exports/schools.ts';
import { exportStudents } from '../../../exports/students.ts';
import { attachment, XLSX_MIME } from '../../../exports/xlsx-stream.ts';
import type { FastifyReply } from 'fastify';
import { defineRoute, type AnyRoute } from '../../../http/route.ts';

/**
 * Export of a list to .xlsx with the list's own filters and read permission (paging is ignored: the whole
 * list). The columns are the import template's, so an exported sheet can be corrected and imported again.
 */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
const xlsx = (reply: FastifyReply, name: string) =>
  reply.header('content-type', XLSX_MIME).header('content-disposition', attachment(`${name}_${today()}.xlsx`)).header('cache-control', 'no-store');

const schools = defineRoute({
  method: 'GET', url: '/api/exports/schools', tags: ['exports'], access: { resource: 'school', action: 'read' },
  summary: '导出学校列表（.xlsx，筛选条件同学校列表）', query: schoolExportQuery,
  async handler({ services, access, query, reply }) {
    xlsx(reply, '学校');
    return exportSchools(services.database.db, access, query);
  },
});

const enterprises = defineRoute({
  method: 'GET', url: '/api/exports/enterprises', tags: ['exports'], access: { resource: 'enterprise', action: 'read' },
  summary: '导出企业列表（.xlsx，筛选条件同企业列表）', query: enterpriseExportQuery,
  async handler({ services, access, query, reply }) {
    xlsx(reply, '企业');
    return exportEnterprises(services.database.db, access, query);
  },
});

const teachers = defineRoute({
  method: 'GET', url: '/api/exports/teachers', tags: ['exports'], access: { resource: 'teacher', action: 'read' },
  summary: '导出教师列表（.xlsx，筛选条件同教师列表；身份证号已脱敏）', query: teacherExportQuery,
  async handler({ services, access, query, reply }) {
    xlsx(reply, '教师');
    return exportTeachers(services.database.db, access, query);
  },
});

const programs = defineRoute({
  method: 'GET', url: '/api/exports/programs', tags: ['exports'], access: { resource: 'program', action: 'read' },
  summary: '导出开设专业列表（.xlsx，筛选条件同开设专业列表）', query: programExportQuery,
  async handler({ services, access, query, reply }) {
    xlsx(reply, '开设专业');
    return exportPrograms(services.database.db, access, query);
  },
});

const students = defineRoute({
  method: 'GET', url: '/api/exports/students', tags: ['exports'], access: { resource: 'student', action: 'read' },
  summary: '导出学生列表（.xlsx，筛选条件同学生列表）；身份证号和手机号默认脱敏，personalInfo=true导出原文需“查看学生个人信息”权限，且逐人记录',
  query: studentExportQuery,
  async handler({ services, access, query, actor, requestId, reply }) {
    let clear = null;
    if (query.personalInfo) {
      const piiAccess = accessFor(actor!, { resource: 'studentPersonalInfo', action: 'read' });
      if (piiAccess.kind === 'none') throw new AppError('FORBIDDEN', '您无权导出学生身份证号和手机号原文，请导出脱敏版本');
      clear = { pii: services.pii, access: piiAccess, userId: actor!.userId, requestId };
    }
    xlsx(reply, query.personalInfo ? '学生（含个人信息）' : '学生');
    return exportStudents(services.database.db, access, query, clear);
  },
});

export const exportRoutes: AnyRoute[] = [schools, enterprises, teachers, programs, students];

import {
  carrierExportQuery,
  enterpriseExportQuery,
  majorGroupExportQuery,
  programExportQuery,
  registrationExportQuery,
  schoolExportQuery,
  studentExportQuery,
  teacherExportQuery,
} from '../../../contracts/imports.ts';
import type { z } from 'zod';
import type { Access, Permission } from '../../../core/authz/index.ts';
import { clearPiiFor, xlsxDownload } from '../../platform/exports/download.ts';
import { exportEnterprises } from '../exports/enterprises.ts';
import { exportCarriers, exportMajorGroups, exportRegistrations } from '../exports/register-lists.ts';
import { exportPrograms, exportTeachers } from '../exports/school-members.ts';
import { exportSchools } from '../exports/schools.ts';
import { exportStudents } from '../exports/students.ts';
import type { Db } from '../../platform/db/engine.ts';
import { defineRoute, type AnyRoute } from '../../platform/http/route.ts';

/**
 * Export of a list to .xlsx with the list's own filters and read permission (paging is ignored: the whole
 * list). The columns are the import template's, so an exported sheet can be corrected and imported again.
 */
/** A list export needing only the list's read permission and filters. */
function listExport<T, R>(d: {
  entity: string;
  access: Permission;
  name: string;
  summary: string;
  query: z.ZodType<T>;
  run: (db: Db, access: Access, q: T) => R;
}) {
  return defineRoute({
    method: 'GET',
    url: `/api/exports/${d.entity}`,
    tags: ['exports'],
    access: d.access,
    summary: d.summary,
    query: d.query,
    async handler({ services, access, query, reply }) {
      xlsxDownload(reply, d.name, services.now());
      return d.run(services.database.db, access, query);
    },
  });
}

const lists = [
  listExport({
    entity: 'schools',
    access: { resource: 'school', action: 'read' },
    name: '学校',
    summary: '导出学校列表（.xlsx，筛选条件同学校列表）',
    query: schoolExportQuery,
    run: exportSchools,
  }),
  listExport({
    entity: 'enterprises',
    access: { resource: 'enterprise', action: 'read' },
    name: '企业',
    summary: '导出企业列表（.xlsx，筛选条件同企业列表）',
    query: enterpriseExportQuery,
    run: exportEnterprises,
  }),
  listExport({
    entity: 'teachers',
    access: { resource: 'teacher', action: 'read' },
    name: '教师',
    summary: '导出教师列表（.xlsx，筛选条件同教师列表；身份证号已脱敏）',
    query: teacherExportQuery,
    run: exportTeachers,
  }),
  listExport({
    entity: 'programs',
    access: { resource: 'program', action: 'read' },
    name: '开设专业',
    summary: '导出开设专业列表（.xlsx，筛选条件同开设专业列表）',
    query: programExportQuery,
    run: exportPrograms,
  }),
  listExport({
    entity: 'major-groups',
    access: { resource: 'majorGroup', action: 'read' },
    name: '专业群',
    summary: '导出专业群列表（.xlsx，筛选和排序同专业群列表）',
    query: majorGroupExportQuery,
    run: exportMajorGroups,
  }),
  listExport({
    entity: 'carriers',
    access: { resource: 'carrier', action: 'read' },
    name: '产教融合载体',
    summary: '导出产教融合载体列表（.xlsx，筛选和排序同载体列表）',
    query: carrierExportQuery,
    run: exportCarriers,
  }),
  listExport({
    entity: 'registrations',
    access: { resource: 'enterpriseRegistration', action: 'read' },
    name: '企业注册申请',
    summary: '导出企业注册申请（.xlsx，筛选同审核列表；区县限本区县）',
    query: registrationExportQuery,
    run: exportRegistrations,
  }),
];

const students = defineRoute({
  method: 'GET',
  url: '/api/exports/students',
  tags: ['exports'],
  access: { resource: 'student', action: 'read' },
  summary:
    '导出学生列表（.xlsx，筛选条件同学生列表）；身份证号和手机号默认脱敏，personalInfo=true导出原文需“查看学生个人信息”权限，且逐人记录',
  query: studentExportQuery,
  async handler({ services, access, query, actor, requestId, reply }) {
    const clear = clearPiiFor(query.personalInfo, actor!, services, requestId);
    xlsxDownload(reply, query.personalInfo ? '学生（含个人信息）' : '学生', services.now());
    return exportStudents(services.database.db, access, query, clear);
  },
});

export const exportRoutes: AnyRoute[] = [...lists, students];

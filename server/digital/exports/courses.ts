import type { Access } from '../../../core/authz/index.ts';
import type { CourseListQuery, OnlineCourse } from '../../../contracts/digital.ts';
import type { Db } from '../../platform/db/engine.ts';
import { exportListPages, type ExportColumn } from '../../platform/exports/paged.ts';
import { listCourses } from '../repository/courses.ts';

/** The 精品在线课程 list as .xlsx: what the list shows, with the same filters and scope. */
const columns: ExportColumn<OnlineCourse>[] = [
  { header: '课程名称', width: 30, value: (c) => c.title },
  { header: '开设学校', width: 28, value: (c) => c.schoolName },
  { header: '所在区域', width: 16, value: (c) => c.districtName ?? '' },
  { header: '级别', value: (c) => c.levelLabel },
  { header: '合作企业', width: 28, value: (c) => c.partnerEnterpriseName ?? '' },
  { header: '服务专业', width: 36, value: (c) => c.majors.map((m) => `${m.code} ${m.name ?? ''}`.trim()).join('；') },
  { header: '学分', value: (c) => c.credits },
  { header: '选课人数', value: (c) => c.enrolments },
  { header: '课程网址', width: 36, value: (c) => c.url },
  { header: '认定状态', value: (c) => c.statusLabel },
  { header: '认定意见', width: 30, value: (c) => c.reviewNote ?? '' },
  { header: '更新时间', width: 18, value: (c) => c.updatedAt },
];

export const exportCourses = (db: Db, access: Access, q: Omit<CourseListQuery, 'page' | 'pageSize'>) =>
  exportListPages('精品在线课程', columns, (p) => listCourses(db, access, { ...q, ...p }), { ...q, page: 1, pageSize: 200 });

/**
 * The registry capability's public surface: what the rest of the server may use of it. Everything else in
 * server/registry/ is internal (test/core/layers.test.ts keeps it so).
 */
export { assertEnterpriseInScope } from './repository/enterprises.ts';
export { nameSortKeyer, syncAllNameSorts, syncNameSort } from './repository/name-sort.ts';
export { planPracticeRule, planShareRule } from './repository/registry-rules.ts';
export { carrierRoutes } from './routes/carriers.ts';
export { codeRoutes } from './routes/codes.ts';
export { enterpriseRoutes } from './routes/enterprises.ts';
export { exportRoutes } from './routes/exports.ts';
export { majorGroupRoutes } from './routes/major-groups.ts';
export { programRoutes } from './routes/programs.ts';
export { registrationRoutes } from './routes/registrations.ts';
export { schoolRoutes } from './routes/schools.ts';
export { studentRoutes } from './routes/students.ts';
export { teacherRoutes } from './routes/teachers.ts';
export { trainingCourseRoutes } from './routes/training-courses.ts';

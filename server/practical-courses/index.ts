/**
 * The practical-courses capability's public surface (issue 18, 二 (三) 7): the catalogue of 劳动技术与职业体验课程
 * schools develop with enterprises for 中小学. The cockpit counts practical_courses through `practicalCourseTallies`
 * and lists them through `practicalCourseDrill`.
 */
export { practicalCourseRoutes } from './routes/courses.ts';
export { practicalCourseDrill, practicalCourseTallies } from './repository/indicator.ts';

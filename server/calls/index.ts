/**
 * The calls capability's public surface (项目申报): calls of the policy file's kinds, applications, decisions and the
 * public page. Expert review is the expert-review capability's, used through its index.ts.
 */
import { applicationRoutes, callRoutes } from './routes/calls.ts';

export const callsRoutes = [...callRoutes, ...applicationRoutes];

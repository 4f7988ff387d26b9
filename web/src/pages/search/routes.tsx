import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const SearchPage = lazy(() => import('./SearchPage.tsx'));

/** The full results page of the header's search box (every signed-in role may search). */
export const searchRoutes: RouteObject[] = [{ path: 'search', element: <SearchPage />, handle: { title: '搜索' } }];

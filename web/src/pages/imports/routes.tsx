import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

const ImportsPage = lazy(() => import('./ImportsPage.tsx'));

/** Inside the signed-in frame; the menu entry (navigation.ts) decides who may open it. */
export const importRoutes: RouteObject[] = [
  {
    path: 'imports',
    element: (
      <RoleGate>
        <ImportsPage />
      </RoleGate>
    ),
  },
];

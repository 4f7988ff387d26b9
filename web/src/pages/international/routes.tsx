import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Loaded on demand; navigation.ts says which roles see it (RoleGate reads it).
const RecordsPage = lazy(() => import('./RecordsPage.tsx'));

/** The international page (国际交流与合作, issue 18), a child of the signed-in layout. */
export const internationalRoutes: RouteObject[] = [
  {
    path: 'international',
    element: (
      <RoleGate>
        <RecordsPage />
      </RoleGate>
    ),
  },
];

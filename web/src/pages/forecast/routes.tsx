import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

const ForecastPage = lazy(() => import('./ForecastPage.tsx'));

/** The forecast page (人才需求预测), a child of the signed-in layout; navigation.ts says who sees it. */
export const forecastRoutes: RouteObject[] = [
  {
    path: 'forecast',
    element: (
      <RoleGate>
        <ForecastPage />
      </RoleGate>
    ),
  },
];

import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { RoleGate } from '../../layout/RoleGate.tsx';

// Each page loads on demand; navigation.ts says which roles see which (RoleGate reads it).
const DeclarationPage = lazy(() => import('./DeclarationPage.tsx'));
const DeclarationsPage = lazy(() => import('./DeclarationsPage.tsx'));
const StateOwnedPage = lazy(() => import('./StateOwnedPage.tsx'));
const EnterpriseCertificationPage = lazy(() => import('./EnterpriseCertificationPage.tsx'));
const PipelinePage = lazy(() => import('./PipelinePage.tsx'));
const SurchargeCreditsPage = lazy(() => import('./SurchargeCreditsPage.tsx'));

/** The certification pages (产教融合型企业, issue 14), children of the signed-in layout. */
export const certificationRoutes: RouteObject[] = [
  {
    path: 'certification/declaration',
    element: (
      <RoleGate>
        <DeclarationPage />
      </RoleGate>
    ),
  },
  {
    path: 'certification/declarations',
    element: (
      <RoleGate>
        <DeclarationsPage />
      </RoleGate>
    ),
  },
  {
    path: 'certification/mine',
    element: (
      <RoleGate>
        <EnterpriseCertificationPage />
      </RoleGate>
    ),
  },
  {
    path: 'certification/pipeline',
    element: (
      <RoleGate>
        <PipelinePage />
      </RoleGate>
    ),
  },
  {
    path: 'certification/surcharge-credits',
    element: (
      <RoleGate>
        <SurchargeCreditsPage />
      </RoleGate>
    ),
  },
  {
    path: 'certification/state-owned',
    element: (
      <RoleGate>
        <StateOwnedPage />
      </RoleGate>
    ),
  },
];

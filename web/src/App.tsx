import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Skeleton } from 'antd';
import { RequireSession } from './auth/session.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import HomePage from './pages/HomePage.tsx';
import LoginPage from './pages/LoginPage.tsx';
import NotFoundPage from './pages/NotFoundPage.tsx';

const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage.tsx'));

export function App() {
  return (
    <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession><AppLayout /></RequireSession>}>
          <Route index element={<HomePage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="account" element={<ChangePasswordPage />} />
          <Route path="change-password" element={<ChangePasswordPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Me } from '../../../contracts/auth.ts';
import type { Role } from '../../../core/authz/roles.ts';
import { ApiError, errorMessage, get } from '../api/client.ts';

export const ME_KEY = ['auth', 'me'] as const;

const MeContext = createContext<Me | null>(null);

/** Only same-site paths are followed after sign-in (never `//host` or a full URL). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login') || next.startsWith('/change-password')) return '/';
  return next;
}

/** The sign-in page, remembering the page to return to (unless it is the home page). */
export function loginPath(current: string): string {
  const next = safeNext(current);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

export function changePasswordPath(current: string): string {
  const next = safeNext(current);
  return next === '/' ? '/change-password' : `/change-password?next=${encodeURIComponent(next)}`;
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => get<Me>('/api/auth/me', undefined, { signal }), staleTime: 5 * 60_000 });
}

/**
 * The signed-in part of the app. Loads the current user; without a session the API client has already sent
 * the browser to sign-in (keeping this page as `next`); a user who must change their password is held on the
 * change-password page.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMeQuery();
  const here = location.pathname + location.search;

  if (me.data) {
    if (me.data.user.mustChangePassword && location.pathname !== '/change-password') {
      return <Navigate to={changePasswordPath(here)} replace />;
    }
    return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
  }
  if (me.error && !(me.error instanceof ApiError && me.error.status === 401)) {
    return (
      <Result
        status="warning"
        title="暂时无法连接平台"
        subTitle={errorMessage(me.error)}
        extra={
          <Button type="primary" onClick={() => void me.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  return <FullPageSpin />;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description="加载中…" />
    </div>
  );
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside RequireSession');
  return me;
}

/** The distinct roles of the user, in the order the server lists them. */
export function rolesOf(me: Me): Role[] {
  return [...new Set(me.roles.map((r) => r.role))];
}

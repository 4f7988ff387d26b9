import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { rolesOf, useMe } from '../auth/session.tsx';
import { mayVisit } from '../navigation.ts';

/** Shows a page only to the roles navigation.ts lists for it (the server refuses the others anyway). */
export function RoleGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname } = useLocation();
  if (mayVisit(pathname, rolesOf(me))) return children;
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有查看此页面的权限。如需开通，请联系市教育局平台管理员。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

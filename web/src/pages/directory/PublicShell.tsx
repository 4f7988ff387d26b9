import { Button } from 'antd';
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router-dom';
import { PLATFORM_NAME } from '../../layout/AppLayout.tsx';
import './public.css';

/** The frame of the pages anyone may open without signing in: the directory, the public statistics and enterprise registration. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div className="cj-public">
      <header className="cj-public-header">
        <Link to="/directory" className="cj-public-brand" aria-label={`${PLATFORM_NAME} 公开名录`}>
          <span className="cj-logo" aria-hidden>
            产教
          </span>
          <span className="cj-public-title">{PLATFORM_NAME}</span>
        </Link>
        <nav className="cj-public-nav">
          <NavLink to="/directory" end={false}>
            公开名录
          </NavLink>
          <NavLink to="/statistics" data-testid="nav-statistics">
            公开统计
          </NavLink>
          <NavLink to="/register">企业注册</NavLink>
          <Link to="/login">
            <Button type="primary" size="small">
              登录
            </Button>
          </Link>
        </nav>
      </header>
      <main className="cj-public-main">{children}</main>
      <footer className="cj-footer">
        {PLATFORM_NAME}（产教 Chanjiao）· 依据《深化产教融合推进职业教育高质量发展实施方案》（郑政办〔2023〕38号）建设 ·
        公开名录不含任何个人信息
      </footer>
    </div>
  );
}

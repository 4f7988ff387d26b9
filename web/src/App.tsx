import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { RouterProvider } from 'react-router-dom';
import { queryClient } from './api/queryClient.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

dayjs.locale('zh-cn');

/** The style nonce the server put in the shell: Ant Design's runtime styles carry it past the CSP. */
const cspNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

/** The app shell: Chinese locale, the platform theme, the query cache and the routes. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} csp={cspNonce ? { nonce: cspNonce } : undefined}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

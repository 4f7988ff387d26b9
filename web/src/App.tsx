import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { RouterProvider } from 'react-router-dom';
import { queryClient } from './api/queryClient.ts';
import { cspNonce } from './csp-nonce.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

dayjs.locale('zh-cn');

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

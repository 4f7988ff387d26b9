import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { App } from './App.tsx';

// The shared schemas' built-in messages (lengths, formats) in Chinese, as on the server.
z.config(zhCN());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

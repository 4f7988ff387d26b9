import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

// Imported first by main.tsx, so that it holds before any module parses anything.
// The shared schemas' built-in messages (lengths, formats) in Chinese, as on the server.
z.config(zhCN());
// No compiled validators: the Content Security Policy has no 'unsafe-eval' (Zod would probe `new Function`).
z.config({ jitless: true });

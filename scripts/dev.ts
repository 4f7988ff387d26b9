import { spawn } from 'node:child_process';

/**
 * `npm run dev`: the API server restarted on change (node --watch) and Vite's dev server with hot reload,
 * which proxies /api to the API server. Open the URL Vite prints.
 */
const children = [
  spawn('node', ['--watch-path=server', '--watch-path=core', '--watch-path=contracts', '--watch-path=policy', 'server/main.ts'], {
    stdio: 'inherit',
  }),
  spawn('vite', ['--config', 'web/vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children)
  c.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app: built into web/dist, served by the API server on the same port; `npm run dev` proxies /api.
 * React and ECharts get chunks of their own (long-cached, ECharts only loaded with the first chart); Ant
 * Design is left to the bundler so that components used only by lazily loaded pages load with those pages.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          // Zod with its configuration in one chunk, evaluated before any module that defines a schema: the
          // contracts' schemas are then built jitless (no `new Function` probe under the CSP).
          if (/node_modules\/zod\//.test(id) || id.endsWith('/web/src/zod-config.ts')) return 'zod';
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  // `API_URL` points the dev server at an API server on another port.
  server: { port: 5173, proxy: { '/api': process.env.API_URL ?? 'http://localhost:3000' } },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console is served by the gateway under /console (see apps/gateway/src/console); in
 * development `nx serve console` proxies the API to a gateway started by `npm start`.
 */
export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        // Libraries change less often than the screens: separate files, cached longer.
        manualChunks: { react: ['react', 'react-dom', 'react-router-dom'], antd: ['antd', '@ant-design/pro-components'], echarts: ['echarts', 'echarts-for-react'] },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/sign-in', '/projects', '/goals', '/tasks', '/indicator-libraries', '/coverage', '/audit'].map((p) => [p, process.env['BPM_GATEWAY_URL'] ?? 'http://127.0.0.1:3000']),
    ),
  },
});

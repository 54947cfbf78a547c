import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web workbench: root web/, built into dist/web, which the server serves with an SPA
// fallback (`npm start`). `vite --config web/vite.config.ts` proxies /api to a running server.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      // echarts-for-react 3.0.6 requires tslib without declaring it; use the copy echarts ships.
      tslib: resolve(import.meta.dirname, '../node_modules/echarts/node_modules/tslib/tslib.es6.js'),
    },
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});

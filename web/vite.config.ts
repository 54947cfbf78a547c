import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web workbench: root web/, built into dist/web, which the server serves with an SPA
// fallback (`npm start`). `vite --config web/vite.config.ts` proxies /api to a running server.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
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

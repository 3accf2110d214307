import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run build:dashboards` runs from the repo root; the app lives here and builds to ./dist,
// which semantic/web-server.ts serves. In dev, /api goes to a running web server (RABT_WEB_URL).
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': process.env.RABT_WEB_URL ?? 'http://127.0.0.1:8080' },
  },
});

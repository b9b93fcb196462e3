import { defineConfig } from 'vite';

// Built into the gateway's static files, served at /ide/.
export default defineConfig({
  base: '/ide/',
  build: { outDir: '../Gateway/wwwroot/ide', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
});

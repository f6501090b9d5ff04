import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: web/ → dist/web, served by the Fastify server on the same port as the API.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

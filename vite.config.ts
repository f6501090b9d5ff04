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
    // Two pages: the staff app, and the public site (/open) that must stay light on a phone.
    rollupOptions: { input: { index: 'web/index.html', open: 'web/open.html' } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';

/**
 * Writes a .gz and a .br beside each text asset of the build, which the server sends as they are to a browser
 * that accepts them (@fastify/static preCompressed): the public site's first load on a phone stays small with
 * no compression work per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'ecer-precompress',
    apply: 'build',
    configResolved: (c) => void (outDir = path.resolve(c.root, c.build.outDir)),
    closeBundle() {
      const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|json|svg)$/.test(f))) {
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// The web app: web/ → dist/web, served by the Fastify server on the same port as the API.
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Two pages: the staff app, and the public site (/open) that must stay light on a phone.
    rollupOptions: { input: { index: 'web/index.html', open: 'web/open.html' } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

// bench/web-bundle: gzipped size of the JS and CSS the browser loads before the first paint
// (what dist/web/index.html references), and of the lazily loaded chunks. Target: initial JS < 700 KB gzipped.
// Run: npm run build && npx tsx bench/web-bundle.ts
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist/web');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const gz = (f: string) => gzipSync(fs.readFileSync(path.join(dist, f))).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const initialJs = initial.filter((f) => f.endsWith('.js'));
const initialCss = initial.filter((f) => f.endsWith('.css'));
console.log(`initial JS (${initialJs.length} files): ${kb(initialJs.reduce((n, f) => n + gz(f), 0))} gzipped`);
console.log(`initial CSS (${initialCss.length} files): ${kb(initialCss.reduce((n, f) => n + gz(f), 0))} gzipped`);
const lazy = fs
  .readdirSync(path.join(dist, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith('.js') && !initial.includes(f))
  .map((f) => [f, gz(f)] as const)
  .sort((a, b) => b[1] - a[1]);
console.log(`lazy chunks: ${lazy.length}; largest: ${lazy.slice(0, 3).map(([f, n]) => `${path.basename(f)} ${kb(n)}`).join(', ')}`);
const map = path.join(dist, 'map/ganzhou.json');
if (fs.existsSync(map)) console.log(`county map: ${kb(fs.statSync(map).size)} raw, ${kb(gzipSync(fs.readFileSync(map)).length)} gzipped`);

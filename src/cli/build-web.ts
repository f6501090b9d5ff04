import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
// What the web bundle is built from: its sources, the shared schemas and catalog, the map, the build config.
const INPUTS = ['web', 'src/i18n', 'src/domain', 'src/modules', 'data/map', 'vite.config.ts', 'scripts/build-map.mjs', 'package-lock.json'];

function* files(p: string): Generator<string> {
  if (!fs.existsSync(p)) return;
  const st = fs.statSync(p);
  if (st.isFile()) yield p;
  else for (const name of fs.readdirSync(p).sort()) if (name !== 'node_modules' && name !== 'public') yield* files(path.join(p, name));
}

/** A fingerprint of the build inputs (paths, sizes, modification times). */
export function webInputsStamp(): string {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    for (const f of files(path.join(root, input))) {
      const st = fs.statSync(f);
      h.update(`${path.relative(root, f)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return h.digest('hex');
}

/** Builds the web bundle when its inputs changed since the last build (npm start calls this). */
export function ensureWebBuilt(webDir: string): 'fresh' | 'built' {
  const stampFile = path.join(webDir, '.build-stamp');
  const stamp = webInputsStamp();
  if (fs.existsSync(path.join(webDir, 'index.html')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return 'fresh';
  console.log('正在构建网页 (building the web app)…');
  // Always a production bundle: under vitest NODE_ENV is 'test', and antd then renders test-only ids (aria-labelledby="test-id").
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error(`网页构建失败 (web build failed, exit ${r.status})`);
  fs.writeFileSync(stampFile, stamp);
  return 'built';
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
const rel = (f: string) => path.relative(root, f);

describe('architecture (ARCHITECTURE.md: arrows point the only way imports may go)', () => {
  it('src/domain is pure: it imports only zod, node:crypto and other domain code', () => {
    const bad: string[] = [];
    for (const f of walk(path.join(root, 'src/domain')).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
      for (const spec of importsOf(f)) {
        const ok = spec === 'zod' || spec === 'node:crypto' || (spec.startsWith('.') && path.resolve(path.dirname(f), spec).startsWith(path.join(root, 'src/domain')));
        if (!ok) bad.push(`${rel(f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('schemas.ts (shared with the web app) imports only zod, the domain and other schemas', () => {
    const bad: string[] = [];
    for (const f of walk(path.join(root, 'src/modules')).filter((x) => x.endsWith('/schemas.ts'))) {
      for (const spec of importsOf(f)) {
        const target = path.resolve(path.dirname(f), spec);
        const ok = spec === 'zod' || target.startsWith(path.join(root, 'src/domain')) || target.endsWith('/schemas');
        if (!ok) bad.push(`${rel(f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('routes never touch the database directly, and repos never open transactions', () => {
    const bad: string[] = [];
    for (const f of walk(path.join(root, 'src/modules'))) {
      const text = fs.readFileSync(f, 'utf8');
      if (f.endsWith('/routes.ts') && importsOf(f).some((s) => s.includes('/db/') || s.endsWith('/repo'))) bad.push(`${rel(f)} imports the database`);
      if (f.endsWith('repo.ts') && text.includes('.transaction(')) bad.push(`${rel(f)} opens a transaction`);
    }
    expect(bad).toEqual([]);
  });

  it('the product never reads the shared folder outside the repository', () => {
    const offenders = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'web/src')), ...walk(path.join(root, 'scripts'))].filter((f) =>
      /\.\.\/shared|\/work\/shared/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders.map(rel)).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../src/cli/build-web';
import { openDatabase } from '../src/db/client';
import { loadConfig } from '../src/server/config';
import { loadReferenceData } from '../src/server/boot';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, seeded PGlite data folder (gzip tarball) each test file starts from. */
    pgliteSnapshot: string;
    /** A seeded template database on the local PostgreSQL, or null (with the reason) when none is reachable. */
    pgTemplate: { adminUrl: string; template: string } | null;
    pgSkipReason: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
const referenceDir = path.join(root, 'data');
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Builds the seeded PGlite snapshot and, where PostgreSQL answers, a seeded template database. */
export default async function setup(project: TestProject) {
  // The browser tests serve the built web app: build it once here, not once per test file.
  ensureWebBuilt(loadConfig({}).webDir);
  const dir = path.join(root, '.ecer/test');
  fs.mkdirSync(dir, { recursive: true });
  const snapshotFile = path.join(dir, `snapshot-${process.pid}.tar.gz`);
  const lite = await openDatabase({ databaseUrl: null });
  await loadReferenceData(lite, referenceDir);
  fs.writeFileSync(snapshotFile, Buffer.from(await (await lite.snapshot!()).arrayBuffer()));
  await lite.close();
  project.provide('pgliteSnapshot', snapshotFile);

  const adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
  const template = `ecer_test_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  let created = false;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    created = true;
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    const real = await openDatabase({ databaseUrl: url.toString() });
    await loadReferenceData(real, referenceDir);
    await real.close();
    project.provide('pgTemplate', { adminUrl, template });
    project.provide('pgSkipReason', '');
  } catch (err) {
    const reason = `PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ':***@')} not usable (${(err as Error).message}); set TEST_DATABASE_URL to run the PostgreSQL suite`;
    console.warn(`\n[ecer tests] SKIPPING PostgreSQL integration tests: ${reason}\n`);
    project.provide('pgTemplate', null);
    project.provide('pgSkipReason', reason);
  }

  return async () => {
    fs.rmSync(snapshotFile, { force: true });
    if (!created) return;
    // Drop the template and every per-file database made from it.
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
    for (const { datname } of rows.filter((r) => r.datname !== template)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}

import fs from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';

export type DbKind = 'pglite' | 'postgres';

let counter = 0;

/** A fresh database for one test file: a copy of the seeded snapshot (PGlite) or template (PostgreSQL). */
export async function openTestDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const snapshot = new Blob([fs.readFileSync(inject('pgliteSnapshot'))]);
    return openDatabase({ databaseUrl: null, snapshot });
  }
  const tpl = inject('pgTemplate');
  if (!tpl) throw new Error(inject('pgSkipReason'));
  const name = `${tpl.template}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: tpl.adminUrl });
  await admin.connect();
  try {
    // Identifiers cannot be bound parameters; both names are made here from digits and a fixed prefix.
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${tpl.template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(tpl.adminUrl);
  url.pathname = `/${name}`;
  return openDatabase({ databaseUrl: url.toString() });
}

/**
 * Runs a suite once per database: embedded PGlite always, the local PostgreSQL when reachable.
 * Where PostgreSQL is not reachable its suite is skipped with the reason in the suite's name.
 */
export function describeEachDb(name: string, suite: (kind: DbKind) => void) {
  describe(`${name} [PGlite]`, () => suite('pglite'));
  const tpl = inject('pgTemplate');
  if (tpl) describe(`${name} [PostgreSQL]`, () => suite('postgres'));
  else describe.skip(`${name} [PostgreSQL] — SKIPPED: ${inject('pgSkipReason')}`, () => suite('postgres'));
}

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { beijing } from '../../src/demo/context';
import { loadDemo } from '../../src/demo/load';
import { DemoRefusedError } from '../../src/demo/marker';
import { DEMO_SIZES } from '../../src/demo/sizes';
import { MEASURE_TYPES } from '../../src/domain/reduction/model';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { makeUser } from '../factories';
import { openTestDatabase } from '../helpers/db';
import { DEMO_TEST_AS_OF, type LoadedDemoCity, loadDemoCity, rowsOf } from '../helpers/demo';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/**
 * Columns whose values are random by nature, so two loads with the same seed cannot agree on them. Everything else —
 * ids, names, figures, statuses, every timestamp — must be identical. Each exclusion says why.
 */
const RANDOM_COLUMNS: Record<string, Record<string, string>> = {
  app_user: { password_hash: 'argon2id with a random salt' },
  session: { token_hash: 'hash of a random session token' },
  calendar_feed: { token_sha256: 'hash of a random subscription token' },
  citizen_report: { token_hash: 'hash of the random private follow-up token' },
  commitment: { token_hash: 'hash of the random private update token' },
  spent_challenge: { challenge_hash: 'a proof-of-work challenge carries a random salt' },
  station: { sm4_keys_sealed: 'AES-256-GCM with a random IV' },
};

/** The tables (partitioned parents, not their partitions) and each one's primary-key columns. */
async function tables(db: Db): Promise<Array<{ name: string; pk: string[] }>> {
  const res = await rowsOf<{ name: string; pk: string[] | null }>(db, sql`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  return res.map((r) => ({ name: r.name, pk: r.pk ?? [] }));
}

/** Every table's rows as JSON text, ordered by primary key (then by the whole row), without the random columns. */
async function dumpAll(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tables(db)) {
    const drop = Object.keys(RANDOM_COLUMNS[t.name] ?? {});
    // A key made of a random column (spent_challenge's hash) cannot order the rows: the rest of the row does.
    const order = [...t.pk.filter((c) => !drop.includes(c)).map((c) => `t."${c}"`), 'row'].join(', ');
    // Identifiers come from pg_class/pg_attribute and the constant above, not from input.
    const rows = await rowsOf<{ row: string }>(
      db,
      sql.raw(`SELECT (to_jsonb(t) - ARRAY[${drop.map((c) => `'${c}'`).join(', ')}]::text[])::text AS row FROM "${t.name}" t ORDER BY ${order}`),
    );
    out[t.name] = rows.map((r) => r.row);
  }
  return out;
}

/** The tables whose rows differ, each with its row counts and the first differing row of each side. */
function differences(a: Record<string, string[]>, b: Record<string, string[]>) {
  const diffs: Array<{ table: string; rows: [number, number]; first?: [string | undefined, string | undefined] }> = [];
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const [x, y] = [a[table] ?? [], b[table] ?? []];
    const i = x.findIndex((row, k) => row !== y[k]);
    if (x.length !== y.length || i >= 0) diffs.push({ table, rows: [x.length, y.length], first: i >= 0 ? [x[i]?.slice(0, 400), y[i]?.slice(0, 400)] : undefined });
  }
  return diffs;
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tables(db)) out[t.name] = Number((await rowsOf<{ n: string }>(db, sql.raw(`SELECT count(*) AS n FROM "${t.name}"`)))[0]!.n);
  return out;
}

const countOf = async (db: Db, query: SQL) => Number((await rowsOf<{ n: string }>(db, query))[0]!.n);

describe('the demo city (#12)', () => {
  let first: LoadedDemoCity;
  let second: LoadedDemoCity;
  beforeAll(async () => {
    // Both start from the same seeded snapshot, so the reference data (loaded with the wall clock) is the same in both.
    first = await loadDemoCity('small', { database: await openTestDatabase('pglite') });
    second = await loadDemoCity('small', { database: await openTestDatabase('pglite') });
  }, 600_000);
  afterAll(async () => {
    await first?.database.close();
    await second?.database.close();
  });

  describe('is reproducible', () => {
    it('gives the same data in every table when loaded twice with the same seed', async () => {
      const [a, b] = [await dumpAll(first.database.db), await dumpAll(second.database.db)];
      expect(differences(a, b)).toEqual([]);
      expect(a.enterprise!.length).toBeGreaterThan(0);
    });

    it('gives different data with a different seed', async () => {
      // The org step and one quick step are enough to see the seed at work (a whole third load would double the time).
      const other = await loadDemoCity('small', { seed: 7, database: await openTestDatabase('pglite'), only: ['monitoring'] });
      try {
        const diffs = differences(await dumpAll(first.database.db), await dumpAll(other.database.db)).map((d) => d.table);
        expect(diffs).toEqual(expect.arrayContaining(['demo_dataset', 'enterprise', 'station']));
      } finally {
        await other.database.close();
      }
    });
  });

  describe('refuses', () => {
    const load = (db: Parameters<typeof loadDemo>[0]) => loadDemo(db, { seed: 2026, size: DEMO_SIZES.small, asOf: beijing(DEMO_TEST_AS_OF), where: '测试数据库', log: () => {} });

    it('a database with real data, with a clear message, writing nothing', async () => {
      const database = await openTestDatabase('pglite');
      try {
        await makeUser(database.db, 'admin');
        const before = await rowCounts(database.db);
        const err = await load(database).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(DemoRefusedError);
        expect((err as Error).message).toMatch(/拒绝载入演示数据：测试数据库 已有真实数据（1 个用户，0 家企业），演示数据不能与真实数据混在一起/);
        expect(await rowCounts(database.db)).toEqual(before);
      } finally {
        await database.close();
      }
    });

    it('a second load into the demo database (without --reset)', async () => {
      const before = await rowCounts(first.database.db);
      const err = await load(first.database).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DemoRefusedError);
      expect((err as Error).message).toMatch(/已载入演示数据（种子 2026，规模 small，截至 2026-11-20）。要重新生成，请加 --reset/);
      expect(await rowCounts(first.database.db)).toEqual(before);
    });

    describe('on the command line (exit code 2)', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecer-demo-cli-'));
      afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
      const ecer = async (env: Record<string, string>, ...args: string[]) => {
        const base = { ...process.env, LOG_LEVEL: 'warn', ...env } as Record<string, string | undefined>;
        delete base.DATABASE_URL;
        try {
          const r = await run(process.execPath, [path.join(root, 'bin/ecer.mjs'), ...args], { env: base, cwd: dir });
          return { code: 0, ...r };
        } catch (err) {
          const e = err as { code: number; stdout: string; stderr: string };
          return { code: e.code, stdout: e.stdout, stderr: e.stderr };
        }
      };

      it("the platform's own data folder (ECER_DATA_DIR)", async () => {
        const data = path.join(dir, 'data');
        const r = await ecer({ ECER_DATA_DIR: data }, 'demo', 'load', '--size', 'small', '--as-of', DEMO_TEST_AS_OF, '--data-dir', data);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`拒绝载入演示数据：数据目录 ${data} 是平台的正式数据库（ECER_DATA_DIR）`);
        expect(fs.existsSync(data)).toBe(false);
      });

      it('a size that does not exist', async () => {
        const r = await ecer({ ECER_DATA_DIR: path.join(dir, 'data') }, 'demo', 'load', '--size', 'huge', '--data-dir', path.join(dir, 'demo'));
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--size 只能是 small | standard | large，收到 huge');
      });
    });
  });

  describe('gives every module data (small size)', () => {
    const n = (query: SQL) => countOf(first.database.db, query);

    it('organisation: enterprises labelled as demo, key units, one account per role', async () => {
      expect(await n(sql`SELECT count(*) AS n FROM enterprise`)).toBe(20 * DEMO_SIZES.small.enterprisesPerRegion);
      expect(await n(sql`SELECT count(*) AS n FROM enterprise WHERE name NOT LIKE '%（演示）%'`)).toBe(0);
      expect(await n(sql`SELECT count(*) AS n FROM enterprise WHERE is_key_energy_unit`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(DISTINCT role) AS n FROM app_user`)).toBe(5);
    });

    it('dual control: energy accounts of every county and zone, in more than one status, and targets', async () => {
      expect(await n(sql`SELECT count(DISTINCT region_code) AS n FROM energy_account WHERE region_code <> '360700'`)).toBe(20);
      expect(await n(sql`SELECT count(DISTINCT status) AS n FROM energy_account`)).toBeGreaterThan(1);
      expect(await n(sql`SELECT count(*) AS n FROM energy_account WHERE status = 'approved'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM energy_target`)).toBeGreaterThan(0);
    });

    it('reporting: progress reports approved, returned, corrected and waiting, and the cascade of targets', async () => {
      expect(await n(sql`SELECT count(*) AS n FROM progress_report WHERE status = 'approved'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM progress_report WHERE status = 'returned'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM progress_report WHERE status = 'submitted'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM progress_report WHERE correction_reason IS NOT NULL`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM target_allocation`)).toBeGreaterThan(0);
    });

    it('key energy units: annual energy reports and meters with readings', async () => {
      expect(await n(sql`SELECT count(*) AS n FROM energy_report`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(DISTINCT status) AS n FROM energy_report`)).toBeGreaterThan(1);
      expect(await n(sql`SELECT count(*) AS n FROM meter`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM meter_hour`)).toBeGreaterThan(0);
    });

    it('reduction: projects of every measure type, in every region, with dispatches', async () => {
      const types = (await rowsOf<{ t: string }>(first.database.db, sql`SELECT DISTINCT measure_type AS t FROM reduction_project ORDER BY 1`)).map((r) => r.t);
      expect(types).toEqual(Object.keys(MEASURE_TYPES).sort());
      expect(await n(sql`SELECT count(DISTINCT region_code) AS n FROM reduction_project`)).toBe(20);
      expect(await n(sql`SELECT count(*) AS n FROM reduction_dispatch WHERE status = 'approved'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM reduction_dispatch WHERE status = 'returned'`)).toBeGreaterThan(0);
    });

    it('monitoring: stations of the 2017 and 2025 editions, some encrypted, readings and alarms', async () => {
      expect(await n(sql`SELECT count(*) AS n FROM station WHERE edition = '2017'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM station WHERE edition = '2025'`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM station WHERE sm4_key_count > 0`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM reading`)).toBeGreaterThan(0);
      expect(await n(sql`SELECT count(*) AS n FROM alarm`)).toBeGreaterThan(0);
    });

    it('supervision: inspections, rectification orders, institutions, experts and training', async () => {
      for (const table of ['inspection', 'rectification_order', 'public_institution', 'institution_use', 'expert', 'training_event', 'training_attendance']) {
        expect(await n(sql.raw(`SELECT count(*) AS n FROM ${table}`)), table).toBeGreaterThan(0);
      }
    });

    it('public: citizen reports, commitments, news and a publication', async () => {
      for (const table of ['citizen_report', 'commitment', 'news_item', 'publication']) {
        expect(await n(sql.raw(`SELECT count(*) AS n FROM ${table}`)), table).toBeGreaterThan(0);
      }
    });

    it('assessment: a completed (published) assessment', async () => {
      expect(await n(sql`SELECT count(*) AS n FROM assessment WHERE status = 'published'`)).toBeGreaterThan(0);
    });
  });

  it('/api/health says which demo a database holds, and null for a normal one', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { webDir: '/nonexistent' });
    const demoApp = await buildApp(config, first.database);
    const normal = await openTestDatabase('pglite');
    const normalApp = await buildApp(config, normal);
    try {
      expect((await demoApp.inject({ url: '/api/health' })).json().demo).toEqual({ seed: 2026, size: 'small', asOf: DEMO_TEST_AS_OF });
      expect((await normalApp.inject({ url: '/api/health' })).json().demo).toBeNull();
    } finally {
      await demoApp.close();
      await normalApp.close();
      await normal.close();
    }
  });
});

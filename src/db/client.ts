import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index';

type Schema = typeof schema;
/** A database or a transaction: repos take either as their first argument. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball (tests start each file from one). */
  snapshot?: () => Promise<Blob>;
};

const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

/** Raised when the embedded data folder is already held by another running process. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `嵌入式数据库 ${dataDir} 正被运行中的进程 (pid ${pid}) 使用：请先停止该服务器，或设置 DATABASE_URL 使用 PostgreSQL。\n` +
        `The embedded database ${dataDir} is in use by a running process (pid ${pid}): stop that server first, or set DATABASE_URL.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite allows one process per data folder; a lock file says who holds it. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) throw new DataDirBusyError(dataDir, holder);
      fs.rmSync(lockFile, { force: true }); // a stale lock from a process that died
    }
  }
  return () => fs.rmSync(lockFile, { force: true });
}

export type OpenOptions = {
  databaseUrl: string | null;
  dataDir?: string;
  /** A migrated snapshot to start from (tests); implies an in-memory PGlite. */
  snapshot?: Blob;
};

/** Opens PostgreSQL when a URL is given, else the embedded PGlite, and applies the migrations. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' });
    await migratePg(db, { migrationsFolder });
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const release = opts.snapshot || !opts.dataDir ? () => {} : lockDataDir(opts.dataDir);
  try {
    const client = opts.snapshot
      ? await PGlite.create({ loadDataDir: opts.snapshot })
      : await PGlite.create(opts.dataDir ?? 'memory://');
    const db = drizzlePglite({ client, schema, casing: 'snake_case' });
    await migratePglite(db, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      snapshot: () => client.dumpDataDir('gzip'),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

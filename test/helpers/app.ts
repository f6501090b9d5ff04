import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Database } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { TEST_PASSWORD } from '../factories';
import { type DbKind, openTestDatabase } from './db';

export type TestApp = { app: FastifyInstance; database: Database; close(): Promise<void> };

/** The real app on a fresh copy of the seeded database, driven with app.inject (no port). */
export async function startTestApp(kind: DbKind): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { webDir: '/nonexistent' });
  const app = await buildApp(config, database);
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Logs in through the API and returns the session cookie header. */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ecer_session');
  return `ecer_session=${cookie!.value}`;
}

export const as = (cookie: string, opts: InjectOptions): InjectOptions => ({ ...opts, headers: { ...opts.headers, cookie } });

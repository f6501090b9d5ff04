import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { type Database, openDatabase } from '../db/client';
import { OrgFile } from '../domain/org/org-file';
import { purgeExpiredSessions } from '../modules/auth/service';
import { loadOrganisation } from '../modules/org/service';
import { loadShippedReference } from '../modules/reference/service';
import { ensureFirstAdmin } from '../modules/org/users.service';
import { type LoadResult, loadPlan, readPlanFile } from '../modules/plan/load.service';
import type { Config } from './config';
import type { AuditCtx } from './context';

export const systemCtx = (name: string): AuditCtx => ({ actor: { kind: 'system', name }, now: new Date(), requestId: null, ip: null });

/** Loads the shipped reference data: the organisation, the reference values, then every plan under data/plans/. Idempotent. */
export async function loadReferenceData(database: Database, referenceDir: string): Promise<{ orgChanged: number; referenceWritten: number; plans: LoadResult[] }> {
  const ctx = systemCtx('seed');
  const orgDir = path.join(referenceDir, 'org');
  let orgChanged = 0;
  for (const name of (await fs.readdir(orgDir)).filter((f) => f.endsWith('.yaml')).sort()) {
    const raw = YAML.parse(await fs.readFile(path.join(orgDir, name), 'utf8'));
    const parsed = OrgFile.safeParse(raw);
    if (!parsed.success) throw new Error(`data/org/${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    orgChanged += (await loadOrganisation(database.db, ctx, parsed.data)).changed;
  }
  const referenceWritten = await loadShippedReference(database.db, ctx, path.join(referenceDir, 'reference'));
  const planDir = path.join(referenceDir, 'plans');
  const plans: LoadResult[] = [];
  for (const name of (await fs.readdir(planDir)).filter((f) => f.endsWith('.yaml')).sort()) {
    plans.push(await loadPlan(database.db, ctx, await readPlanFile(path.join(planDir, name))));
  }
  return { orgChanged, referenceWritten, plans };
}

/** Opens the database (migrating it), loads reference data and makes sure an admin exists. */
export async function bootDatabase(config: Config) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const loaded = await loadReferenceData(database, config.referenceDir);
    const firstAdmin = await ensureFirstAdmin(database.db, systemCtx('bootstrap'));
    await purgeExpiredSessions(database.db, new Date());
    return { database, loaded, firstAdmin };
  } catch (err) {
    await database.close();
    throw err;
  }
}

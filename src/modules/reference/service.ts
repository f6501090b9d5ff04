import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { REFERENCE_KEYS, type ReferenceKey, type ReferenceValueOf, type Version, VersionInput, effectiveAt, parseReferenceValue, withValidity } from '../../domain/reference/versions';
import type { AuditCtx, Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as repo from './repo';

type Cached = { versions: Version[]; at: number };
// Read at most once a second per database (other servers may add versions); a local write clears it.
const caches = new WeakMap<Db, Cached>();
const TTL_MS = 1000;

/** Every version of every key, cached briefly. */
export async function referenceVersions(db: Db, nowMs = Date.now()): Promise<Version[]> {
  const hit = caches.get(db);
  if (hit && nowMs - hit.at < TTL_MS) return hit.versions;
  const versions = (await repo.listVersions(db)).map(({ createdAt: _, ...v }) => v);
  caches.set(db, { versions, at: nowMs });
  return versions;
}

/** The value of a key in force on a date; a missing key is a deployment error, not user input. */
export async function referenceAt<K extends ReferenceKey>(db: Db, key: K, date: string): Promise<Version<ReferenceValueOf<K>>> {
  const v = effectiveAt(await referenceVersions(db), key, date);
  if (!v) throw new Error(`reference data ${key} has no version in force on ${date}: run "ecer migrate" to load data/reference/`);
  return v as Version<ReferenceValueOf<K>>;
}

/** A fingerprint that moves whenever a version is added or changed (for caches built on reference data). */
export async function referenceFingerprint(db: Db): Promise<string> {
  const versions = await referenceVersions(db);
  return `${versions.length}:${Math.max(0, ...versions.map((v) => v.id))}`;
}

/** Every key with its versions and their validity periods, for the settings page. */
export async function listReference(db: Db) {
  const versions = await referenceVersions(db);
  return Object.keys(REFERENCE_KEYS).map((key) => ({ key, versions: withValidity(versions, key) }));
}

/** The steering office adds a version from a date on; earlier versions stay as they were. Audited. */
export async function addReferenceVersion(ctx: Ctx, key: string, input: { validFrom: string; source: string; value: unknown }) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const parsed = parseReferenceValue(key, input.value);
  if (!parsed.ok) throw new AppError(parsed.field === 'key' ? 'not-found' : 'validation', parsed.message, { pointer: `#/${parsed.field.replace(/\./g, '/')}`, field: parsed.field });
  const versions = await ctx.db.transaction(async (tx) => {
    const existing = await repo.findVersion(tx, key, input.validFrom);
    if (existing) throw new AppError('conflict', `已有自 ${input.validFrom} 起生效的版本；版本不能修改，请选择其他生效日期`, { pointer: '#/validFrom', field: 'validFrom' });
    const row = await repo.insertVersion(tx, { key, validFrom: input.validFrom, source: input.source, value: parsed.value, createdBy: a.userId, createdAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'addReferenceVersion', entity: 'reference_value', entityId: `${key}@${input.validFrom}`, after: row });
    return withValidity((await repo.listVersions(tx)).map(({ createdAt: _, ...v }) => v), key);
  });
  caches.delete(ctx.db);
  return { key, versions };
}

/** Reads and checks data/reference/*.yaml (lists of versions); a bad entry names its file, index and field. */
export async function readReferenceDir(dir: string): Promise<VersionInput[]> {
  const names = (await fs.readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const out: VersionInput[] = [];
  for (const name of names) {
    const parsed = z.array(VersionInput).safeParse(YAML.parse(await fs.readFile(path.join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`data/reference/${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const [i, v] of parsed.data.entries()) {
      const value = parseReferenceValue(v.key, v.value);
      if (!value.ok) throw new Error(`data/reference/${name} [${i}] ${v.key}: ${value.field}: ${value.message}`);
      out.push({ ...v, value: value.value });
    }
  }
  return out;
}

/** The shipped versions as versions, for tools that run without a database (the dual-control CLI). */
export async function shippedVersions(dir: string): Promise<Version[]> {
  return (await readReferenceDir(dir)).map((v, i) => ({ id: i + 1, key: v.key, value: v.value, source: v.source, validFrom: v.validFrom, createdBy: null, createdByName: null }));
}

/** Loads the shipped versions into the database; idempotent, audited. */
export async function loadShippedReference(db: Db, ctx: AuditCtx, dir: string): Promise<number> {
  let written = 0;
  for (const v of await readReferenceDir(dir)) {
    await db.transaction(async (tx) => {
      if (await repo.upsertShipped(tx, { ...v, createdAt: ctx.now })) {
        await recordAudit(tx, ctx, { action: 'loadReferenceVersion', entity: 'reference_value', entityId: `${v.key}@${v.validFrom}`, after: v });
        written++;
      }
    });
  }
  if (written) caches.delete(db);
  return written;
}

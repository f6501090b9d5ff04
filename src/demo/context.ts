import pino from 'pino';
import type { Db } from '../db/client';
import type { Actor, Role, UserActor } from '../domain/access';
import type { Ctx } from '../server/context';
import { Rng } from './random';
import type { DemoSize } from './sizes';

/** A demo account, as the org step created it (every demo account shares DEMO_PASSWORD). */
export type DemoUser = { id: number } & Pick<UserActor, 'username' | 'displayName' | 'role' | 'regionCode' | 'departmentId' | 'enterpriseId'>;

export type DemoRegion = { code: string; name: string; kind: string };
export type DemoDepartment = { id: number; code: string; name: string };
export type DemoEnterprise = {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
  industry: string;
  industryCode: string;
  isKeyEnergyUnit: boolean;
  isKeyPollutantUnit: boolean;
  /** Order within its region (0-based), for spreading roles evenly. */
  index: number;
};

/** What every step sees: the database, the size, the clock, its own random stream, and the city built so far. */
export type DemoCtx = {
  db: Db;
  seed: number;
  size: DemoSize;
  /** The demo's "today" (Beijing midnight of the as-of day, as a UTC instant): history runs up to it. */
  asOf: Date;
  /** A reproducible random stream of the step's own (see Rng.forLabel). */
  rng: (label: string) => Rng;
  /** A use-case context acting as `who` at time `at` (an ISO date/time, Beijing time when no zone is given). */
  as: (who: DemoUser | 'system', at: Date | string) => Ctx;
  city: DemoCity;
  log: (line: string) => void;
};

/** The city built by the org step, shared by every later step (read-only for them). */
export type DemoCity = {
  regions: DemoRegion[];
  departments: DemoDepartment[];
  enterprises: DemoEnterprise[];
  users: DemoUser[];
  /** The user of a role for a scope: `user('county', '360702')`, `user('department', deptId)`, `user('enterprise', entId)`, `user('admin')`. */
  user: (role: Role, scope?: string | number) => DemoUser;
};

const silent = pino({ level: 'silent' });

/** Beijing wall time → instant. `2025-04-20` is Beijing midnight; a value with a zone or Z is taken as is. */
export function beijing(at: Date | string): Date {
  if (at instanceof Date) return at;
  if (/[zZ]|[+-]\d\d:\d\d$/.test(at)) return new Date(at);
  const full = at.length === 10 ? `${at}T00:00:00` : at;
  return new Date(`${full}+08:00`);
}

export const actorOfDemoUser = (u: DemoUser): Actor => ({
  kind: 'user',
  userId: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  regionCode: u.regionCode,
  departmentId: u.departmentId,
  enterpriseId: u.enterpriseId,
  mustChangePassword: false,
});

export function makeDemoCtx(o: { db: Db; seed: number; size: DemoSize; asOf: Date; city: DemoCity; log: (line: string) => void }): DemoCtx {
  return {
    ...o,
    rng: (label) => Rng.forLabel(o.seed, label),
    as: (who, at) => ({
      db: o.db,
      actor: who === 'system' ? { kind: 'system', name: 'demo' } : actorOfDemoUser(who),
      log: silent,
      now: beijing(at),
      requestId: null,
      ip: null,
      locale: 'zh-CN',
    }),
  };
}

import type { Role } from '../../../src/domain/access';

export type Who = Role | 'public';
export const EVERYONE: Who[] = ['public', 'admin', 'steering', 'department', 'county', 'enterprise'];
export const USERS: Who[] = ['admin', 'steering', 'department', 'county', 'enterprise'];
export type Fixture = { enterpriseId: number; userId: number; taskId: number; reportId: number; indicatorId: number };
export type Case = {
  allowed: Who[];
  url: (f: Fixture) => string;
  body?: () => unknown;
  /** The call ends the session: use a fresh login for it. */
  freshSession?: boolean;
  contentType?: string;
};


import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import type { Actor } from '../domain/access';
import type { Locale } from '../i18n/index';

/** What a use case needs of the request: built once per request by the auth plugin. */
export type Ctx = {
  db: Db;
  actor: Actor;
  log: FastifyBaseLogger;
  now: Date;
  requestId: string | null;
  ip: string | null;
  locale: Locale;
};

/** What an audit record needs: who, when, from which request. */
export type AuditCtx = Pick<Ctx, 'actor' | 'now' | 'requestId' | 'ip'>;
/** A use case run outside HTTP (start-up, CLI): no logger or locale needed. */
export type WriteCtx = AuditCtx & Pick<Ctx, 'db'>;

import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { appUser } from './org';

/** A login session; only the SHA-256 of the cookie token is stored. */
export const session = pgTable(
  'session',
  {
    tokenHash: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('session_user').on(t.userId)],
);

/** Failed logins, counted per username and per address for throttling. */
export const loginFailure = pgTable(
  'login_failure',
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    ip: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('login_failure_username_at').on(t.username, t.at), index('login_failure_ip_at').on(t.ip, t.at)],
);

import { index, integer, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { appUser } from './org';

/** An in-app notice to one user (report returned or approved, the daily reporting digest). */
export const notification = pgTable(
  'notification',
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    /** returned | approved | digest | alarm */
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    link: text(),
    /** Makes a job's notice idempotent: the same key is never sent to a user twice. */
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notification_user').on(t.userId, t.createdAt), unique('notification_dedupe').on(t.userId, t.dedupeKey)],
);

/** Scheduled jobs that ran, one row per job and day: several servers never run the same day twice. */
export const jobRun = pgTable(
  'job_run',
  {
    name: text().notNull(),
    day: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.day] })],
);

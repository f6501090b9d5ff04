import { bigserial, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { appUser } from './org';

/**
 * The columns of one step in the life of a reviewed record (submitted, approved, returned with the comment,
 * corrected): every `*_event` table of the shared report lifecycle adds only the reference to its record.
 */
export const reviewStepColumns = () => ({
  id: bigserial({ mode: 'number' }).primaryKey(),
  action: text().notNull(),
  comment: text(),
  actorUserId: integer()
    .notNull()
    .references(() => appUser.id),
  at: timestamp({ withTimezone: true }).notNull(),
});

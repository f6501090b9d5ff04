import { date, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { appUser } from './org';

/**
 * 参考数据: versioned reference values (reporting defaults, the status rule, later coefficients).
 * A version applies from its `validFrom` until the next version of the same key; versions are only
 * ever added, so what applied on any past date stays known.
 */
export const referenceValue = pgTable(
  'reference_value',
  {
    id: serial().primaryKey(),
    key: text().notNull(),
    value: jsonb().notNull(),
    /** Where the value comes from: a standard, a notice, or "ECER default". */
    source: text().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    /** Null for the versions shipped in data/reference/. */
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  // The unique version also serves lookups by key.
  (t) => [unique('reference_value_version').on(t.key, t.validFrom)],
);

import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 演示数据 (issue #12): one row when the database holds the generated demo city, none otherwise. Its presence puts
 * the 演示数据 banner on every page, and it is what lets `ecer demo load` tell a demo database from a real one.
 */
export const demoDataset = pgTable(
  'demo_dataset',
  {
    id: integer().primaryKey().default(1),
    seed: integer().notNull(),
    /** small | standard | large */
    size: text().notNull(),
    /** The demo's "today": the generated history runs up to this day. */
    asOf: date({ mode: 'string' }).notNull(),
    /** The generator's version, so a data folder from an older generator can be told apart. */
    generator: text().notNull(),
    loadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check('demo_dataset_one_row', sql`${t.id} = 1`)],
);

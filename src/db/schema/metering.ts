import { bigserial, boolean, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { enterprise } from './org';

const amount = () => numeric({ precision: 20, scale: 6, mode: 'number' });

/** 计量表: a meter of a key energy-using unit, registered by its first valid reading (ecer/<USCC>/<code>). */
export const meter = pgTable(
  'meter',
  {
    id: serial().primaryKey(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprise.id),
    /** The meter id of the topic, unique within the enterprise. */
    code: text().notNull(),
    /** The unit its counter counts in (a REPORT_UNITS key: kWh, m3, t, GJ…). */
    unit: text().notNull(),
    /** GB/T 2589 carrier code (data/reference/gbt2589.yaml); null until a reading names it. */
    carrier: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('meter_code').on(t.enterpriseId, t.code)],
);

/** One accepted counter reading. The key (meter, time) makes a re-delivered message a no-op. */
export const meterReading = pgTable(
  'meter_reading',
  {
    meterId: integer()
      .notNull()
      .references(() => meter.id),
    ts: timestamp({ withTimezone: true }).notNull(),
    /** Cumulative counter (表底数) in the meter's unit. */
    value: amount().notNull(),
    /** Use since the previous accepted reading; null for a meter's first reading. */
    delta: amount(),
    /** The reading came after a silence longer than the rules' gapMinutes. */
    isAfterGap: boolean().notNull().default(false),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meterId, t.ts] })],
);

/** A reading or message the gateway refused, with the reason (bad-topic, unknown-enterprise, non-monotonic, spike…). */
export const meterRejection = pgTable(
  'meter_rejection',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    topic: text().notNull(),
    uscc: text(),
    meterCode: text(),
    ts: timestamp({ withTimezone: true }),
    value: amount(),
    reason: text().notNull(),
    detail: text().notNull(),
    /** The message body, cut to 500 characters. */
    payload: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('meter_rejection_once').on(t.topic, t.ts, t.reason), index('meter_rejection_received').on(t.receivedAt)],
);

/** 小时用量: a meter's use in one clock hour, spread from its readings (the base of daily and monthly series). */
export const meterHour = pgTable(
  'meter_hour',
  {
    meterId: integer()
      .notNull()
      .references(() => meter.id),
    hour: timestamp({ withTimezone: true }).notNull(),
    quantity: amount().notNull(),
    readings: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.meterId, t.hour] })],
);

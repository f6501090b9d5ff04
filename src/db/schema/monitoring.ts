import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FactorLimit } from '../../domain/monitoring/model';
import { appUser, enterprise, region } from './org';

/** 污染源自动监控站点 (HJ 212 数采仪): keyed by MN, with its factors, limits and protocol switches. */
export const station = pgTable(
  'station',
  {
    id: serial().primaryKey(),
    mn: text().notNull().unique('station_mn'),
    name: text().notNull(),
    enterpriseId: integer().references(() => enterprise.id),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    medium: text().notNull(),
    st: text().notNull(),
    outlet: text().notNull().default(''),
    longitude: doublePrecision(),
    latitude: doublePrecision(),
    factors: jsonb().$type<FactorLimit[]>().notNull().default([]),
    o2Reference: doublePrecision(),
    rtdIntervalS: integer(),
    minIntervalMin: integer(),
    edition: text().notNull().default('auto'),
    encryption: text().notNull().default('accept'),
    lengthMode: text().notNull().default('plaintext'),
    bareLf: boolean().notNull().default(false),
    maxConnections: integer().notNull().default(1),
    active: boolean().notNull().default(true),
    /** SHA-256 (hex) of the HJ 212 PW; the PW itself is never kept. */
    pwSha256: text(),
    /** The SM4 keys as AES-256-GCM cipher text (iv.tag.data, base64), under ECER_SECRET_KEY. */
    sm4KeysSealed: text(),
    sm4KeyCount: integer().notNull().default(0),
    /** Time of the last stored upload (the silence check). */
    lastSeenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('station_region').on(t.regionCode), index('station_enterprise').on(t.enterpriseId)],
);

/**
 * One factor's values from one upload (CN 2011/2051/2061/2031 → kind). Partitioned by month of `at` on every
 * engine (migration 0011); the unique key includes `at` as a partitioned table's keys must, and makes a re-sent
 * packet a no-op. No foreign key: the hot insert path stays a plain append. Values are doubles: stations send
 * measured decimals, and the charts and limits compare them as numbers.
 */
export const reading = pgTable(
  'reading',
  {
    stationId: integer().notNull(),
    kind: text().notNull(),
    factor: text().notNull(),
    /** DataTime as an instant (Beijing time converted). */
    at: timestamp({ withTimezone: true }).notNull(),
    /** -Rtd for real-time data, -Avg for minute/hour/day data. */
    value: doublePrecision(),
    min: doublePrecision(),
    max: doublePrecision(),
    cou: doublePrecision(),
    /** 折算 value: as sent (-ZsRtd/-ZsAvg) or computed by formula 28. */
    zs: doublePrecision(),
    flag: text(),
    backfill: boolean().notNull().default(false),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  // One index only (inserts pay for each): it serves dedupe, a factor's series and a station's newest readings.
  (t) => [uniqueIndex('reading_once').on(t.stationId, t.kind, t.at, t.factor)],
);

/** 报警: a condition found in the data, open until closed; a repeat while open counts an occurrence. */
export const alarm = pgTable(
  'alarm',
  {
    id: serial().primaryKey(),
    stationId: integer()
      .notNull()
      .references(() => station.id),
    kind: text().notNull(),
    status: text().notNull().default('new'),
    /** '' for station-wide alarms (silence), so the open-alarm key has no nulls. */
    factor: text().notNull().default(''),
    value: doublePrecision(),
    limit: doublePrecision(),
    basis: text(),
    flag: text(),
    message: text().notNull(),
    firstAt: timestamp({ withTimezone: true }).notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
    occurrences: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('alarm_open').on(t.stationId, t.kind, t.factor).where(sql`status <> 'closed'`),
    index('alarm_status').on(t.status, t.lastAt),
  ],
);

/** The workflow history of an alarm: each step with its note and who took it. */
export const alarmAction = pgTable(
  'alarm_action',
  {
    id: serial().primaryKey(),
    alarmId: integer()
      .notNull()
      .references(() => alarm.id),
    action: text().notNull(),
    note: text(),
    actorUserId: integer().references(() => appUser.id),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('alarm_action_alarm').on(t.alarmId)],
);

import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { reviewStepColumns } from './review-step';
import { appUser, region } from './org';

const amount = () => numeric({ precision: 20, scale: 6, mode: 'number' });

/**
 * 能源账户: one revision of a region's energy and GDP figures for a year ('2024') or the year to date
 * ('2024-M06', cumulative). Entered by the county, approved by the city; a resubmission or correction is a
 * new revision, never an overwrite (the same lifecycle as progress reports). Energy in 万tce, GDP in 亿元,
 * electricity in 亿kWh, growth as a fraction.
 */
export const energyAccount = pgTable(
  'energy_account',
  {
    id: serial().primaryKey(),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    periodKey: text().notNull(),
    revision: integer().notNull(),
    /** submitted | approved | returned | superseded */
    status: text().notNull(),
    gdpCurrent: amount(),
    gdpGrowth: amount(),
    energy: amount().notNull(),
    coal: amount(),
    nonFossil: amount().notNull().default(0),
    renewableElectricity: amount().notNull().default(0),
    feedstock: amount().notNull().default(0),
    listedProjects: amount().notNull().default(0),
    note: text().notNull().default(''),
    correctionReason: text(),
    submittedBy: integer()
      .notNull()
      .references(() => appUser.id),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique('energy_account_revision').on(t.regionCode, t.periodKey, t.revision),
    index('energy_account_status').on(t.status, t.periodKey),
    check('energy_account_period', sql`${t.periodKey} ~ '^[0-9]{4}(-M(0[1-9]|1[0-2]))?$'`),
  ],
);

/** Every step of an account's life: submitted, approved, returned (with the comment), corrected. */
export const energyAccountEvent = pgTable(
  'energy_account_event',
  {
    ...reviewStepColumns(),
    accountId: integer()
      .notNull()
      .references(() => energyAccount.id),
  },
  (t) => [index('energy_account_event_account').on(t.accountId)],
);

/** 能耗强度目标: a region's basic and incentive five-year intensity-reduction targets (1310号). */
export const energyTarget = pgTable(
  'energy_target',
  {
    regionCode: text()
      .notNull()
      .references(() => region.code),
    baseYear: integer().notNull(),
    years: integer().notNull(),
    basic: amount().notNull(),
    incentive: amount(),
    source: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.baseYear] })],
);

/** 年度目标: a year's required intensity reduction (where set) and the GDP growth target behind the total target. */
export const energyAnnualTarget = pgTable(
  'energy_annual_target',
  {
    regionCode: text()
      .notNull()
      .references(() => region.code),
    year: integer().notNull(),
    intensityReduction: amount(),
    plannedGdpGrowth: amount(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/** 总量目标调整: each time actual growth moves a year's total-consumption target, with the reason. */
export const energyTargetAdjustment = pgTable('energy_target_adjustment', {
  id: serial().primaryKey(),
  regionCode: text()
    .notNull()
    .references(() => region.code),
  year: integer().notNull(),
  planned: amount().notNull(),
  adjusted: amount().notNull(),
  reason: text().notNull(),
  /** The approved account that caused it. */
  accountId: integer().references(() => energyAccount.id),
  at: timestamp({ withTimezone: true }).notNull(),
});

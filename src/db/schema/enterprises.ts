import { index, integer, jsonb, numeric, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { reviewStepColumns } from './review-step';
import { appUser, enterprise, region } from './org';

const amount = () => numeric({ precision: 20, scale: 6, mode: 'number' });

/**
 * 重点用能单位能源利用状况报告: one revision of an enterprise's annual report. The lines are in physical units
 * (GB/T 2589 carriers); the tce totals by both electricity methods are computed and stored with the
 * coefficient version used. Reviewed by the county, then the city; a correction is a new revision.
 */
export const energyReport = pgTable(
  'energy_report',
  {
    id: serial().primaryKey(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprise.id),
    year: integer().notNull(),
    revision: integer().notNull(),
    /** submitted | county-approved | approved | returned | superseded */
    status: text().notNull(),
    /** [{ carrier, quantity, unit, measuredLhvKj? }] */
    lines: jsonb().notNull(),
    /** [{ product, output, unit, energyTce?, capacity? }] */
    products: jsonb().notNull(),
    /** [{ name, investment (万元), savingTce, status }] */
    savingProjects: jsonb().notNull(),
    tceEquivalent: amount().notNull(),
    tceEquivalentInput: amount().notNull(),
    /** The reference version ids of the coefficients used, so a figure can be re-derived. */
    coefficientVersions: jsonb().notNull(),
    /** Required when the total moved by more than the threshold against last year's approved report. */
    changeReason: text(),
    correctionReason: text(),
    submittedBy: integer()
      .notNull()
      .references(() => appUser.id),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('energy_report_revision').on(t.enterpriseId, t.year, t.revision), index('energy_report_status').on(t.status, t.year)],
);

export const energyReportEvent = pgTable(
  'energy_report_event',
  {
    ...reviewStepColumns(),
    reportId: integer()
      .notNull()
      .references(() => energyReport.id),
  },
  (t) => [index('energy_report_event_report').on(t.reportId)],
);

/** 产品能效: an enterprise's product line in a year: capacity and unit-product energy use, classed against the benchmarks. */
export const productEfficiency = pgTable(
  'product_efficiency',
  {
    id: serial().primaryKey(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprise.id),
    year: integer().notNull(),
    /** A product code of the efficiency-benchmarks reference data. */
    productCode: text().notNull(),
    capacity: amount().notNull(),
    capacityUnit: text().notNull(),
    unitConsumption: amount().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('product_efficiency_line').on(t.enterpriseId, t.year, t.productCode)],
);

/** 两高一低项目清单: a high-energy, high-emission, low-level project, its approvals, the finding and the disposal. */
export const highEnergyProject = pgTable(
  'high_energy_project',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    enterpriseId: integer().references(() => enterprise.id),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    industry: text().notNull(),
    /** planned | under-construction | built */
    stage: text().notNull(),
    annualEnergyTce: amount(),
    annualEmissions: text().notNull().default(''),
    /** approved | pending | none */
    energyReviewStatus: text().notNull(),
    energyReviewNo: text(),
    eiaStatus: text().notNull(),
    eiaNo: text(),
    finding: text().notNull().default(''),
    /** keep | rectify | stop-construction | phase-out | pending */
    disposal: text().notNull(),
    followUp: text().notNull().default(''),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: integer()
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [index('high_energy_project_region').on(t.regionCode)],
);

import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { reviewStepColumns } from './review-step';
import { appUser, enterprise, region } from './org';
import { evidenceBlob } from './reporting';

const tonnes = () => numeric({ precision: 20, scale: 6, mode: 'number' });

/**
 * 重点减排工程: a county's key reduction project (reduction.md §4). A draft (`registeredAt` null) is seen only by
 * its county; once registered it is in the city's registry. `status` … `verifiedYear` are kept up to date by the
 * dispatch use cases so that lists and the dashboard read one row per project.
 */
export const reductionProject = pgTable(
  'reduction_project',
  {
    id: serial().primaryKey(),
    /** JP-<region>-<nnnn>, numbered per region. */
    code: text().notNull().unique(),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    name: text().notNull(),
    measureType: text().notNull(),
    /** The formula ID of reduction.md §3 (follows from the measure type). */
    method: text().notNull(),
    /** ['COD', 'NH3-N', …] */
    pollutants: jsonb().$type<string[]>().notNull(),
    enterpriseId: integer().references(() => enterprise.id),
    facilityName: text().notNull(),
    uscc: text().notNull().default(''),
    outlet: text().notNull().default(''),
    longitude: doublePrecision(),
    latitude: doublePrecision(),
    address: text().notNull().default(''),
    stationMn: text().notNull().default(''),
    /** The method's parameters as reduction.md §3 names them. */
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    /** 基准排放量: the facility's 2020 emission per pollutant (t). */
    baseline: jsonb().$type<Record<string, number>>().notNull(),
    baselineSource: text().notNull().default(''),
    plannedStart: date({ mode: 'string' }),
    plannedCompletion: date({ mode: 'string' }),
    /** 计划减排量 per pollutant (t): the potential the default allocation follows. */
    planned: jsonb().$type<Record<string, number>>().notNull(),
    note: text().notNull().default(''),
    registeredAt: timestamp({ withTimezone: true }),
    /** The latest dispatch's project status, or 'verified' (see ProjectOut.status). */
    status: text().notNull().default('planned'),
    lastDispatchMonth: text(),
    lastDispatchStatus: text(),
    /** Verified countable tonnes per pollutant of `verifiedYear` (the latest year in the ledger). */
    verified: jsonb().$type<Record<string, number>>().notNull().default({}),
    verifiedYear: integer(),
    createdBy: integer()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: integer()
      .notNull()
      .references(() => appUser.id),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('reduction_project_region').on(t.regionCode), index('reduction_project_registered').on(t.registeredAt)],
);

/**
 * 月调度: one revision of one project's month. Rows are never overwritten (the shared report lifecycle):
 * submitted → approved | returned; an approved month corrected by a later approval becomes superseded.
 * `accounting` is the engine's ProjectResult for the month's year: as submitted, then as re-accounted at approval.
 */
export const reductionDispatch = pgTable(
  'reduction_dispatch',
  {
    id: serial().primaryKey(),
    projectId: integer()
      .notNull()
      .references(() => reductionProject.id),
    month: text().notNull(),
    revision: integer().notNull(),
    /** submitted | approved | returned | superseded */
    status: text().notNull(),
    projectStatus: text().notNull(),
    dates: jsonb().$type<Record<string, string | null>>().notNull(),
    progressNote: text().notNull().default(''),
    progressPct: numeric({ precision: 6, scale: 2, mode: 'number' }),
    /** The full parameter set: the body's params merged over the project's. */
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    claimed: jsonb().$type<Record<string, number>>().notNull(),
    offsets: jsonb().$type<Record<string, { t: number; approvalNo: string }>>().notNull(),
    baselineExplanation: text().notNull().default(''),
    correctionReason: text(),
    accounting: jsonb().notNull(),
    submittedBy: integer()
      .notNull()
      .references(() => appUser.id),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique('reduction_dispatch_revision').on(t.projectId, t.month, t.revision),
    index('reduction_dispatch_month').on(t.month, t.status),
    index('reduction_dispatch_status').on(t.status),
    check('reduction_dispatch_month_format', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** Every step of a dispatch: submitted, corrected, approved, returned (with the comment). */
export const reductionDispatchEvent = pgTable(
  'reduction_dispatch_event',
  {
    ...reviewStepColumns(),
    dispatchId: integer()
      .notNull()
      .references(() => reductionDispatch.id),
  },
  (t) => [index('reduction_dispatch_event_dispatch').on(t.dispatchId)],
);

/** 佐证材料 of a project by kind (reduction.md §4); the bytes are in evidence_blob, stored once by SHA-256. */
export const reductionEvidence = pgTable(
  'reduction_evidence',
  {
    projectId: integer()
      .notNull()
      .references(() => reductionProject.id),
    sha256: text()
      .notNull()
      .references(() => evidenceBlob.sha256),
    kind: text().notNull(),
    fileName: text().notNull(),
    uploadedBy: integer()
      .notNull()
      .references(() => appUser.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.sha256, t.kind] })],
);

/**
 * 核查台账: what counts. Project × year × pollutant from the latest approved dispatch of that year (R_p,Y vs
 * 2020, reduction.md §2), written in the approval's transaction. A region's cumulative figure for Y is the sum
 * over its projects of their Y rows, never a sum over years. Region and facility keys are copied from the project
 * so that progress and the cross-project checks (C1) read this table alone.
 */
export const reductionLedger = pgTable(
  'reduction_ledger',
  {
    projectId: integer()
      .notNull()
      .references(() => reductionProject.id),
    year: integer().notNull(),
    pollutant: text().notNull(),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    measureType: text().notNull(),
    uscc: text().notNull(),
    outlet: text().notNull(),
    reductionT: tonnes().notNull(),
    offsetT: tonnes().notNull(),
    countableT: tonnes().notNull(),
    rejectionCode: text(),
    rejectionReason: text(),
    dispatchId: integer()
      .notNull()
      .references(() => reductionDispatch.id),
    month: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year, t.pollutant] }), index('reduction_ledger_year_region').on(t.year, t.regionCode)],
);

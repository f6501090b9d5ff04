import { sql } from 'drizzle-orm';
import { check, customType, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { reviewStepColumns } from './review-step';
import { appUser, department, region } from './org';
import { indicator, task } from './plan';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** 报送规则: how often an indicator or a task is reported, and how many days after period end it is due. */
export const reportingRule = pgTable(
  'reporting_rule',
  {
    id: serial().primaryKey(),
    indicatorId: integer().references(() => indicator.id, { onDelete: 'cascade' }),
    taskId: integer().references(() => task.id, { onDelete: 'cascade' }),
    /** monthly | quarterly | half-yearly | annual */
    frequency: text().notNull(),
    dueDays: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('reporting_rule_indicator').on(t.indicatorId),
    uniqueIndex('reporting_rule_task').on(t.taskId),
    check('reporting_rule_one_item', sql`(${t.indicatorId} IS NULL) <> (${t.taskId} IS NULL)`),
  ],
);

/**
 * 进展报告: one revision of a report on an indicator's value or a task's progress, for a period and a region.
 * Rows are never overwritten: a resubmission or a correction is a new revision; only `status` moves
 * (submitted → approved | returned; approved → superseded when a correction is approved).
 */
export const progressReport = pgTable(
  'progress_report',
  {
    id: serial().primaryKey(),
    indicatorId: integer().references(() => indicator.id),
    taskId: integer().references(() => task.id),
    periodKey: text().notNull(),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    revision: integer().notNull(),
    /** submitted | approved | returned | superseded */
    status: text().notNull(),
    value: numeric({ precision: 20, scale: 6, mode: 'number' }),
    /** not-started | on-track | delayed | completed */
    taskStatus: text(),
    percentComplete: integer(),
    narrative: text().notNull().default(''),
    /** Why this revision corrects an approved one. */
    correctionReason: text(),
    submittedBy: integer()
      .notNull()
      .references(() => appUser.id),
    submittedByDepartmentId: integer().references(() => department.id),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // One revision number per item, period and region; the item column not used is NULL, so NULLs must match.
    unique('progress_report_revision').on(t.indicatorId, t.taskId, t.periodKey, t.regionCode, t.revision).nullsNotDistinct(),
    index('progress_report_status').on(t.status),
    index('progress_report_region_status').on(t.regionCode, t.status),
    // Year filters are prefix matches on the period key ('2025%'): text_pattern_ops lets the index serve them.
    index('progress_report_period').on(t.periodKey.op('text_pattern_ops')),
    check('progress_report_one_item', sql`(${t.indicatorId} IS NULL) <> (${t.taskId} IS NULL)`),
    check('progress_report_percent', sql`${t.percentComplete} IS NULL OR (${t.percentComplete} BETWEEN 0 AND 100)`),
  ],
);

/** Every step of a report's life: submitted, approved, returned (with the comment), corrected. */
export const reportEvent = pgTable(
  'report_event',
  {
    ...reviewStepColumns(),
    reportId: integer()
      .notNull()
      .references(() => progressReport.id),
  },
  (t) => [index('report_event_report').on(t.reportId)],
);

/** 日历订阅: a secret per user that lets a calendar app fetch the user's .ics without a session (stored hashed). */
export const calendarFeed = pgTable('calendar_feed', {
  userId: integer()
    .primaryKey()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  tokenSha256: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

/** Evidence files, stored once by the SHA-256 of their content. */
export const evidenceBlob = pgTable('evidence_blob', {
  sha256: text().primaryKey(),
  mediaType: text().notNull(),
  size: integer().notNull(),
  content: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

/** An evidence file attached to a report revision, under the name it was uploaded with. */
export const reportAttachment = pgTable(
  'report_attachment',
  {
    reportId: integer()
      .notNull()
      .references(() => progressReport.id),
    sha256: text()
      .notNull()
      .references(() => evidenceBlob.sha256),
    fileName: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.sha256] })],
);

/** 目标分解: a county's or zone's share of a city indicator's target. */
export const targetAllocation = pgTable(
  'target_allocation',
  {
    indicatorId: integer()
      .notNull()
      .references(() => indicator.id, { onDelete: 'cascade' }),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    target: numeric({ precision: 20, scale: 6, mode: 'number' }).notNull(),
    /** The county's own baseline value, for indicators whose path starts from a level. */
    baselineValue: numeric({ precision: 20, scale: 6, mode: 'number' }),
    /** Why this share (减排潜力, 治理任务): the city's reason, shown with the allocation. */
    reason: text().notNull().default(''),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.regionCode] })],
);

import { sql } from 'drizzle-orm';
import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { AssessmentResult, AssessmentScheme, MetricKey, MetricValue } from '../../domain/assessment/model';
import { appUser } from './org';
import { evidenceBlob } from './reporting';
import { reviewStepColumns } from './review-step';

/**
 * 节能减排目标责任评价考核 (issue #9). A scheme is versioned: the steering office edits a version until an
 * assessment uses it, then only adds a new version. An assessment runs one scheme version for one period (a year,
 * or the whole five years) with a data cut-off; each subject (a county/zone, or a department) has its metrics
 * snapshot as of the cut-off, its append-only scores, its evidence and, once consolidated, its result.
 */
export const assessmentScheme = pgTable(
  'assessment_scheme',
  {
    id: serial().primaryKey(),
    code: text().notNull(),
    version: integer().notNull(),
    /** region | department */
    subject: text().notNull(),
    name: text().notNull(),
    body: jsonb().$type<AssessmentScheme>().notNull(),
    /** Where the weights come from ([V]/[R]/[E] as the reference data says). */
    source: text().notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('assessment_scheme_version').on(t.code, t.version)],
);

export const assessment = pgTable(
  'assessment',
  {
    id: serial().primaryKey(),
    schemeId: integer()
      .notNull()
      .references(() => assessmentScheme.id),
    title: text().notNull(),
    /** '2023' for a year, '2021-2025' for the whole period. */
    period: text().notNull(),
    /** Data as of this day (inclusive) feed the computed items: re-running for the same cut-off gives the same result. */
    cutoff: date({ mode: 'string' }).notNull(),
    /** self | review | consolidation | approval | approved | published (ASSESSMENT_STATUSES) */
    status: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_period').on(t.period)],
);

/** The steps of an assessment's process (opened, review opened, consolidated, sent for approval, approved, returned, published). */
export const assessmentEvent = pgTable('assessment_event', {
  ...reviewStepColumns(),
  assessmentId: integer()
    .notNull()
    .references(() => assessment.id),
});

/** One assessed county/zone (region code) or department (department code) of an assessment. */
export const assessmentSubject = pgTable(
  'assessment_subject',
  {
    assessmentId: integer()
      .notNull()
      .references(() => assessment.id),
    subjectKey: text().notNull(),
    name: text().notNull(),
    /** The computed items' inputs as of the cut-off, with the figures each came from. */
    metrics: jsonb().$type<Partial<Record<MetricKey, MetricValue>>>().notNull(),
    metricsAt: timestamp({ withTimezone: true }).notNull(),
    /** Veto keys the steering office lifted (an approved exemption), with the reason in the event log. */
    exemptions: jsonb().$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    selfSubmittedAt: timestamp({ withTimezone: true }),
    selfSubmittedBy: integer().references(() => appUser.id),
    /** Frozen at consolidation (scoreAssessment's output); null before. */
    result: jsonb().$type<AssessmentResult>(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.subjectKey] })],
);

/**
 * Scores of reviewed items, append-only: the current score of (subject, item, stage) is the latest row; earlier
 * rows are its history (who, when, why). Stage self = the county's self-assessment; review = the reviewing
 * department's score (or the steering office's at consolidation), which is what counts.
 */
export const assessmentScore = pgTable(
  'assessment_score',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    assessmentId: integer()
      .notNull()
      .references(() => assessment.id),
    subjectKey: text().notNull(),
    itemKey: text().notNull(),
    /** self | review */
    stage: text().notNull(),
    points: doublePrecision().notNull(),
    checked: jsonb().$type<string[]>().notNull(),
    note: text().notNull(),
    actorUserId: integer()
      .notNull()
      .references(() => appUser.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_score_item').on(t.assessmentId, t.subjectKey, t.itemKey, t.stage, t.id)],
);

/** Evidence for a reviewed item (材料), content in evidence_blob. */
export const assessmentEvidence = pgTable(
  'assessment_evidence',
  {
    id: serial().primaryKey(),
    assessmentId: integer()
      .notNull()
      .references(() => assessment.id),
    subjectKey: text().notNull(),
    itemKey: text().notNull(),
    sha256: text()
      .notNull()
      .references(() => evidenceBlob.sha256),
    fileName: text().notNull(),
    uploadedBy: integer()
      .notNull()
      .references(() => appUser.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('assessment_evidence_subject').on(t.assessmentId, t.subjectKey)],
);

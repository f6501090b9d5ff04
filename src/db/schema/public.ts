import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser, department, enterprise, region } from './org';
import { evidenceBlob } from './reporting';

/**
 * 信息公开与公众参与 (issue #10). The public reads only `publication` snapshots (frozen when the steering office
 * publishes), news and reviewed commitments: nothing else of the database is reachable without a login.
 */

/**
 * A published dataset: the steering office freezes what a dataset shows for a period ('targets' 2025,
 * 'barometer' 2025-Q3, 'reduction' 2025, 'assessment' <assessment id>) into `snapshot`. The public API serves the
 * latest row per (dataset, periodKey) that is not withdrawn; republishing adds a row, withdrawing keeps it.
 */
export const publication = pgTable(
  'publication',
  {
    id: serial().primaryKey(),
    /** targets | barometer | reduction | assessment */
    dataset: text().notNull(),
    periodKey: text().notNull(),
    title: text().notNull(),
    snapshot: jsonb().notNull(),
    publishedBy: integer()
      .notNull()
      .references(() => appUser.id),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    withdrawnBy: integer().references(() => appUser.id),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawReason: text(),
  },
  (t) => [index('publication_dataset_period').on(t.dataset, t.periodKey, t.publishedAt)],
);

/**
 * 举报/建议 from the public. The reporter follows it with the tracking number and a private token (stored as a
 * SHA-256); contact details are personal data, shown only to its handlers.
 */
export const citizenReport = pgTable(
  'citizen_report',
  {
    id: serial().primaryKey(),
    /** e.g. 'GZ20261124-0007', printed to the reporter */
    trackingNo: text().notNull(),
    tokenHash: text().notNull(),
    /** pollution | energy-waste | suggestion */
    type: text().notNull(),
    regionCode: text().references(() => region.code),
    address: text().notNull().default(''),
    lon: doublePrecision(),
    lat: doublePrecision(),
    description: text().notNull(),
    contactName: text(),
    contactPhone: text(),
    /** submitted | accepted | assigned | replied | closed | rejected */
    status: text().notNull(),
    assignedDepartmentId: integer().references(() => department.id),
    assignedRegionCode: text().references(() => region.code),
    /** SHA-256 of the submitting address with the server's salt: for rate limits and abuse review, not identity. */
    sourceHash: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('citizen_report_tracking').on(t.trackingNo), index('citizen_report_status').on(t.status, t.submittedAt)],
);

/** A step of a citizen report: accept, assign, reply (public: the reporter sees it), note (internal), close, reject. */
export const citizenReportEvent = pgTable(
  'citizen_report_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    reportId: integer()
      .notNull()
      .references(() => citizenReport.id),
    action: text().notNull(),
    comment: text(),
    /** Shown to the reporter (replies and the closing word), or internal to the handlers. */
    visibleToReporter: boolean().notNull().default(false),
    /** Null for the reporter's own steps (submit, follow-up). */
    actorUserId: integer().references(() => appUser.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_report_event_report').on(t.reportId)],
);

/** A photo of a citizen report: the file as received (handlers only) and the copy without EXIF/GPS (shown). */
export const citizenReportPhoto = pgTable(
  'citizen_report_photo',
  {
    id: serial().primaryKey(),
    reportId: integer()
      .notNull()
      .references(() => citizenReport.id),
    originalSha256: text()
      .notNull()
      .references(() => evidenceBlob.sha256),
    strippedSha256: text()
      .notNull()
      .references(() => evidenceBlob.sha256),
    fileName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_report_photo_report').on(t.reportId)],
);

/**
 * A spent proof-of-work challenge: each may be used once (the challenge itself is stateless, signed by the server).
 * Rows older than the challenge's lifetime are purged.
 */
export const spentChallenge = pgTable('spent_challenge', {
  challengeHash: text().primaryKey(),
  at: timestamp({ withTimezone: true }).notNull(),
});

/**
 * 自愿承诺: what a market player or a person commits to, by when, measured how. An enterprise's commitment is
 * reviewed before it shows; an organisation's or a person's shows at once (the same abuse controls as reports)
 * and can be hidden by the steering office. The committer updates progress with the private token (or as the
 * enterprise user).
 */
export const commitment = pgTable(
  'commitment',
  {
    id: serial().primaryKey(),
    /** enterprise | organisation | person */
    kind: text().notNull(),
    enterpriseId: integer().references(() => enterprise.id),
    committerName: text().notNull(),
    regionCode: text().references(() => region.code),
    title: text().notNull(),
    content: text().notNull(),
    /** The measurable indicator: e.g. '单位产品综合能耗', unit 'kgce/t', from baseline to target. */
    indicator: text().notNull(),
    unit: text().notNull(),
    baselineValue: doublePrecision(),
    targetValue: doublePrecision().notNull(),
    dueDate: date().notNull(),
    /** pending | published | rejected | hidden | withdrawn */
    status: text().notNull(),
    tokenHash: text(),
    reviewedBy: integer().references(() => appUser.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewComment: text(),
    sourceHash: text(),
    createdBy: integer().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('commitment_status').on(t.status, t.createdAt)],
);

/** A progress update of a commitment: the indicator's value at a date, with a note. */
export const commitmentUpdate = pgTable(
  'commitment_update',
  {
    id: serial().primaryKey(),
    commitmentId: integer()
      .notNull()
      .references(() => commitment.id),
    value: doublePrecision().notNull(),
    asOf: date().notNull(),
    note: text().notNull().default(''),
    byUserId: integer().references(() => appUser.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('commitment_update_commitment').on(t.commitmentId)],
);

/**
 * News and campaign events (节能宣传周, 全国低碳日, 世界环境日, 生态文明宣传月) of the steering office: drafts until
 * published; the public page and the Atom feed show the published ones.
 */
export const newsItem = pgTable(
  'news_item',
  {
    id: serial().primaryKey(),
    /** news | campaign */
    kind: text().notNull(),
    /** For a campaign: energy-week | low-carbon-day | environment-day | eco-civilisation-month | other */
    campaign: text(),
    title: text().notNull(),
    /** Plain text with blank-line paragraphs (no HTML is stored or served). */
    body: text().notNull(),
    startDate: date(),
    endDate: date(),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: integer()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('news_item_published').on(t.publishedAt).where(sql`${t.publishedAt} IS NOT NULL`)],
);

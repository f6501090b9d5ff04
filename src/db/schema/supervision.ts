import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { highEnergyProject } from './enterprises';
import { appUser, department, enterprise, region } from './org';
import { evidenceBlob } from './reporting';
import { reviewStepColumns } from './review-step';

/**
 * 节能监察、公共机构节能、专家与培训 (issue #11; plan 四（五）, 二（六）, 三（二）).
 * Inspections: an annual plan lists the enterprises to inspect and on what; an inspection records findings with
 * evidence; a finding may order rectification (with a deadline, answered by the enterprise) or be handed to
 * another department. Public institutions: registry, yearly use against quota, 节约型机关 and demonstration
 * status. Experts (with declared relations, checked on assignment) and training with attendance.
 */

/** 年度节能监察计划: drafted, then approved; a county's plan covers its own enterprises, the city's any. */
export const inspectionPlan = pgTable(
  'inspection_plan',
  {
    id: serial().primaryKey(),
    year: integer().notNull(),
    /** The region whose supervision body runs it: the city code, or a county's. */
    regionCode: text()
      .notNull()
      .references(() => region.code),
    title: text().notNull(),
    /** draft | approved */
    status: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    approvedBy: integer().references(() => appUser.id),
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('inspection_plan_year').on(t.year, t.regionCode)],
);

/**
 * One inspection of an enterprise (planned under a plan, or ad hoc), on topics: energy-report (能源利用状况报告
 * 真实性), energy-review (节能审查意见落实), benchmark (能效标杆/基准), banned-equipment (淘汰落后设备), other.
 */
export const inspection = pgTable(
  'inspection',
  {
    id: serial().primaryKey(),
    planId: integer().references(() => inspectionPlan.id),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprise.id),
    /** The enterprise's county, copied for scoping. */
    regionCode: text()
      .notNull()
      .references(() => region.code),
    topics: jsonb().$type<string[]>().notNull(),
    plannedDate: date(),
    inspectedOn: date(),
    /** Names of the inspectors on site (at least two by practice). */
    inspectors: text().notNull().default(''),
    /** planned | inspected | closed */
    status: text().notNull(),
    summary: text().notNull().default(''),
    createdBy: integer()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('inspection_region').on(t.regionCode, t.status), index('inspection_enterprise').on(t.enterpriseId)],
);

/** A finding of an inspection; a 能评未批先建 finding names the 两高一低 project it concerns. */
export const inspectionFinding = pgTable(
  'inspection_finding',
  {
    id: serial().primaryKey(),
    inspectionId: integer()
      .notNull()
      .references(() => inspection.id),
    topic: text().notNull(),
    description: text().notNull(),
    /** minor | major */
    severity: text().notNull(),
    legalBasis: text().notNull().default(''),
    highEnergyProjectId: integer().references(() => highEnergyProject.id),
    createdBy: integer()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('inspection_finding_inspection').on(t.inspectionId)],
);

/** 整改通知书: ordered on findings, with a deadline; the enterprise answers with evidence; the inspectors close or return it. */
export const rectificationOrder = pgTable(
  'rectification_order',
  {
    id: serial().primaryKey(),
    inspectionId: integer()
      .notNull()
      .references(() => inspection.id),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprise.id),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    /** e.g. 赣节监整〔2026〕12号 */
    orderNo: text().notNull(),
    findingIds: jsonb().$type<number[]>().notNull(),
    requirement: text().notNull(),
    deadline: date().notNull(),
    /** issued | answered | closed (overdue is computed from the deadline) */
    status: text().notNull(),
    issuedBy: integer()
      .notNull()
      .references(() => appUser.id),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('rectification_order_no').on(t.orderNo), index('rectification_order_enterprise').on(t.enterpriseId, t.status)],
);

/** The steps of an order: issue, answer (the enterprise), return (with a comment), close, extend. */
export const rectificationEvent = pgTable(
  'rectification_event',
  {
    ...reviewStepColumns(),
    orderId: integer()
      .notNull()
      .references(() => rectificationOrder.id),
  },
  (t) => [index('rectification_event_order').on(t.orderId)],
);

/** 移送: a finding handed to another department (cross-department linkage), which accepts and answers. */
export const caseTransfer = pgTable(
  'case_transfer',
  {
    id: serial().primaryKey(),
    findingId: integer()
      .notNull()
      .references(() => inspectionFinding.id),
    toDepartmentId: integer()
      .notNull()
      .references(() => department.id),
    reason: text().notNull(),
    /** sent | accepted | answered */
    status: text().notNull(),
    answer: text(),
    sentBy: integer()
      .notNull()
      .references(() => appUser.id),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    answeredBy: integer().references(() => appUser.id),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('case_transfer_department').on(t.toDepartmentId, t.status)],
);

/** Evidence files of supervision: of a finding, of an order's answer or close. */
export const supervisionEvidence = pgTable(
  'supervision_evidence',
  {
    id: serial().primaryKey(),
    /** finding | order */
    ownerKind: text().notNull(),
    ownerId: integer().notNull(),
    sha256: text()
      .notNull()
      .references(() => evidenceBlob.sha256),
    fileName: text().notNull(),
    uploadedBy: integer()
      .notNull()
      .references(() => appUser.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('supervision_evidence_owner').on(t.ownerKind, t.ownerId)],
);

/**
 * 公共机构: organs, schools, hospitals, … by region and level. `isOrgan` with level city or county marks the
 * 县级及以上机关 the plan's 80 % 节约型机关 goal counts.
 */
export const publicInstitution = pgTable(
  'public_institution',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    regionCode: text()
      .notNull()
      .references(() => region.code),
    /** city | county | township */
    level: text().notNull(),
    /** organ | school | hospital | culture-sports | other */
    kind: text().notNull(),
    staff: integer(),
    floorAreaM2: doublePrecision(),
    /** 节约型机关: none | creating | accepted, with the year accepted */
    economyStatus: text().notNull().default('none'),
    economyYear: integer(),
    /** 绿色低碳示范单位: none | provincial | national */
    demonstration: text().notNull().default('none'),
    /** 节能现场教学点 */
    teachingPoint: boolean().notNull().default(false),
    updatedBy: integer().references(() => appUser.id),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('public_institution_region').on(t.regionCode)],
);

/** A public institution's use in a year (or the first `months` of it), as filed. */
export const institutionUse = pgTable(
  'institution_use',
  {
    id: serial().primaryKey(),
    institutionId: integer()
      .notNull()
      .references(() => publicInstitution.id),
    year: integer().notNull(),
    /** How many months of the year the figures cover (12 for a full year; fewer for year-to-date). */
    months: integer().notNull(),
    /** Comprehensive energy use, kgce */
    energyKgce: doublePrecision().notNull(),
    waterM3: doublePrecision(),
    staff: integer(),
    floorAreaM2: doublePrecision(),
    filedBy: integer()
      .notNull()
      .references(() => appUser.id),
    filedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('institution_use_year').on(t.institutionId, t.year)],
);

/**
 * 能耗定额 of an institution for a year, per kind: energy-per-capita (kgce/人·a), energy-per-area (kgce/m²·a),
 * water-per-capita (m³/人·a). Absent: the default of its kind and level from the reference data.
 */
export const institutionQuota = pgTable(
  'institution_quota',
  {
    id: serial().primaryKey(),
    institutionId: integer()
      .notNull()
      .references(() => publicInstitution.id),
    year: integer().notNull(),
    kind: text().notNull(),
    value: doublePrecision().notNull(),
    source: text().notNull(),
    setBy: integer()
      .notNull()
      .references(() => appUser.id),
    setAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('institution_quota_kind').on(t.institutionId, t.year, t.kind)],
);

/** 节能专家库. */
export const expert = pgTable('expert', {
  id: serial().primaryKey(),
  name: text().notNull(),
  /** e.g. 工业节能, 建筑节能, 节能审查, 环境影响评价, 清洁生产 */
  fields: jsonb().$type<string[]>().notNull(),
  title: text().notNull().default(''),
  organisation: text().notNull().default(''),
  regionCode: text().references(() => region.code),
  phone: text(),
  available: boolean().notNull().default(true),
  note: text().notNull().default(''),
  updatedBy: integer().references(() => appUser.id),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/** A relation an expert declared with an enterprise (employer, shareholder, consultant, relative): a conflict of interest. */
export const expertRelation = pgTable(
  'expert_relation',
  {
    id: serial().primaryKey(),
    expertId: integer()
      .notNull()
      .references(() => expert.id),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprise.id),
    relation: text().notNull(),
    declaredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('expert_relation_expert').on(t.expertId)],
);

/**
 * An expert assigned to review an enterprise, a 两高一低 project or an inspection; the conflicts found at
 * assignment (declared relations, same organisation) are recorded, and an assignment with one needs a reason.
 */
export const expertAssignment = pgTable(
  'expert_assignment',
  {
    id: serial().primaryKey(),
    expertId: integer()
      .notNull()
      .references(() => expert.id),
    /** enterprise | high-energy-project | inspection */
    subjectKind: text().notNull(),
    subjectId: integer().notNull(),
    enterpriseId: integer().references(() => enterprise.id),
    purpose: text().notNull(),
    conflicts: jsonb().$type<string[]>().notNull(),
    overrideReason: text(),
    assignedBy: integer()
      .notNull()
      .references(() => appUser.id),
    assignedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('expert_assignment_expert').on(t.expertId)],
);

/** 培训: for departments, inspectors, enterprises' energy managers. */
export const trainingEvent = pgTable('training_event', {
  id: serial().primaryKey(),
  title: text().notNull(),
  /** departments | inspectors | energy-managers | mixed */
  audience: text().notNull(),
  startsOn: date().notNull(),
  hours: doublePrecision().notNull(),
  location: text().notNull().default(''),
  organiserDepartmentId: integer().references(() => department.id),
  createdBy: integer()
    .notNull()
    .references(() => appUser.id),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

/** Who attended: a platform user, or an enterprise's energy manager (by enterprise and name). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: serial().primaryKey(),
    eventId: integer()
      .notNull()
      .references(() => trainingEvent.id),
    userId: integer().references(() => appUser.id),
    enterpriseId: integer().references(() => enterprise.id),
    name: text().notNull(),
    attended: boolean().notNull(),
    certificateNo: text(),
    recordedBy: integer()
      .notNull()
      .references(() => appUser.id),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('training_attendance_event').on(t.eventId), index('training_attendance_enterprise').on(t.enterpriseId)],
);

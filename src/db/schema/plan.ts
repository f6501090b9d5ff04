import { boolean, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { department, region } from './org';

/** 方案: a plan for a period, with its parent plan (nation → province → city → county). */
export const plan = pgTable('plan', {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull(),
  regionCode: text()
    .notNull()
    .references(() => region.code),
  periodStart: integer().notNull(),
  periodEnd: integer().notNull(),
  baselineYear: integer().notNull(),
  parentName: text(),
  parentDocNumber: text(),
  preamble: text().notNull(),
  sourceFile: text().notNull(),
  allRegionsImplement: boolean().notNull(),
  allRegionsQuote: text(),
  /** SHA-256 of the plan file as loaded: a second load of the same file changes nothing. */
  contentHash: text().notNull(),
  loadedAt: timestamp({ withTimezone: true }).notNull(),
});

export const planChapter = pgTable(
  'plan_chapter',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    no: integer().notNull(),
    title: text().notNull(),
  },
  (t) => [unique().on(t.planId, t.no)],
);

/** 节; in chapter 二 each section is one of the ten 重点工程 (isKeyProject). */
export const planSection = pgTable(
  'plan_section',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    chapterId: integer()
      .notNull()
      .references(() => planChapter.id, { onDelete: 'cascade' }),
    no: integer().notNull(),
    title: text().notNull(),
    quote: text().notNull(),
    isKeyProject: boolean().notNull(),
    responsibilityQuote: text(),
  },
  (t) => [unique().on(t.chapterId, t.no)],
);

/** 任务 / 措施: one measure of a section. */
export const task = pgTable(
  'task',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    sectionId: integer()
      .notNull()
      .references(() => planSection.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    text: text().notNull(),
    sort: integer().notNull(),
  },
  (t) => [unique().on(t.planId, t.code), index('task_section').on(t.sectionId)],
);

/** 牵头 (lead) / 配合 (cooperating) department of a task. */
export const taskDepartment = pgTable(
  'task_department',
  {
    taskId: integer()
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    departmentId: integer()
      .notNull()
      .references(() => department.id),
    role: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.departmentId] }), index('task_department_dept').on(t.departmentId)],
);

/** Regions a task names explicitly (点名); every region implements every task when the plan says so. */
export const taskRegion = pgTable(
  'task_region',
  {
    taskId: integer()
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    regionCode: text()
      .notNull()
      .references(() => region.code),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.regionCode] })],
);

/** 指标: a quantitative (or qualitative) goal with target and stretch (力争) values. */
export const indicator = pgTable(
  'indicator',
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    sectionId: integer()
      .notNull()
      .references(() => planSection.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    name: text().notNull(),
    quote: text().notNull(),
    unit: text(),
    comparison: text().notNull(),
    baselineYear: integer(),
    baselineValue: numeric({ precision: 20, scale: 6, mode: 'number' }),
    target: numeric({ precision: 20, scale: 6, mode: 'number' }),
    stretch: numeric({ precision: 20, scale: 6, mode: 'number' }),
    targetText: text(),
    targetYear: integer().notNull(),
    isBinding: boolean().notNull(),
    sort: integer().notNull(),
  },
  (t) => [unique().on(t.planId, t.code), index('indicator_section').on(t.sectionId)],
);

/** Departments that own an indicator, in the plan's order. */
export const indicatorDepartment = pgTable(
  'indicator_department',
  {
    indicatorId: integer()
      .notNull()
      .references(() => indicator.id, { onDelete: 'cascade' }),
    departmentId: integer()
      .notNull()
      .references(() => department.id),
    sort: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.departmentId] }), index('indicator_department_dept').on(t.departmentId)],
);

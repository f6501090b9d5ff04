import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** 行政区划: the city, its county-level divisions and functional zones (GB/T 2260 codes). */
export const region = pgTable('region', {
  code: text().primaryKey(),
  name: text().notNull(),
  fullName: text(),
  /** city | district | county | county_city | zone */
  kind: text().notNull(),
  parentCode: text(),
  formerName: text(),
  formerCode: text(),
  sort: integer().notNull().default(0),
});

/** 部门 / 单位: a city department or unit the plan names. */
export const department = pgTable('department', {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: text().notNull().unique(),
  fullName: text().notNull(),
  /** party | government | central | enterprise | mass_org */
  kind: text().notNull(),
  sort: integer().notNull().default(0),
});

/** 企业: identified by its 统一社会信用代码 (GB 32100-2015). */
export const enterprise = pgTable('enterprise', {
  id: serial().primaryKey(),
  uscc: text().notNull().unique(),
  name: text().notNull(),
  regionCode: text().notNull().references(() => region.code),
  industry: text(),
  /** GB/T 4754-2017 国民经济行业分类 code (e.g. 3011 水泥制造). */
  industryCode: text(),
  isKeyEnergyUnit: boolean().notNull().default(false),
  /** key (≥ 10 000 tce) | designatable (5 000–10 000 tce, when designated); null when not a key unit. */
  keyUnitClass: text(),
  /** 能源管理负责人: the plan requires key units to appoint one. */
  energyManager: text(),
  energyManagerPhone: text(),
  contact: text(),
  isKeyPollutantUnit: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/** A person who logs in; the role and its scope decide what they may see and change. */
export const appUser = pgTable(
  'app_user',
  {
    id: serial().primaryKey(),
    username: text().notNull(),
    displayName: text().notNull(),
    /** For e-mailed notices, when SMTP is configured. */
    email: text(),
    passwordHash: text().notNull(),
    /** admin | steering | department | county | enterprise */
    role: text().notNull(),
    regionCode: text().references(() => region.code),
    departmentId: integer().references(() => department.id),
    enterpriseId: integer().references(() => enterprise.id),
    mustChangePassword: boolean().notNull().default(true),
    isDisabled: boolean().notNull().default(false),
    locale: text().notNull().default('zh-CN'),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    passwordChangedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('app_user_username_lower').on(sql`lower(${t.username})`),
    check(
      'app_user_scope',
      sql`(${t.role} <> 'department' OR ${t.departmentId} IS NOT NULL)
      AND (${t.role} <> 'county' OR ${t.regionCode} IS NOT NULL)
      AND (${t.role} <> 'enterprise' OR ${t.enterpriseId} IS NOT NULL)`,
    ),
  ],
);

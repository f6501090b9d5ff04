import { z } from 'zod';
import { ROLES } from '../../domain/access';
import { DepartmentKind, RegionKind } from '../../domain/org/org-file';

export const RegionOut = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string().nullable(),
  kind: RegionKind,
  parentCode: z.string().nullable(),
  formerName: z.string().nullable(),
  formerCode: z.string().nullable(),
});
export type RegionOut = z.infer<typeof RegionOut>;

export const DepartmentOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  kind: DepartmentKind,
});
export type DepartmentOut = z.infer<typeof DepartmentOut>;

export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const CodeParams = z.object({ code: z.string().min(1).max(64) });

// The fields without defaults: a patch must carry only what it changes (defaults would reset the rest).
const enterpriseFields = {
  uscc: z.string().trim().min(1).max(32).describe('统一社会信用代码 (GB 32100-2015)'),
  name: z.string().trim().min(1).max(200),
  regionCode: z.string().min(1).max(16),
  industry: z.string().trim().max(100).nullable(),
  industryCode: z
    .string()
    .trim()
    .regex(/^[A-T]?\d{2,4}$/, '行业代码应为 GB/T 4754-2017 代码，如 3011 或 C3011')
    .nullable()
    .describe('GB/T 4754-2017 国民经济行业分类'),
  isKeyEnergyUnit: z.boolean(),
  keyUnitClass: z.enum(['key', 'designatable']).nullable().describe('重点用能单位：≥1 万 tce，或 0.5–1 万 tce 经指定'),
  isKeyPollutantUnit: z.boolean(),
  energyManager: z.string().trim().max(50).nullable().describe('能源管理负责人'),
  energyManagerPhone: z.string().trim().regex(/^[\d+\-() ]{5,20}$/, '电话号码格式不正确').nullable(),
  contact: z.string().trim().max(200).nullable(),
};
export const EnterpriseBody = z.object({
  ...enterpriseFields,
  industry: enterpriseFields.industry.default(null),
  industryCode: enterpriseFields.industryCode.default(null),
  isKeyEnergyUnit: enterpriseFields.isKeyEnergyUnit.default(false),
  keyUnitClass: enterpriseFields.keyUnitClass.default(null),
  isKeyPollutantUnit: enterpriseFields.isKeyPollutantUnit.default(false),
  energyManager: enterpriseFields.energyManager.default(null),
  energyManagerPhone: enterpriseFields.energyManagerPhone.default(null),
  contact: enterpriseFields.contact.default(null),
});
export type EnterpriseBody = z.infer<typeof EnterpriseBody>;
export const EnterprisePatch = z.object(enterpriseFields).partial().strict();
export type EnterprisePatch = z.infer<typeof EnterprisePatch>;

export const EnterpriseOut = z.object({
  id: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  industry: z.string().nullable(),
  industryCode: z.string().nullable(),
  isKeyEnergyUnit: z.boolean(),
  keyUnitClass: z.enum(['key', 'designatable']).nullable(),
  isKeyPollutantUnit: z.boolean(),
  energyManager: z.string().nullable(),
  energyManagerPhone: z.string().nullable(),
  contact: z.string().nullable(),
});
export type EnterpriseOut = z.infer<typeof EnterpriseOut>;

export const EnterpriseQuery = z.object({
  regionCode: z.string().max(16).optional(),
  q: z.string().max(100).optional(),
});

export const UserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为 3–64 位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1).max(100),
  email: z.string().trim().email().max(200).nullable().default(null),
  role: z.enum(ROLES),
  regionCode: z.string().max(16).nullable().default(null),
  departmentId: z.number().int().positive().nullable().default(null),
  enterpriseId: z.number().int().positive().nullable().default(null),
});
export type UserBody = z.infer<typeof UserBody>;

export const UserPatch = z
  .object({ displayName: z.string().trim().min(1).max(100), isDisabled: z.boolean(), resetPassword: z.literal(true) })
  .partial()
  .strict();
export type UserPatch = z.infer<typeof UserPatch>;

export const UserOut = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  enterpriseId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  isDisabled: z.boolean(),
});
export type UserOut = z.infer<typeof UserOut>;

/** A created or reset user, with the one-time initial password. */
export const UserWithPasswordOut = UserOut.extend({ initialPassword: z.string().optional() });

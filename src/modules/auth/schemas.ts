import { z } from 'zod';
import { ROLES } from '../../domain/access';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const MeOut = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCode: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  enterpriseId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  locale: z.string(),
});
export type MeOut = z.infer<typeof MeOut>;

export const OkOut = z.object({ ok: z.literal(true) });

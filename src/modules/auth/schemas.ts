import { z } from 'zod';
import { UserOut } from '../org/schemas';

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

/** The logged-in user: a user as the admin sees it, less the disabled flag, plus the UI language. */
export const MeOut = UserOut.omit({ isDisabled: true }).extend({ locale: z.string() });
export type MeOut = z.infer<typeof MeOut>;

export const OkOut = z.object({ ok: z.literal(true) });

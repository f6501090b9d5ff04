import { z } from 'zod';
import { ChangePasswordBody } from '../../../../src/modules/auth/schemas';
import type { Translate } from '../../app/i18n-context';

/** The change-password form: the route's body, the password rule, and a matching confirmation. */
export function changePasswordFormSchema(t: Translate) {
  return ChangePasswordBody.extend({
    currentPassword: z.string().min(1, t('auth.passwordRequired')).max(256),
    newPassword: z
      .string()
      .min(12, t('auth.passwordRule'))
      .max(256)
      .regex(/[A-Za-z]/, t('auth.passwordRule'))
      .regex(/\d/, t('auth.passwordRule')),
    confirmPassword: z.string().min(1, t('auth.passwordRequired')),
  }).refine((v) => v.newPassword === v.confirmPassword, { message: t('auth.passwordMismatch'), path: ['confirmPassword'] });
}

export type ChangePasswordForm = z.infer<ReturnType<typeof changePasswordFormSchema>>;

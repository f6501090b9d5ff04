import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import { changePasswordFormSchema } from './password-form';

const schema = changePasswordFormSchema((k, p) => translate('zh-CN', k, p));

describe('changePasswordFormSchema', () => {
  it('accepts a 12-character password with letters and digits that is confirmed', () => {
    expect(schema.safeParse({ currentPassword: 'x', newPassword: 'abcdefgh1234', confirmPassword: 'abcdefgh1234' }).success).toBe(true);
  });

  it('rejects short, digit-less and unconfirmed passwords with the catalog messages', () => {
    const issues = (v: object) => schema.safeParse({ currentPassword: 'x', ...v }).error?.issues.map((i) => i.message);
    expect(issues({ newPassword: 'abc123', confirmPassword: 'abc123' })).toContain('至少 12 位，且包含字母和数字');
    expect(issues({ newPassword: 'abcdefghijklm', confirmPassword: 'abcdefghijklm' })).toContain('至少 12 位，且包含字母和数字');
    expect(issues({ newPassword: 'abcdefgh1234', confirmPassword: 'abcdefgh1235' })).toEqual(['两次输入的新密码不一致']);
  });
});

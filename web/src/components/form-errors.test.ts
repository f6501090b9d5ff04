import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { pointerToPath, problemToFields } from './form-errors';

describe('problemToFields', () => {
  it('maps a problem pointer onto the form field it names', () => {
    const e = new ApiError(400, 'password-too-weak', '密码强度不足', '密码至少 12 位', [
      { pointer: '#/newPassword', field: 'newPassword', detail: '密码至少 12 位' },
      { field: 'query.department', detail: '请选择部门' },
    ]);
    expect(problemToFields(e, ['currentPassword', 'newPassword'])).toEqual([{ name: 'newPassword', errors: ['密码至少 12 位'] }]);
  });

  it('unescapes JSON pointers', () => {
    expect(pointerToPath('#/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });
});

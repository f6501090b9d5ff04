import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { problemDetail } from './problem-text';

describe('problemDetail', () => {
  it('drops a detail that repeats the title in Chinese', () => {
    expect(problemDetail(new ApiError(401, 'invalid-credentials', 'Wrong username or password', '用户名或密码错误'))).toBeUndefined();
    expect(problemDetail(new ApiError(401, 'invalid-credentials', '用户名或密码错误', '用户名或密码错误'))).toBeUndefined();
  });

  it('keeps a detail that says more', () => {
    expect(problemDetail(new ApiError(429, 'too-many-attempts', '尝试次数过多', '登录失败次数过多，请 15 分钟后再试'))).toBe('登录失败次数过多，请 15 分钟后再试');
  });
});

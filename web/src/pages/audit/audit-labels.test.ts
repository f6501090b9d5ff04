import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import type { Translate } from '../../app/i18n-context';
import { actionLabel, entityLabel, knownCodes } from './audit-labels';

const zh: Translate = (k, p) => translate('zh-CN', k, p);
const en: Translate = (k, p) => translate('en', k, p);

describe('audit labels', () => {
  it('names known actions and entities in both languages and keeps unknown codes', () => {
    expect(actionLabel('changePassword', zh)).toBe('修改密码');
    expect(actionLabel('changePassword', en)).toBe('Change password');
    expect(entityLabel('app_user', zh)).toBe('用户');
    expect(actionLabel('somethingNew', zh)).toBe('somethingNew');
    expect(actionLabel('toString', zh)).toBe('toString');
  });

  it('lists the codes the catalog knows', () => {
    expect(knownCodes('audit.entity.')).toContain('session');
    expect(knownCodes('audit.action.')).toContain('loginFailed');
  });
});

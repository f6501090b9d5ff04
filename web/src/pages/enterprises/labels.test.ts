import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import { codeKey, historyLabelKey, statusKey } from './labels';

describe('enterprise labels', () => {
  it('reads the two review stages of a report as the plan names them', () => {
    expect(translate('zh-CN', statusKey('submitted'))).toBe('待县级审核');
    expect(translate('zh-CN', statusKey('county-approved'))).toBe('待市级审核');
    expect(translate('zh-CN', statusKey('superseded'))).toBe('已被更正');
    expect(translate('zh-CN', historyLabelKey('county-approve'))).toBe('县级审核通过');
  });

  it('falls back to a generic label for a code the catalog does not know', () => {
    expect(translate('zh-CN', codeKey('ent.stage', 'under-construction'))).toBe('在建');
    expect(codeKey('ent.disposal', 'relocate')).toBe('ent.action.other');
    expect(historyLabelKey('archive')).toBe('ent.action.other');
  });
});

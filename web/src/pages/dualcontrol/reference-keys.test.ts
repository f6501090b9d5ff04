import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../app/i18n-context';
import { DUAL_CONTROL_REFERENCE_KEYS, dualControlReference, referenceText } from './reference-keys';

describe('dualControlReference', () => {
  it('keeps our keys the server has, in our order, and leaves the reporting ones to 报送设置', () => {
    const items = [{ key: 'reporting-defaults' }, { key: 'energy-deduction-regime' }, { key: 'metering-rules' }, { key: 'energy-barometer-rules' }];
    expect(dualControlReference(items).map((i) => i.key)).toEqual(['energy-barometer-rules', 'energy-deduction-regime', 'metering-rules']);
    expect(dualControlReference([])).toEqual([]);
  });
  it('has a Chinese title and explanation for every key', () => {
    for (const key of DUAL_CONTROL_REFERENCE_KEYS) {
      const { title, help } = referenceText(key);
      expect(isMessageKey(title), title).toBe(true);
      expect(isMessageKey(help), help).toBe(true);
    }
  });
});

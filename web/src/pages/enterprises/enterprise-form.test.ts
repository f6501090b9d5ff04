import { describe, expect, it } from 'vitest';
import { enterprisePatch, toEnterpriseBody } from './enterprise-form';
import type { Enterprise } from './queries';

const before: Enterprise = {
  id: 1,
  uscc: '91360702MA35L7XQ2X',
  name: '赣州测试水泥有限公司',
  regionCode: '360702',
  industry: '水泥制造',
  industryCode: '3011',
  isKeyEnergyUnit: true,
  keyUnitClass: 'key',
  isKeyPollutantUnit: false,
  energyManager: '王工',
  energyManagerPhone: '0797-8888888',
  contact: null,
};

describe('enterprise form', () => {
  it('patches only what changed (an enterprise editing its contacts sends no classified field)', () => {
    expect(enterprisePatch(before, { ...before, energyManager: ' 李工 ', contact: '' })).toEqual({ energyManager: '李工' });
    expect(enterprisePatch(before, { ...before })).toEqual({});
  });

  it('upper-cases the USCC, nulls blanks, and drops the class of a unit that is not key', () => {
    expect(toEnterpriseBody({ name: 'x', uscc: ' 91360702ma35l7xq2x ', regionCode: '360702', isKeyEnergyUnit: false, keyUnitClass: 'key', industry: ' ' })).toMatchObject({
      uscc: '91360702MA35L7XQ2X',
      industry: null,
      isKeyEnergyUnit: false,
      keyUnitClass: null,
      isKeyPollutantUnit: false,
    });
  });
});

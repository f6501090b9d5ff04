import { describe, expect, it } from 'vitest';
import type { Role, UserActor } from '../access';
import { institutionRights } from './institution-access';

const user = (role: Role, o: Partial<UserActor> = {}): UserActor => ({ kind: 'user', userId: 1, username: 'u', displayName: 'u', role, regionCode: null, departmentId: null, enterpriseId: null, mustChangePassword: false, ...o });
const JGSWZX = 7;

describe('institutionRights', () => {
  it.each([
    // who, manager, writes any, reads 章贡区, writes 章贡区, writes 南康区
    ['admin', user('admin'), true, true, true, true, true],
    ['steering', user('steering'), true, true, true, true, true],
    ['市机关事务管理中心', user('department', { departmentId: JGSWZX }), true, true, true, true, true],
    ['another department', user('department', { departmentId: 3 }), false, false, true, false, false],
    ['章贡区', user('county', { regionCode: '360702' }), false, true, true, true, false],
    ['南康区', user('county', { regionCode: '360703' }), false, true, false, false, true],
    ['an enterprise', user('enterprise', { enterpriseId: 1 }), false, false, false, false, false],
  ] as const)('%s', (_, actor, manager, writesAny, reads, writes, writesOther) => {
    const r = institutionRights(actor, [JGSWZX]);
    expect([r.isManager, r.writesAny, r.readRegion('360702'), r.writeRegion('360702'), r.writeRegion('360703')]).toEqual([manager, writesAny, reads, writes, writesOther]);
  });
  it('the public has none', () => {
    const r = institutionRights({ kind: 'public' }, [JGSWZX]);
    expect([r.isManager, r.writesAny, r.readRegion('360702'), r.writeRegion('360702')]).toEqual([false, false, false, false]);
  });
});

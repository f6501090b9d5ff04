import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../access';
import { canAssignExperts, canRecordAttendance, capacityRoleOf, seesPersonalData } from './capacity-access';

const rules = { capacityDepartments: ['fgw', 'rsj'], inspectorDepartments: ['fgw', 'gxj'] };
const user = (role: Role, o: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({
  kind: 'user', userId: 1, username: 'u', displayName: 'u', role, regionCode: null, departmentId: null, enterpriseId: null, mustChangePassword: false, ...o,
});

describe('capacityRoleOf', () => {
  it.each([
    ['admin', null, 'manager'],
    ['steering', null, 'manager'],
    ['department', 'fgw', 'manager'],
    ['department', 'rsj', 'manager'],
    ['department', 'gxj', 'inspector'],
    ['department', 'sthjj', 'none'],
    ['department', null, 'none'],
  ] as const)('%s of %s is %s', (role, code, expected) => {
    expect(capacityRoleOf(user(role, { departmentId: 3 }), code, rules)).toBe(expected);
  });
  it('a county with a region, an enterprise with its enterprise; the public none', () => {
    expect(capacityRoleOf(user('county', { regionCode: '360702' }), null, rules)).toBe('county');
    expect(capacityRoleOf(user('county'), null, rules)).toBe('none');
    expect(capacityRoleOf(user('enterprise', { enterpriseId: 9 }), null, rules)).toBe('enterprise');
    expect(capacityRoleOf({ kind: 'public' }, null, rules)).toBe('none');
  });
});

describe('rights', () => {
  it('only managers see phones; managers and inspectors assign', () => {
    expect(seesPersonalData('manager')).toBe(true);
    expect(['inspector', 'county', 'enterprise', 'none'].map((r) => seesPersonalData(r as 'county'))).toEqual([false, false, false, false]);
    expect(canAssignExperts('inspector')).toBe(true);
    expect(canAssignExperts('county')).toBe(false);
  });
  it('attendance: an inspector at its own events, a county for its own people', () => {
    const gxj = user('department', { departmentId: 7 });
    expect(canRecordAttendance('inspector', gxj, { organiserDepartmentId: 7 }, null)).toBe(true);
    expect(canRecordAttendance('inspector', gxj, { organiserDepartmentId: 8 }, null)).toBe(false);
    const county = user('county', { regionCode: '360702' });
    expect(canRecordAttendance('county', county, { organiserDepartmentId: 7 }, '360702')).toBe(true);
    expect(canRecordAttendance('county', county, { organiserDepartmentId: 7 }, '360721')).toBe(false);
    expect(canRecordAttendance('county', county, { organiserDepartmentId: 7 }, null)).toBe(false);
    expect(canRecordAttendance('manager', county, { organiserDepartmentId: null }, null)).toBe(true);
  });
});

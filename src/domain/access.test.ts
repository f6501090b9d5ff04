import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Role,
  type UserActor,
  access,
  canReadEnterprise,
  canReadReductionProject,
  canReadRegion,
  canReadReport,
  canReviewReport,
  canSubmitReport,
  canVerifyReduction,
  canWriteDepartment,
  canWriteEnterprise,
  canWriteReductionProject,
  canWriteRegion,
  decideRoute,
  enterpriseScopeOf,
} from './access';

const user = (role: Role, extra: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: 1,
  username: role,
  displayName: role,
  role,
  regionCode: role === 'county' ? '360702' : null,
  departmentId: role === 'department' ? 7 : null,
  enterpriseId: role === 'enterprise' ? 5 : null,
  mustChangePassword: false,
  ...extra,
});
const anon: Actor = { kind: 'public' };
const own = { id: 5, regionCode: '360702' };
const other = { id: 6, regionCode: '360703' };

describe('decideRoute', () => {
  it.each([
    [anon, access.public, 'allow'],
    [anon, access.user, 'unauthenticated'],
    [user('county'), access.user, 'allow'],
    [user('county'), access.roles('admin'), 'forbidden'],
    [user('admin'), access.roles('admin'), 'allow'],
    [user('admin', { mustChangePassword: true }), access.roles('admin'), 'password-change-required'],
    [user('admin', { mustChangePassword: true }), access.userPendingPassword, 'allow'],
  ] as const)('%#: %o on %o → %s', (actor, rule, want) => {
    expect(decideRoute(actor, rule)).toBe(want);
  });
});

describe('scope predicates (role × scope × action)', () => {
  it.each([
    // role, readOwnRegion, readOtherRegion, writeOwnRegion, writeOtherRegion
    ['admin', true, true, true, true],
    ['steering', true, true, true, true],
    ['department', true, true, false, false],
    ['county', true, false, true, false],
    ['enterprise', false, false, false, false],
  ] as const)('%s regions', (role, ro, rx, wo, wx) => {
    const a = user(role);
    expect([canReadRegion(a, '360702'), canReadRegion(a, '360703'), canWriteRegion(a, '360702'), canWriteRegion(a, '360703')]).toEqual([ro, rx, wo, wx]);
  });

  it.each([
    ['admin', true, true, true, true],
    ['steering', true, true, true, true],
    ['department', true, true, false, false],
    ['county', true, false, true, false],
    ['enterprise', true, false, true, false],
  ] as const)('%s enterprises', (role, ro, rx, wo, wx) => {
    const a = user(role);
    expect([canReadEnterprise(a, own), canReadEnterprise(a, other), canWriteEnterprise(a, own), canWriteEnterprise(a, other)]).toEqual([ro, rx, wo, wx]);
  });

  it('a department writes only its own', () => {
    expect(canWriteDepartment(user('department'), 7)).toBe(true);
    expect(canWriteDepartment(user('department'), 8)).toBe(false);
    expect(canWriteDepartment(user('county'), 7)).toBe(false);
    expect(canWriteDepartment(user('steering'), 8)).toBe(true);
  });

  it('the public sees no enterprise rows', () => {
    expect(enterpriseScopeOf(anon)).toEqual({ none: true });
    expect(enterpriseScopeOf(user('county'))).toEqual({ regionCode: '360702' });
    expect(enterpriseScopeOf(user('enterprise'))).toEqual({ enterpriseId: 5 });
  });
});

describe('report predicates', () => {
  const item = { responsible: [7], involved: [7, 8] };
  const CITY = '360700';
  it('a department reports city-wide figures of its own items; a county reports for itself', () => {
    expect(canSubmitReport(user('department'), item, CITY, CITY)).toBe(true);
    expect(canSubmitReport(user('department'), item, '360702', CITY)).toBe(false);
    expect(canSubmitReport(user('department', { departmentId: 9 }), item, CITY, CITY)).toBe(false);
    expect(canSubmitReport(user('county'), item, '360702', CITY)).toBe(true);
    expect(canSubmitReport(user('county'), item, '360703', CITY)).toBe(false);
    expect(canSubmitReport(user('enterprise'), item, '360702', CITY)).toBe(false);
    expect(canSubmitReport(user('steering'), item, '360703', CITY)).toBe(true);
  });

  it('reads follow the same scopes', () => {
    expect(canReadReport(user('department', { departmentId: 8 }), item, '360702')).toBe(true);
    expect(canReadReport(user('county'), item, '360703')).toBe(false);
    expect(canReadReport(anon, item, '360702')).toBe(false);
  });

  it('the responsible department or the city reviews, never the submitter', () => {
    expect(canReviewReport(user('department'), item, 99)).toBe(true);
    expect(canReviewReport(user('department', { departmentId: 8 }), item, 99)).toBe(false);
    expect(canReviewReport(user('steering'), item, 99)).toBe(true);
    expect(canReviewReport(user('steering'), item, 1)).toBe(false);
    expect(canReviewReport(user('county'), item, 99)).toBe(false);
  });
});

describe('reduction project predicates', () => {
  const draft = { regionCode: '360702', registered: false };
  const registered = { regionCode: '360702', registered: true };
  const elsewhere = { regionCode: '360703', registered: true };
  it.each([
    ['county (own draft)', user('county'), draft, true, true],
    ['county (own, registered)', user('county'), registered, true, true],
    ['county (another county)', user('county'), elsewhere, false, false],
    ['county (another county draft)', user('county'), { regionCode: '360703', registered: false }, false, false],
    ['admin (draft)', user('admin'), draft, false, false],
    ['admin (registered)', user('admin'), registered, true, true],
    ['steering (registered)', user('steering'), elsewhere, true, true],
    ['department (draft)', user('department'), draft, false, false],
    ['department (registered)', user('department'), registered, true, false],
    ['enterprise', user('enterprise'), registered, false, false],
    ['public', anon, registered, false, false],
  ] as const)('%s: read %s, write %s', (_, actor, p, read, write) => {
    expect(canReadReductionProject(actor, p)).toBe(read);
    expect(canWriteReductionProject(actor, p)).toBe(write);
  });
  it('the city or the bureau verifies, never the submitter or a county', () => {
    const bureau = [7];
    expect(canVerifyReduction(user('steering', { userId: 2 }), bureau, 1)).toBe(true);
    expect(canVerifyReduction(user('admin'), bureau, 1)).toBe(false);
    expect(canVerifyReduction(user('department', { userId: 2 }), bureau, 1)).toBe(true);
    expect(canVerifyReduction(user('department', { userId: 2, departmentId: 8 }), bureau, 1)).toBe(false);
    expect(canVerifyReduction(user('county', { userId: 2 }), bureau, 1)).toBe(false);
    expect(canVerifyReduction(anon, bureau, 1)).toBe(false);
  });
});

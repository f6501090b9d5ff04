import { describe, expect, it } from 'vitest';
import type { UserActor } from '../access';
import { addDays, canInspect, defaultDeadline, isOverdue, issuerPrefix, nextOrderSeq, orderNumber } from './inspection-orders';

const user = (o: Partial<UserActor>): UserActor => ({ kind: 'user', userId: 1, username: 'u', displayName: 'u', role: 'county', regionCode: null, departmentId: null, enterpriseId: null, mustChangePassword: false, ...o });

describe('canInspect', () => {
  it.each([
    ['admin anywhere', user({ role: 'admin' }), '360702', true],
    ['steering anywhere', user({ role: 'steering' }), '360703', true],
    ['inspector department', user({ role: 'department', departmentId: 7 }), '360702', true],
    ['other department', user({ role: 'department', departmentId: 9 }), '360702', false],
    ['own county', user({ role: 'county', regionCode: '360702' }), '360702', true],
    ['other county', user({ role: 'county', regionCode: '360703' }), '360702', false],
    ['county at all', user({ role: 'county', regionCode: '360703' }), null, true],
    ['enterprise', user({ role: 'enterprise', enterpriseId: 3 }), '360702', false],
  ])('%s', (_n, actor, region, ok) => expect(canInspect(actor, [7, 8], region)).toBe(ok));
  it('public never', () => expect(canInspect({ kind: 'public' }, [7], null)).toBe(false));
});

describe('deadlines and overdue (Beijing days)', () => {
  it('adds calendar days across month and leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
  });
  it('takes the worst severity: 30 days minor, 60 major (supervision-rules)', () => {
    const days = { minor: 30, major: 60 };
    expect(defaultDeadline('2026-03-01', ['minor'], days)).toBe('2026-03-31');
    expect(defaultDeadline('2026-03-01', ['minor', 'major'], days)).toBe('2026-04-30');
  });
  it.each([
    ['issued, on the deadline day', 'issued', '2026-03-31', false],
    ['issued, the day after', 'issued', '2026-04-01', true],
    ['answered late: waits for the inspectors', 'answered', '2026-05-01', false],
    ['closed', 'closed', '2027-01-01', false],
  ] as const)('%s', (_n, status, today, overdue) => expect(isOverdue({ status, deadline: '2026-03-31' }, today)).toBe(overdue));
});

describe('order numbers', () => {
  it('prefixes the city and each county distinctly', () => {
    expect(issuerPrefix({ kind: 'city', name: '赣州市' })).toBe('赣');
    expect(issuerPrefix({ kind: 'district', name: '章贡区' })).toBe('章贡');
    expect(issuerPrefix({ kind: 'district', name: '赣县区' })).toBe('赣县');
    expect(issuerPrefix({ kind: 'county_city', name: '瑞金市' })).toBe('瑞金');
  });
  it('formats 赣节监整〔2026〕12号', () => expect(orderNumber('赣', 2026, 12)).toBe('赣节监整〔2026〕12号'));
  it('continues the issuer’s year after its highest number, ignoring other issuers and years', () => {
    const existing = ['赣节监整〔2026〕1号', '赣节监整〔2026〕11号', '赣节监整〔2025〕40号', '章贡节监整〔2026〕30号', '赣县节监整〔2026〕50号'];
    expect(nextOrderSeq('赣', 2026, existing)).toBe(12);
    expect(nextOrderSeq('章贡', 2027, existing)).toBe(1);
  });
});

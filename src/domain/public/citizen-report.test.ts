import { describe, expect, it } from 'vitest';
import { type Handler, handlesReport, isInGanzhou, nextStatus, trackingNumber } from './citizen-report';

describe('trackingNumber', () => {
  it('uses the Beijing date: 2026-11-24 17:00 UTC is already the 25th', () => {
    expect(trackingNumber(new Date('2026-11-24T10:00:00Z'), 7)).toBe('GZ20261124-0007');
    expect(trackingNumber(new Date('2026-11-24T17:00:00Z'), 1)).toBe('GZ20261125-0001');
  });
});

describe('isInGanzhou', () => {
  it.each([
    [114.93, 25.83, true], // 章贡区
    [116.0, 26.9, true],
    [113.0, 25.8, false],
    [114.9, 28.7, false], // 南昌
  ])('%f, %f → %s', (lon, lat, inside) => expect(isInGanzhou(lon, lat)).toBe(inside));
});

describe('handlesReport', () => {
  const assigned = { assignedDepartmentId: 3, assignedRegionCode: '360702' };
  it.each<[Handler, boolean]>([
    [{ kind: 'bureau' }, true],
    [{ kind: 'department', departmentId: 3 }, true],
    [{ kind: 'department', departmentId: 4 }, false],
    [{ kind: 'county', regionCode: '360702' }, true],
    [{ kind: 'county', regionCode: '360703' }, false],
    [{ kind: 'none' }, false],
  ])('%j → %s', (h, ok) => expect(handlesReport(h, assigned)).toBe(ok));
});

describe('nextStatus', () => {
  const bureau: Handler = { kind: 'bureau' };
  const county: Handler = { kind: 'county', regionCode: '360702' };
  it.each([
    [bureau, 'submitted', 'accept', '', 'accepted'],
    [bureau, 'accepted', 'assign', '', 'assigned'],
    [county, 'assigned', 'reply', '已现场核查', 'replied'],
    [county, 'replied', 'close', '', 'closed'],
    [bureau, 'submitted', 'reject', '不属于本市', 'rejected'],
    [bureau, 'closed', 'note', '回访满意', 'closed'],
  ] as const)('%j: %s --%s--> %s', (h, from, action, comment, to) => {
    expect(nextStatus(h, from, action, comment)).toMatchObject({ ok: true, status: to });
  });
  it.each([
    [county, 'assigned', 'reject', '理由'],
    [county, 'assigned', 'assign', ''],
    [bureau, 'submitted', 'reject', ''],
    [bureau, 'assigned', 'reply', ''],
    [bureau, 'closed', 'reply', '再答复'],
    [bureau, 'accepted', 'accept', ''],
  ] as const)('refuses %j: %s --%s-->', (h, from, action, comment) => expect(nextStatus(h, from, action, comment).ok).toBe(false));
  it('shows replies and the closing word to the reporter, not notes or assignments', () => {
    expect(nextStatus(bureau, 'assigned', 'reply', 'x')).toMatchObject({ visibleToReporter: true });
    expect(nextStatus(bureau, 'assigned', 'note', 'x')).toMatchObject({ visibleToReporter: false });
    expect(nextStatus(bureau, 'accepted', 'assign', '')).toMatchObject({ visibleToReporter: false });
  });
});

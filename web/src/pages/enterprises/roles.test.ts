import { describe, expect, it } from 'vitest';
import { canCreateEnterprise, canFile, reviewStageFor } from './roles';

const county = { role: 'county', regionCode: '360702' } as const;
const city = { role: 'steering', regionCode: null } as const;
const ent = { role: 'enterprise', regionCode: null } as const;
const dept = { role: 'department', regionCode: null } as const;

describe('enterprise page roles', () => {
  it.each([
    ['county, own region, submitted', county, 'submitted', '360702', 'county'],
    ['county, other region', county, 'submitted', '360703', null],
    ['county, already county-approved', county, 'county-approved', '360702', null],
    ['city before the county', city, 'submitted', '360702', null],
    ['city after the county', city, 'county-approved', '360702', 'city'],
    ['enterprise', ent, 'submitted', '360702', null],
    ['department', dept, 'county-approved', '360702', null],
  ] as const)('%s', (_, me, status, regionCode, stage) => {
    expect(reviewStageFor(me, { status }, { regionCode })).toBe(stage);
  });

  it('lets the city and counties register enterprises; departments only read', () => {
    expect([city, county, ent, dept].map(canCreateEnterprise)).toEqual([true, true, false, false]);
    expect([city, county, ent, dept].map(canFile)).toEqual([true, true, true, false]);
  });
});

import { describe, expect, it } from 'vitest';
import { type Focus, type Viewer, defaultFocus, focusKinds, focusOfKind, focusParam, focusQuery, parseFocus, resolveFocus, showsRegionMap, taskStatusColor } from './focus';

const steering: Viewer = { role: 'steering', departmentId: null, regionCode: null };
const admin: Viewer = { role: 'admin', departmentId: null, regionCode: null };
const eco: Viewer = { role: 'department', departmentId: 7, regionCode: null };
const zhanggong: Viewer = { role: 'county', departmentId: null, regionCode: '360702' };
const enterprise: Viewer = { role: 'enterprise', departmentId: null, regionCode: null };

const city: Focus = { kind: 'city' };
const dep = (id: number): Focus => ({ kind: 'department', id });
const region = (code: string): Focus => ({ kind: 'region', code });

describe('dashboard focus', () => {
  it('offers each role the kinds the server lets it read', () => {
    expect(focusKinds(steering)).toEqual(['city', 'department', 'region']);
    expect(focusKinds(admin)).toEqual(['city', 'department', 'region']);
    expect(focusKinds(eco)).toEqual(['city', 'department', 'region']);
    expect(focusKinds({ ...eco, departmentId: null })).toEqual(['city', 'region']);
    expect(focusKinds(zhanggong)).toEqual(['region']);
    expect(focusKinds({ ...zhanggong, regionCode: null })).toEqual([]);
    expect(focusKinds(enterprise)).toEqual([]);
  });

  it('lands a county on itself, a department on its own page, the steering office on the city', () => {
    expect(defaultFocus(zhanggong)).toEqual(region('360702'));
    expect(defaultFocus(eco)).toEqual(dep(7));
    expect(defaultFocus(steering)).toEqual(city);
    expect(defaultFocus(enterprise)).toBeNull();
  });

  it.each<[string, Viewer, Focus | null, Focus | null]>([
    ['steering asks a county', steering, region('360703'), region('360703')],
    ['steering asks a department', steering, dep(3), dep(3)],
    ['steering asks nothing', steering, null, city],
    ['a department asks another department', eco, dep(3), dep(7)],
    ['a department asks its own', eco, dep(7), dep(7)],
    ['a department asks the city', eco, city, city],
    ['a department asks a county', eco, region('360703'), region('360703')],
    ['a county asks another county', zhanggong, region('360703'), region('360702')],
    ['a county asks the city', zhanggong, city, region('360702')],
    ['a county asks a department', zhanggong, dep(7), region('360702')],
    ['an enterprise asks the city', enterprise, city, null],
  ])('resolves the asked focus: %s', (_, v, asked, shown) => {
    expect(resolveFocus(v, asked)).toEqual(shown);
  });

  it('picks the own or first department and county when the kind changes', () => {
    expect(focusOfKind('city', steering, 3, '360702')).toEqual(city);
    expect(focusOfKind('department', steering, 3, '360702')).toEqual(dep(3));
    expect(focusOfKind('department', eco, 3, '360702')).toEqual(dep(7));
    expect(focusOfKind('region', steering, 3, '360703')).toEqual(region('360703'));
    expect(focusOfKind('region', zhanggong, 3, '360703')).toEqual(region('360702'));
    expect(focusOfKind('department', steering, undefined, undefined)).toBeNull();
  });

  it('writes the focus into the address and reads it back, refusing junk', () => {
    for (const f of [city, dep(12), region('360702'), region('GZJKQ')]) expect(parseFocus(focusParam(f))).toEqual(f);
    for (const s of [null, '', 'department:0', 'department:x', 'region:3607', 'region:360702;drop', 'county:360702']) expect(parseFocus(s)).toBeNull();
  });

  it('asks the overview for the focus', () => {
    expect(focusQuery(city)).toEqual({});
    expect(focusQuery(dep(7))).toEqual({ department: 7 });
    expect(focusQuery(region('360702'))).toEqual({ region: '360702' });
  });

  it('shows the county map in the city view only, to those who may read it', () => {
    expect(showsRegionMap(steering, city)).toBe(true);
    expect(showsRegionMap(eco, city)).toBe(true);
    expect(showsRegionMap(eco, dep(7))).toBe(false);
    expect(showsRegionMap(zhanggong, city)).toBe(false);
  });

  it('colours task states', () => {
    expect((['completed', 'on-track', 'delayed', 'not-started'] as const).map(taskStatusColor)).toEqual(['green', 'blue', 'red', 'default']);
  });
});

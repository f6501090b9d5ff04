import { describe, expect, it } from 'vitest';
import { allocationMode, canDispatch, canEditProject, canEditProjects, mayVerify } from './roles';

const county = { role: 'county' as const, regionCode: '360722' };
const steering = { role: 'steering' as const, regionCode: null };
const department = { role: 'department' as const, regionCode: null };

describe('reduction roles', () => {
  it('lets a county edit and dispatch its own region’s projects only, registered ones for dispatch', () => {
    expect(canEditProjects(county)).toBe(true);
    expect(canEditProject(county, { regionCode: '360702' })).toBe(false);
    expect(canDispatch(county, { regionCode: '360722', registered: true })).toBe(true);
    expect(canDispatch(county, { regionCode: '360722', registered: false })).toBe(false);
    expect(canDispatch(steering, { regionCode: '360722', registered: true })).toBe(false);
  });

  it('offers verification to the city and departments, never to a county; allocation editing to the city', () => {
    expect([county, steering, department].map(mayVerify)).toEqual([false, true, true]);
    expect([county, steering, department].map(allocationMode)).toEqual(['own', 'edit', 'read']);
    expect(canEditProjects(department)).toBe(false);
  });
});

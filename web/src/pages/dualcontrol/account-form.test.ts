import { describe, expect, it } from 'vitest';
import { formFieldOf, formValuesOf, isBasePeriod, periodState, toAccountBody } from './account-form';
import type { Account } from './queries';

describe('toAccountBody', () => {
  it('sends the base year its current-price GDP and no growth', () => {
    expect(toAccountBody('360702', { periodKey: '2020', gdpCurrent: 1000, gdpGrowthPercent: 8, energy: 400 }, false)).toEqual({
      regionCode: '360702',
      periodKey: '2020',
      gdpCurrent: 1000,
      gdpGrowth: null,
      energy: 400,
      coal: null,
      nonFossil: 0,
      renewableElectricity: 0,
      feedstock: 0,
      listedProjects: 0,
      note: '',
      correctionReason: null,
    });
  });
  it('sends a later period its growth as a fraction, and a correction its reason', () => {
    const body = toAccountBody('360702', { periodKey: '2021', gdpCurrent: 999, gdpGrowthPercent: 8, energy: 416, feedstock: 3, note: ' 终核 ', correctionReason: ' 统计局终核数 ' }, true);
    expect(body).toMatchObject({ periodKey: '2021', gdpCurrent: null, gdpGrowth: 0.08, energy: 416, feedstock: 3, note: '终核', correctionReason: '统计局终核数' });
    expect(toAccountBody('360702', { periodKey: '2024-M06', gdpGrowthPercent: 3 }, false)).toMatchObject({ gdpGrowth: 0.03, correctionReason: null });
  });
  it('leaves a missing GDP empty for the server to name', () => {
    expect(toAccountBody('360702', { periodKey: '2020', energy: 400 }, false).gdpCurrent).toBeNull();
    expect(isBasePeriod('2020')).toBe(true);
    expect(isBasePeriod('2020-M06')).toBe(false);
  });
});

const account = (over: Partial<Account>): Account => ({
  id: 1,
  regionCode: '360702',
  periodKey: '2021',
  revision: 1,
  status: 'submitted',
  gdpCurrent: null,
  gdpGrowth: 0.08,
  energy: 416,
  coal: null,
  nonFossil: 0,
  renewableElectricity: 0,
  feedstock: 0,
  listedProjects: 0,
  note: '',
  correctionReason: null,
  submittedBy: 1,
  submittedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('form values and period state', () => {
  it('prefills growth in %', () => {
    expect(formValuesOf(account({ gdpGrowth: 0.07 }))).toMatchObject({ periodKey: '2021', gdpGrowthPercent: 7, energy: 416 });
    expect(formFieldOf('gdpGrowth')).toBe('gdpGrowthPercent');
    expect(formFieldOf('energy')).toBe('energy');
  });
  it('finds the latest revision of a period', () => {
    const list = [account({ id: 1, revision: 1, status: 'approved' }), account({ id: 2, revision: 2, status: 'submitted' }), account({ id: 3, periodKey: '2022' })];
    expect(periodState(list, '360702', '2021')).toMatchObject({ latest: { id: 2 }, isPending: true, hasApproved: true });
    expect(periodState(list, '360702', '2023')).toEqual({ latest: null, isPending: false, hasApproved: false });
  });
});

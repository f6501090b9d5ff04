import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../settings/reference-form';
import { meteringReferenceOf } from './reference';

const version = (key: string, validFrom: string, value: unknown) => ({ id: 1, key, value, source: 's', validFrom, validTo: null, createdBy: null, createdByName: null });
const rules = (gapMinutes: number) => ({ completenessMin: 0.9, deviationMax: 0.05, spikeFactor: 10, spikeMinSamples: 3, gapMinutes, futureToleranceSeconds: 300 });
const items: ReferenceItem[] = [
  { key: 'metering-rules', versions: [version('metering-rules', '2021-01-01', rules(30)), version('metering-rules', '2027-01-01', rules(15))] },
  { key: 'energy-coefficients', versions: [version('energy-coefficients', '2021-04-01', { carriers: [{ code: 'electricity', name: '电力', baseUnit: 'kWh', kgce: 0.1229, isElectricity: true, tag: 'V' }] })] },
];

describe('meteringReferenceOf', () => {
  it('takes the gap and the carrier names in force on the day', () => {
    const r = meteringReferenceOf(items, '2026-11-24');
    expect(r.gapMinutes).toBe(30);
    expect(r.carrierNames.get('electricity')).toBe('电力');
    expect(meteringReferenceOf(items, '2027-02-01').gapMinutes).toBe(15);
  });
  it('gives no threshold and no names before any version or when malformed', () => {
    expect(meteringReferenceOf(items, '2020-01-01')).toEqual({ gapMinutes: null, carrierNames: new Map() });
    expect(meteringReferenceOf([{ key: 'metering-rules', versions: [version('metering-rules', '2021-01-01', { gapMinutes: 'half an hour' })] }], '2026-01-01').gapMinutes).toBeNull();
  });
});

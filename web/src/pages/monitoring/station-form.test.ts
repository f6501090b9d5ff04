import { describe, expect, it } from 'vitest';
import { StationBody } from '../../../../src/modules/monitoring/schemas';
import type { Station } from './queries';
import { newStationValues, stationFormValues, toSecretsBody, toStationBody } from './station-form';

describe('toStationBody', () => {
  it('makes a body the contract accepts: texts trimmed, units from the standard, empty factor rows dropped', () => {
    const body = toStationBody({
      ...newStationValues('360702'),
      mn: ' 88888880000001 ',
      name: ' 某污水处理厂总排口 ',
      outlet: 'dw001',
      factors: [{ code: 'w01018', upper: 50, basis: 'measured', source: 'GB 18918-2002 一级A' }, { code: 'w01001', upper: 9, lower: 6 }, {}],
    });
    expect(body).toMatchObject({ mn: '88888880000001', name: '某污水处理厂总排口', regionCode: '360702', medium: 'water', st: '32', outlet: 'DW001', o2Reference: null });
    expect(body.factors).toEqual([
      { code: 'w01018', unit: 'mg/L', upper: 50, lower: null, basis: 'measured', source: 'GB 18918-2002 一级A' },
      { code: 'w01001', unit: '', upper: 9, lower: 6, basis: 'measured', source: '' },
    ]);
    expect(StationBody.safeParse(body).success).toBe(true);
  });
  it('keeps the reference O2 only for flue gas, and defaults ST by medium', () => {
    expect(toStationBody({ medium: 'air', o2Reference: 6 })).toMatchObject({ st: '31', o2Reference: 6 });
    expect(toStationBody({ medium: 'water', o2Reference: 6 }).o2Reference).toBeNull();
  });
  it('round-trips a stored station', () => {
    const body = toStationBody({ ...newStationValues('360702'), mn: 'M1', name: 'S', factors: [{ code: 'a21026', upper: 35, basis: 'converted' }], medium: 'air', o2Reference: 6 });
    const stored = { ...body, id: 1, hasPw: true, sm4KeyCount: 0 } as unknown as Station; // StationOut extends StationBody
    expect(toStationBody(stationFormValues(stored))).toEqual(body);
    expect(body.factors?.[0]).toEqual({ code: 'a21026', unit: 'mg/m³', upper: 35, lower: null, basis: 'converted', source: '' });
  });
});

describe('toSecretsBody', () => {
  it('sends only what was typed, and an empty key list to clear them', () => {
    expect(toSecretsBody({ pw: ' 123456 ' })).toEqual({ pw: '123456' });
    expect(toSecretsBody({ key1: '0123456789abcdef', key2: '' })).toEqual({ sm4Keys: ['0123456789abcdef'] });
    expect(toSecretsBody({ key1: 'x', clearKeys: true })).toEqual({ sm4Keys: [] });
    expect(toSecretsBody({})).toEqual({});
  });
});

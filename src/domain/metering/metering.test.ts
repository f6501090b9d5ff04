import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hourOf, intervalsOf, spreadOverHours } from './aggregate';
import { compareMeteredWithReported } from './compare';
import { parseMeterPayload, parseMeterTopic } from './payload';
import { type MeterState, checkReading } from './validate';

const RULES = { spikeFactor: 10, spikeMinSamples: 3, gapMinutes: 30, futureToleranceSeconds: 300, completenessMin: 0.9, deviationMax: 0.05 };
const T0 = Date.parse('2026-11-24T08:00:00+08:00');
const fresh = (): MeterState => ({ lastTsMs: null, lastValue: null, unit: 'kWh', rate: null, samples: 0 });

describe('topic and payload', () => {
  it('splits ecer/<USCC>/<meterId>', () => {
    expect(parseMeterTopic('ecer/12345/E-01')).toMatchObject({ ok: false, reason: 'bad-topic' });
    expect(parseMeterTopic('ecer/91360702MA35G1234X/E-01')).toEqual({ ok: true, uscc: '91360702MA35G1234X', meterCode: 'E-01' });
    expect(parseMeterTopic('other/91360702MA35G1234X/E-01')).toMatchObject({ ok: false, reason: 'bad-topic' });
    expect(parseMeterTopic('ecer/91360702MA35G1234X/a/b')).toMatchObject({ ok: false, reason: 'bad-topic' });
    // Another root (the demo city's) is taken only by a subscriber for that root.
    expect(parseMeterTopic('ecer-demo/91360702MA35G1234X/E-01', 'ecer-demo')).toEqual({ ok: true, uscc: '91360702MA35G1234X', meterCode: 'E-01' });
    expect(parseMeterTopic('ecer-demo/91360702MA35G1234X/E-01')).toMatchObject({ ok: false, reason: 'bad-topic' });
    expect(parseMeterTopic('ecer/91360702MA35G1234X/E-01', 'ecer-demo')).toMatchObject({ ok: false, reason: 'bad-topic' });
  });
  it('parses one reading or a backlog array, and says what is wrong otherwise', () => {
    expect(parseMeterPayload('{"ts":"2026-11-24T08:00:00+08:00","value":12.5,"unit":"kWh"}')).toEqual({ ok: true, readings: [{ tsMs: T0, value: 12.5, unit: 'kWh', carrier: null }] });
    const two = parseMeterPayload(JSON.stringify([{ ts: '2026-11-24T00:00:00Z', value: 1, unit: 'm3', carrier: 'natural-gas' }, { ts: '2026-11-24T00:00:10Z', value: 2, unit: 'm3' }]));
    expect(two.ok && two.readings.length).toBe(2);
    expect(parseMeterPayload('not json')).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(parseMeterPayload('{"ts":"2026-11-24 08:00","value":1,"unit":"kWh"}')).toMatchObject({ ok: false, reason: 'bad-payload' });
    expect(parseMeterPayload('{"ts":"2026-11-24T08:00:00+08:00","value":-1,"unit":"kWh"}')).toMatchObject({ ok: false });
    expect(parseMeterPayload('{"ts":"2026-11-24T08:00:00+08:00","value":1,"unit":"furlong"}')).toMatchObject({ ok: false });
  });
});

describe('checkReading', () => {
  const feed = (values: Array<[number, number]>) => {
    let s = fresh();
    const out = [];
    for (const [sec, value] of values) {
      const v = checkReading(s, { tsMs: T0 + sec * 1000, value, unit: 'kWh', carrier: null }, RULES, T0 + 86_400_000);
      if (v.kind === 'accept') s = v.state;
      out.push(v.kind === 'reject' ? v.reason : v.kind);
    }
    return out;
  };
  it('accepts a rising counter, drops a re-delivery, rejects going back in value or time', () => {
    expect(feed([[0, 100], [10, 101], [10, 101], [20, 100.5], [5, 100.7], [30, 102]])).toEqual(['accept', 'accept', 'duplicate', 'non-monotonic', 'out-of-order', 'accept']);
  });
  it('rejects a spike beyond the factor once the meter has a history, and a reading from the future', () => {
    expect(feed([[0, 0], [10, 1], [20, 2], [30, 3], [40, 50], [50, 4]])).toEqual(['accept', 'accept', 'accept', 'accept', 'spike', 'accept']);
    expect(checkReading(fresh(), { tsMs: T0 + 3_600_000, value: 1, unit: 'kWh', carrier: null }, RULES, T0)).toMatchObject({ kind: 'reject', reason: 'future' });
  });
  it('flags a reading after a silence longer than gapMinutes, and a unit other than the registered one', () => {
    const s = { ...fresh(), lastTsMs: T0, lastValue: 1, rate: 0.1, samples: 5 };
    expect(checkReading(s, { tsMs: T0 + 31 * 60_000, value: 2, unit: 'kWh', carrier: null }, RULES, T0 + 86_400_000)).toMatchObject({ kind: 'accept', isAfterGap: true });
    expect(checkReading(s, { tsMs: T0 + 60_000, value: 2, unit: 'm3', carrier: null }, RULES, T0 + 86_400_000)).toMatchObject({ kind: 'reject', reason: 'unit-mismatch' });
  });
});

describe('spreadOverHours', () => {
  it('splits an interval across the hour boundary in proportion to time', () => {
    const h = hourOf(T0);
    const m = spreadOverHours([{ prevTsMs: h - 5 * 60_000, tsMs: h + 5 * 60_000, delta: 10 }]);
    expect(m.get(h - 3_600_000)).toBeCloseTo(5, 9);
    expect(m.get(h)).toBeCloseTo(5, 9);
  });
  it('property: for a monotonic counter the hourly sums add up to last − first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 7_200_000 }), inc: fc.double({ min: 0, max: 1e6, noNaN: true }) }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
        (steps, start) => {
          const readings = [{ tsMs: start, value: 1000 }];
          // Readings as stored: to 6 decimals (numeric(20,6)); the hours then add up to last − first to the millionth.
          for (const s of steps) readings.push({ tsMs: readings.at(-1)!.tsMs + s.gap, value: Math.round((readings.at(-1)!.value + s.inc) * 1e6) / 1e6 });
          const hours = spreadOverHours(intervalsOf(readings));
          const totalMicro = [...hours.values()].reduce((a, b) => a + Math.round(b * 1e6), 0);
          const expectedMicro = Math.round((readings.at(-1)!.value - readings[0]!.value) * 1e6);
          expect(totalMicro).toBe(expectedMicro);
          for (const v of hours.values()) expect(v).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
    );
  });
  it('property: spreading in any split of the readings gives the same hours as spreading all at once', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 2, maxLength: 60 }), fc.nat(), (gaps, cut) => {
        const readings = [{ tsMs: T0, value: 0 }];
        for (const g of gaps) readings.push({ tsMs: readings.at(-1)!.tsMs + g, value: readings.at(-1)!.value + g / 1000 });
        const all = spreadOverHours(intervalsOf(readings));
        const k = 1 + (cut % (readings.length - 1));
        const parts = [...intervalsOf(readings.slice(0, k + 1)), ...intervalsOf(readings.slice(k))];
        const split = spreadOverHours(parts);
        for (const [h, v] of all) expect(split.get(h)).toBeCloseTo(v, 6);
      }),
    );
  });
});

describe('compareMeteredWithReported', () => {
  it('converts the report to base units and flags deviation beyond 5 % and completeness below 90 %', () => {
    const rows = compareMeteredWithReported(
      [
        { carrier: 'electricity', baseUnit: 'kWh', quantity: 1_060_000, hoursWithData: 8760 },
        { carrier: 'natural-gas', baseUnit: 'm3', quantity: 99_000, hoursWithData: 7000 },
      ],
      [
        { carrier: 'electricity', quantity: 100, unit: '万kWh' },
        { carrier: 'natural-gas', quantity: 10, unit: '万m3' },
        { carrier: 'raw-coal', quantity: 5, unit: 't' },
      ],
      8760,
      RULES,
    );
    expect(rows.map((r) => [r.carrier, r.deviation === null ? null : Number(r.deviation.toFixed(4)), r.flags])).toEqual([
      ['electricity', 0.06, ['deviation']],
      ['natural-gas', -0.01, ['incomplete']],
      ['raw-coal', null, ['not-metered']],
    ]);
  });
});

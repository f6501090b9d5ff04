import { describe, expect, it } from 'vitest';
import { counterAt, demoMeterPhase } from './meter-counter';
import { liveValue } from './stream-meters';

const DAY_MS = 86_400_000;

describe('demo meter counters', () => {
  it('over whole days a counter rises by exactly perHour × hours (the stream reads perHour back from the history)', () => {
    const m = { perHour: 1234.5, phase: demoMeterPhase(7) };
    const from = Date.parse('2026-11-13T00:00:00+08:00');
    expect(counterAt(m, from + 7 * DAY_MS) - counterAt(m, from)).toBeCloseTo(1234.5 * 24 * 7, 1);
  });

  it('the live counter continues the generated one: its value at the demo’s today, then rising', () => {
    const baseMs = Date.parse('2026-11-20T00:00:00+08:00');
    const m = { topic: 'ecer/x/E-01', unit: 'kWh', carrier: 'electricity', perHour: 100, phase: 0, baseValue: 5000, baseMs };
    expect(liveValue(m, baseMs)).toBe(5000);
    expect(liveValue(m, baseMs + 10_000)).toBeGreaterThan(5000);
    expect(liveValue(m, baseMs + DAY_MS)).toBeCloseTo(5000 + 2400, 1);
  });
});

import { describe, expect, it } from 'vitest';
import { Rng } from './random';

describe('Rng', () => {
  it('gives the same stream for the same seed and label, another for another label', () => {
    const a = Rng.forLabel(2026, 'reporting');
    const b = Rng.forLabel(2026, 'reporting');
    const c = Rng.forLabel(2026, 'monitoring');
    const draw = (r: Rng) => Array.from({ length: 20 }, () => r.int(0, 1000));
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('keeps int, float and sample within their bounds', () => {
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      const f = r.float(1, 2);
      expect(f).toBeGreaterThanOrEqual(1);
      expect(f).toBeLessThanOrEqual(2);
    }
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
  });
});

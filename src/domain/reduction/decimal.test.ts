import { describe, expect, it } from 'vitest';
import { Dec } from './decimal';

describe('Dec', () => {
  it('is exact where binary floating point is not', () => {
    expect(Dec.of(0.1).plus(0.2).cmp(0.3)).toBe(0);
    expect(Dec.of(0.8).times(0.2).cmp(0.16)).toBe(0);
    expect(Dec.of(1).div(3).times(3).cmp(1)).toBe(0);
  });

  it('reads numbers in exponent notation', () => {
    expect(Dec.of(1.05e9).toFixed(0)).toBe('1050000000');
    expect(Dec.of(1e-7).toFixed(8)).toBe('0.00000010');
    expect(Dec.of(-2.5e-3).toFixed(4)).toBe('-0.0025');
    expect(() => Dec.of(Number.NaN)).toThrow(RangeError);
  });

  it('rounds half-up (away from zero) once', () => {
    expect([Dec.of(1.0005).round(3), Dec.of(-1.0005).round(3), Dec.of(1.0004999).round(3), Dec.of(2.675).round(2)]).toEqual([1.001, -1.001, 1, 2.68]);
    expect(Dec.of(-0.0001).round(3)).toBe(0);
    expect(Dec.ratio(1, 3).toFixed(3)).toBe('0.333');
    expect(() => Dec.of(1).div(0)).toThrow(RangeError);
  });
});

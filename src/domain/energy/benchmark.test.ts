import { describe, expect, it } from 'vitest';
import { classify, shareAtBenchmark } from './benchmark';

describe('efficiency benchmarks (energy.md §5)', () => {
  const clinker = { benchmark: 100, baseline: 117 }; // kgce/t clinker
  it('classes lower-is-better values, the limits included', () => {
    expect([99, 100, 100.1, 117, 117.1].map((v) => classify(v, clinker))).toEqual(['benchmark', 'benchmark', 'between', 'between', 'below-baseline']);
    expect(classify(-31, { benchmark: -30, baseline: -10 })).toBe('benchmark'); // converters recover energy: negative is better
  });
  it('weighs by capacity and needs more than 30 %', () => {
    expect(shareAtBenchmark([{ capacity: 30, class: 'benchmark' }, { capacity: 70, class: 'between' }], 0.3)).toEqual({ share: 0.3, meetsGoal: false });
    expect(shareAtBenchmark([{ capacity: 31, class: 'benchmark' }, { capacity: 69, class: 'below-baseline' }], 0.3)).toEqual({ share: 0.31, meetsGoal: true });
    expect(shareAtBenchmark([], 0.3)).toEqual({ share: null, meetsGoal: false });
  });
});

import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, hasFilters } from './plan-url';

describe('plan browser URL', () => {
  it('reads and writes the filters', () => {
    const f = filtersFromParams(new URLSearchParams('department=2&region=360728&onlyNamed=true&q=%20秸秆%20'));
    expect(f).toEqual({ department: 2, region: '360728', onlyNamed: true, q: '秸秆' });
    expect(filtersToParams(f).toString()).toBe(new URLSearchParams('department=2&region=360728&onlyNamed=true&q=秸秆').toString());
  });

  it('ignores junk and knows when nothing is filtered', () => {
    const f = filtersFromParams(new URLSearchParams('department=abc&onlyNamed=false&q=%20'));
    expect(hasFilters(f)).toBe(false);
    expect(hasFilters({ onlyNamed: true })).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { allowedActions } from './labels';
import { summaryCounts } from './summary';

describe('assessment summary and actions', () => {
  it('counts the grades and the mean to the cent', () => {
    expect(summaryCounts([{ grade: 'exceeded', total: 96.5 }, { grade: 'incomplete', total: 50 }, { grade: 'exceeded', total: 99.25 }])).toEqual({ count: 3, exceeded: 2, completed: 0, basic: 0, incomplete: 1, mean: '81.92' });
    expect(summaryCounts([]).mean).toBe('0.00');
  });
  it('offers each role only its steps', () => {
    const subjects = [{ key: '360702', selfSubmittedAt: null }] as never;
    expect(allowedActions({ role: 'steering', regionCode: null }, { status: 'self', subjects })).toEqual(['open-review']);
    expect(allowedActions({ role: 'county', regionCode: '360702' }, { status: 'self', subjects })).toEqual(['submit-self']);
    expect(allowedActions({ role: 'county', regionCode: '360722' }, { status: 'self', subjects })).toEqual([]);
    expect(allowedActions({ role: 'admin', regionCode: null }, { status: 'approval', subjects })).toEqual(['approve', 'return']);
    expect(allowedActions({ role: 'steering', regionCode: null }, { status: 'approval', subjects })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applySuggestion, draftOf, draftSum, toShares } from './allocation';

describe('allocation editor', () => {
  it('fills the split by potential of reduction.md §6 (916.65 t over 600/300/100) and finds it adds up exactly', () => {
    const draft = applySuggestion({ '360702': { target: 1, reason: '城区污水处理提标' } }, [
      { regionCode: '360702', potential_t: 600, target: 549.99 },
      { regionCode: '360703', potential_t: 300, target: 275 },
      { regionCode: '360704', potential_t: 100, target: 91.66 },
    ]);
    expect(draft['360702']).toEqual({ target: 549.99, reason: '城区污水处理提标' });
    expect(draftSum(draft, 916.65)).toEqual({ sum: 916.65, gap: 0, isCovered: true });
  });

  it('warns when the shares fall short, and sends only rows with a target, reasons trimmed', () => {
    const draft = { ...draftOf({ shares: [{ regionCode: '360722', target: 500, reason: ' 新建污水厂 ', verified_t: 0, gap_t: 500 }] }), '360723': { target: null, reason: 'x' } };
    expect(draftSum(draft, 916.65)).toEqual({ sum: 500, gap: 416.65, isCovered: false });
    expect(toShares(['360723', '360722'], draft)).toEqual([{ regionCode: '360722', target: 500, reason: '新建污水厂' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { EVIDENCE_BY_METHOD, missingEvidence } from './evidence';
import { EVIDENCE_KINDS, METHODS } from './model';

describe('evidence (reduction.md §4)', () => {
  it('every method has a list of known kinds', () => {
    for (const m of METHODS) {
      expect(EVIDENCE_BY_METHOD[m].length).toBeGreaterThan(0);
      for (const k of EVIDENCE_BY_METHOD[m]) expect(EVIDENCE_KINDS).toContain(k);
    }
  });

  it('names what is missing, in the list\'s order', () => {
    expect(missingEvidence('A3', ['baseline-record', 'closure-document'])).toEqual(['power-cut-proof', 'dismantling-photos']);
    expect(missingEvidence('A4', ['deregistration-proof', 'registration-data', 'other'])).toEqual([]);
  });
});

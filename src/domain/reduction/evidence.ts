import type { EvidenceKind, MethodId } from './model';

/**
 * The evidence each method needs before its project can be accepted (reduction.md §4 table, ECER's list [E],
 * after the project files of earlier plans [S15][S8]). Conditional items (a replacement's fuel records, a
 * cancelled permit) are not required here; the reviewer asks for them.
 */
export const EVIDENCE_BY_METHOD: Record<MethodId, readonly EvidenceKind[]> = {
  W1: ['acceptance', 'online-monitoring', 'permit-report'],
  G1: ['permit', 'permit-report', 'production-statistics', 'acceptance'],
  A1: ['permit', 'permit-report', 'cems-data', 'acceptance'],
  A2: ['fuel-records', 'factor-table', 'acceptance', 'reagent-invoices'],
  A3: ['closure-document', 'power-cut-proof', 'dismantling-photos', 'baseline-record'],
  A4: ['deregistration-proof', 'registration-data'],
  W4: ['stock-ledger', 'acceptance', 'land-agreement'],
  W5: ['household-roster', 'operation-ledger', 'effluent-tests'],
  V1: ['purchase-invoices', 'stock-ledger', 'msds-test-report', 'production-statistics'],
  V2: ['collection-design', 'efficiency-test', 'carbon-replacement', 'solvent-ledger'],
  NET: ['network-record'],
};

/** The kinds of the method's list not among `present`, in the list's order (MISSING_EVIDENCE, C5). */
export function missingEvidence(method: MethodId, present: readonly EvidenceKind[]): EvidenceKind[] {
  const have = new Set(present);
  return EVIDENCE_BY_METHOD[method].filter((k) => !have.has(k));
}

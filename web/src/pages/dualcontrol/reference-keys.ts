import type { MessageKey } from '../../../../src/i18n/index';

/**
 * The versioned reference values the dual-control evaluation and its neighbours read (src/domain/reference/versions.ts),
 * in the order the 参考数据 tab shows them: the barometer and deductions first, then conversion, key units, metering.
 */
export const DUAL_CONTROL_REFERENCE_KEYS = [
  'energy-barometer-rules',
  'energy-deduction-regime',
  'energy-coefficients',
  'electricity-equivalent-input',
  'key-unit-thresholds',
  'efficiency-benchmarks',
  'energy-report-rules',
  'metering-rules',
] as const;
export type DualControlReferenceKey = (typeof DUAL_CONTROL_REFERENCE_KEYS)[number];

/** The keys of ours the server has, in our order; keys the server does not (yet) have are left out. */
export function dualControlReference<T extends { key: string }>(items: readonly T[]): Array<T & { key: DualControlReferenceKey }> {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return DUAL_CONTROL_REFERENCE_KEYS.flatMap((k) => {
    const item = byKey.get(k);
    return item ? [{ ...item, key: k }] : [];
  });
}

/** The catalog entries naming a key and explaining it. */
export const referenceText = (key: DualControlReferenceKey): { title: MessageKey; help: MessageKey } => ({ title: `energy2.ref.title.${key}`, help: `energy2.ref.help.${key}` });

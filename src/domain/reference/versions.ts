import { z } from 'zod';
import { AssessmentSchemesValue } from '../assessment/model';
import { SupervisionRulesValue } from '../supervision/reference';
import { BarometerRulesValue, DeductionRegimeValue, EfficiencyBenchmarksValue, ElectricityEquivalentInputValue, EnergyCoefficientsValue, EnergyReportRulesValue, KeyUnitThresholdsValue, MeteringRulesValue } from '../energy/reference';
import { MonitoringRulesValue } from '../monitoring/model';
import { ReductionRulesValue } from '../reduction/model';
import { ProgressStatusRule, ReportingDefaults } from '../reporting/reference';

/**
 * 参考数据版本: a reference value applies from its `validFrom` until the day before the next version of
 * its key. Versions are only added, never changed, so the value that applied on any date stays known.
 */
export type Version<T = unknown> = { id: number; key: string; value: T; source: string; validFrom: string; createdBy: number | null; createdByName: string | null };

/** Every key the platform knows, with the schema its values must pass. One place to add a new kind. */
export const REFERENCE_KEYS = {
  'reporting-defaults': ReportingDefaults,
  'progress-status-rule': ProgressStatusRule,
  'energy-barometer-rules': BarometerRulesValue,
  'energy-deduction-regime': DeductionRegimeValue,
  'energy-coefficients': EnergyCoefficientsValue,
  'electricity-equivalent-input': ElectricityEquivalentInputValue,
  'key-unit-thresholds': KeyUnitThresholdsValue,
  'efficiency-benchmarks': EfficiencyBenchmarksValue,
  'energy-report-rules': EnergyReportRulesValue,
  'metering-rules': MeteringRulesValue,
  'reduction-rules': ReductionRulesValue,
  'monitoring-rules': MonitoringRulesValue,
  'assessment-schemes': AssessmentSchemesValue,
  'supervision-rules': SupervisionRulesValue,
} as const;
export type ReferenceKey = keyof typeof REFERENCE_KEYS;
export type ReferenceValueOf<K extends ReferenceKey> = z.infer<(typeof REFERENCE_KEYS)[K]>;

export const isReferenceKey = (k: string): k is ReferenceKey => Object.hasOwn(REFERENCE_KEYS, k);

/** The version of a key in force on a date (YYYY-MM-DD), or null before its first version. */
export function effectiveAt<T>(versions: ReadonlyArray<Version<T>>, key: string, date: string): Version<T> | null {
  let best: Version<T> | null = null;
  for (const v of versions) if (v.key === key && v.validFrom <= date && (best === null || v.validFrom > best.validFrom)) best = v;
  return best;
}

/** A key's versions oldest first, each with the last day it applies (null while it is the newest). */
export function withValidity<T>(versions: ReadonlyArray<Version<T>>, key: string): Array<Version<T> & { validTo: string | null }> {
  const own = versions.filter((v) => v.key === key).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return own.map((v, i) => ({ ...v, validTo: i + 1 < own.length ? dayBefore(own[i + 1]!.validFrom) : null }));
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** One shipped or entered version as written in data/reference/*.yaml and in the API. */
export const VersionInput = z.object({
  key: z.string(),
  validFrom: z.iso.date(),
  source: z.string().trim().min(1).max(500),
  value: z.unknown(),
});
export type VersionInput = z.infer<typeof VersionInput>;

/** Checks a value against its key's schema; the issues name the field inside the value. */
export function parseReferenceValue(key: string, value: unknown): { ok: true; value: unknown } | { ok: false; field: string; message: string } {
  if (!isReferenceKey(key)) return { ok: false, field: 'key', message: `未知的参考数据项 ${key}` };
  const r = REFERENCE_KEYS[key].safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, field: ['value', ...issue.path.map(String)].join('.'), message: issue.message };
}

import type { z } from 'zod';
import { EfficiencyBenchmarksValue, EnergyCoefficientsValue } from '../../../../src/domain/energy/reference';
import { effectiveAt } from '../../../../src/domain/reference/versions';
import type { ReferenceItem } from '../settings/reference-form';

/** The unit a report states each base unit in (as the server's Excel template does): kg→t, m3→万m3, kWh→万kWh, MJ→GJ. */
export const REPORT_UNIT_OF = { kg: 't', m3: '万m3', kWh: '万kWh', MJ: 'GJ' } as const;
export type ReportUnit = (typeof REPORT_UNIT_OF)[keyof typeof REPORT_UNIT_OF];

/** A GB/T 2589 carrier as the report form offers it, with its usual reporting unit. */
export type CarrierOption = { code: string; name: string; baseUnit: keyof typeof REPORT_UNIT_OF; unit: ReportUnit };
export type BenchmarkProduct = z.infer<typeof EfficiencyBenchmarksValue>['products'][number];

/** The value of a reference key in force at the end of a year, parsed by its schema; null when none or malformed. */
function valueAt<S extends z.ZodType>(items: readonly ReferenceItem[], key: string, year: number, schema: S): z.infer<S> | null {
  const versions = items.find((i) => i.key === key)?.versions ?? [];
  const v = effectiveAt(versions, key, `${year}-12-31`);
  const parsed = v ? schema.safeParse(v.value) : null;
  return parsed?.success ? parsed.data : null;
}

/** The energy carriers (耗能工质 left out: the report does not count them) for a year's report. */
export function carriersOf(items: readonly ReferenceItem[], year: number): CarrierOption[] {
  const value = valueAt(items, 'energy-coefficients', year, EnergyCoefficientsValue);
  return (value?.carriers ?? []).filter((c) => !c.isWorkingMedium).map((c) => ({ code: c.code, name: c.name, baseUnit: c.baseUnit, unit: REPORT_UNIT_OF[c.baseUnit] }));
}

/** The benchmark catalogue (products with benchmark and baseline, and the goal share) in force in a year. */
export function benchmarksOf(items: readonly ReferenceItem[], year: number): { goalShare: number; products: BenchmarkProduct[] } | null {
  return valueAt(items, 'efficiency-benchmarks', year, EfficiencyBenchmarksValue);
}

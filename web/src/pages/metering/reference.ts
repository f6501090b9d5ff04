import { EnergyCoefficientsValue, MeteringRulesValue } from '../../../../src/domain/energy/reference';
import { effectiveAt } from '../../../../src/domain/reference/versions';
import type { ReferenceItem } from '../settings/reference-form';

/** What the metering view takes from the reference data in force on a day: the gap threshold and the carriers' names. */
export type MeteringReference = { gapMinutes: number | null; carrierNames: ReadonlyMap<string, string> };

/**
 * The `metering-rules` gap (minutes; the meters list does not carry it) and the GB/T 2589 carrier names
 * (electricity → 电力) in force on `day` ("YYYY-MM-DD"); a missing or malformed value gives null / no names.
 */
export function meteringReferenceOf(items: readonly ReferenceItem[], day: string): MeteringReference {
  const at = (key: string) => effectiveAt(items.find((i) => i.key === key)?.versions ?? [], key, day)?.value;
  const rules = MeteringRulesValue.safeParse(at('metering-rules'));
  const coefficients = EnergyCoefficientsValue.safeParse(at('energy-coefficients'));
  return {
    gapMinutes: rules.success ? rules.data.gapMinutes : null,
    carrierNames: new Map(coefficients.success ? coefficients.data.carriers.map((c) => [c.code, c.name]) : []),
  };
}

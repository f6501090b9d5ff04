import { z } from 'zod';
import { type Carrier, ConversionError, REPORT_UNITS, type ReportUnit, convertLines } from '../domain/energy/conversion';
import { effectiveAt } from '../domain/reference/versions';
import { shippedVersions } from '../modules/reference/service';
import { InputError, parseJsonInput } from './input';

const Report = z.object({
  year: z.number().int().min(2000).max(2100),
  includeWorkingMedia: z.boolean().default(false),
  lines: z
    .array(
      z.object({
        carrier: z.string().min(1),
        quantity: z.number().finite().min(0),
        unit: z.enum(Object.keys(REPORT_UNITS) as [ReportUnit, ...ReportUnit[]]),
        measuredLhvKj: z.number().positive().nullable().optional(),
      }),
    )
    .min(1),
});

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * `ecer energy tce < report.json`: a report's comprehensive energy consumption in tce by GB/T 2589, per carrier
 * and in total, by both electricity methods (当量值 and 等价值), with the shipped coefficients of the report's year.
 */
export async function runEnergyTce(input: string, referenceDir: string): Promise<string> {
  const { year, lines, includeWorkingMedia } = parseJsonInput(input, Report);
  const versions = await shippedVersions(referenceDir);
  const at = `${year}-12-31`;
  const table = effectiveAt(versions, 'energy-coefficients', at);
  const input2 = effectiveAt(versions, 'electricity-equivalent-input', at);
  if (!table || !input2) throw new InputError(`${year} 年没有生效的折标准煤系数`);
  const carriers = new Map((table.value as { carriers: Carrier[] }).carriers.map((c) => [c.code, c]));
  const kgcePerKwh = (input2.value as { kgcePerKwh: number }).kgcePerKwh;
  try {
    const r = convertLines(lines, carriers, kgcePerKwh, { includeWorkingMedia });
    return `${JSON.stringify(
      {
        year,
        coefficients: { source: table.source, electricityEquivalentInputKgcePerKwh: kgcePerKwh, electricitySource: input2.source },
        lines: r.lines.map((l) => ({ ...l, tceEquivalent: r4(l.tceEquivalent), tceEquivalentInput: r4(l.tceEquivalentInput) })),
        totalTceEquivalent: r4(r.totalEquivalent),
        totalTceEquivalentInput: r4(r.totalEquivalentInput),
      },
      null,
      2,
    )}\n`;
  } catch (err) {
    if (err instanceof ConversionError) throw new InputError(`lines[${err.index}].${err.field}: ${err.message}`);
    throw err;
  }
}

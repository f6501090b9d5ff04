/**
 * 综合能耗 by GB/T 2589-2020 《综合能耗计算通则》: E = Σ qᵢ × kᵢ, each carrier in its physical unit times its
 * 折标准煤系数 (energy.md §1) [V]. Coefficients are reference data (data/reference/gbt2589.yaml), never literals.
 * Electricity is converted both ways: 当量值 (its energy content, 0.1229 kgce/kWh) and 等价值 (last year's
 * 发电标准煤耗), shown side by side; which one a purpose uses is configuration (energy.md §1.2).
 */

/** 1 kgce = 29 307.6 kJ (7 000 kcal × 4.1868) [V]. */
export const KJ_PER_KGCE = 29_307.6;

/** The physical unit a coefficient is per (kgce per kg, m³, kWh or MJ). */
export type BaseUnit = 'kg' | 'm3' | 'kWh' | 'MJ';

/** How many base units one reporting unit holds: t = 1 000 kg, 万m³ = 10 000 m³, 万kWh = 10 000 kWh, GJ = 1 000 MJ. */
export const REPORT_UNITS = { kg: ['kg', 1], t: ['kg', 1000], m3: ['m3', 1], '万m3': ['m3', 10_000], kWh: ['kWh', 1], '万kWh': ['kWh', 10_000], MJ: ['MJ', 1], GJ: ['MJ', 1000] } as const satisfies Record<
  string,
  readonly [BaseUnit, number]
>;
export type ReportUnit = keyof typeof REPORT_UNITS;

/** One carrier's coefficient: kgce per base unit, its range where the standard gives one, and whether it is energy at all. */
export type Carrier = {
  code: string;
  name: string;
  baseUnit: BaseUnit;
  kgce: number;
  min?: number;
  max?: number;
  /** 耗能工质 (water, compressed air…): not energy in regional statistics; counted only where a sector standard says so. */
  isWorkingMedium?: boolean;
  isElectricity?: boolean;
};

/** A line of a report: a quantity of a carrier, optionally with its measured 低位发热量 (kJ per base unit), which overrides the default. */
export type ConsumptionLine = { carrier: string; quantity: number; unit: ReportUnit; measuredLhvKj?: number | null };

export type LineResult = {
  carrier: string;
  name: string;
  quantity: number;
  unit: ReportUnit;
  /** kgce per base unit actually used, and where it came from. */
  kgcePerBase: number;
  coefficientFrom: 'default' | 'measured';
  /** tce by the 当量值 method (for electricity: 0.1229 kgce/kWh); the same for non-electric carriers. */
  tceEquivalent: number;
  /** tce by the 等价值 method (electricity at last year's generation coal consumption). */
  tceEquivalentInput: number;
};

export class ConversionError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly field: 'carrier' | 'unit' | 'quantity' | 'measuredLhvKj',
  ) {
    super(message);
  }
}

/**
 * Converts each line to tce by both electricity methods. `equivalentInputKgcePerKwh` is the 等价值 coefficient
 * of the report's year (上年发电标准煤耗). Working media are left out unless `includeWorkingMedia`.
 */
export function convertLines(
  lines: readonly ConsumptionLine[],
  carriers: ReadonlyMap<string, Carrier>,
  equivalentInputKgcePerKwh: number,
  opts: { includeWorkingMedia?: boolean } = {},
): { lines: LineResult[]; totalEquivalent: number; totalEquivalentInput: number } {
  const out: LineResult[] = [];
  lines.forEach((l, i) => {
    const c = carriers.get(l.carrier);
    if (!c) throw new ConversionError(`未知的能源品种“${l.carrier}”`, i, 'carrier');
    const unit = REPORT_UNITS[l.unit];
    if (!unit || unit[0] !== c.baseUnit) throw new ConversionError(`${c.name}不能以“${l.unit}”计量`, i, 'unit');
    if (!Number.isFinite(l.quantity) || l.quantity < 0) throw new ConversionError(`${c.name}的实物量应为非负数`, i, 'quantity');
    if (c.isWorkingMedium && !opts.includeWorkingMedia) return;
    const measured = l.measuredLhvKj ?? null;
    if (measured !== null && (c.isElectricity || !(measured > 0))) throw new ConversionError(`${c.name}的实测低位发热量无效`, i, 'measuredLhvKj');
    // Where a measured LHV is known: k = LHV / 29 307.6 (energy.md §1.1), overriding the table value.
    const kgcePerBase = measured !== null ? measured / KJ_PER_KGCE : c.kgce;
    const base = l.quantity * unit[1];
    const tceEquivalent = (base * kgcePerBase) / 1000;
    const tceEquivalentInput = c.isElectricity ? (base * equivalentInputKgcePerKwh) / 1000 : tceEquivalent;
    out.push({ carrier: c.code, name: c.name, quantity: l.quantity, unit: l.unit, kgcePerBase, coefficientFrom: measured !== null ? 'measured' : 'default', tceEquivalent, tceEquivalentInput });
  });
  return {
    lines: out,
    totalEquivalent: out.reduce((s, x) => s + x.tceEquivalent, 0),
    totalEquivalentInput: out.reduce((s, x) => s + x.tceEquivalentInput, 0),
  };
}

/** 重点用能单位 (节约能源法 art. 52) [V]: ≥ 10 000 tce a year; 5 000 to < 10 000 tce when designated. */
export type KeyUnitClass = 'key' | 'designatable' | 'none';
export function keyUnitClass(annualTce: number, thresholds: { key: number; designatable: number }): KeyUnitClass {
  return annualTce >= thresholds.key ? 'key' : annualTce >= thresholds.designatable ? 'designatable' : 'none';
}

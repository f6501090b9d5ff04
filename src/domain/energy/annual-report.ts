import { type Carrier, type ConsumptionLine, ConversionError, convertLines } from './conversion';

/**
 * 能源利用状况报告 (节约能源法 art. 53; energy.md §4): what an annual report must hold together, checked before
 * it is stored. The lines are converted by GB/T 2589; the products' energy must fit in the total; a total that
 * moved by more than the threshold against last year's approved report needs a reason.
 */
export type ReportProduct = { product: string; output: number; unit: string; energyTce: number | null };
export type SavingProject = { name: string; investment: number; savingTce: number; status: 'planned' | 'in-progress' | 'completed' };
export type AnnualReportInput = { year: number; lines: ConsumptionLine[]; products: ReportProduct[]; savingProjects: SavingProject[]; changeReason: string | null };

export type ReportRules = { changeThreshold: number };
export type ReportProblem = { pointer: string; message: string };

export function checkAnnualReport(
  r: AnnualReportInput,
  carriers: ReadonlyMap<string, Carrier>,
  equivalentInputKgcePerKwh: number,
  lastApprovedTce: number | null,
  rules: ReportRules,
): { ok: true; totals: ReturnType<typeof convertLines> } | { ok: false; problem: ReportProblem } {
  let totals;
  try {
    totals = convertLines(r.lines, carriers, equivalentInputKgcePerKwh);
  } catch (err) {
    if (err instanceof ConversionError) return { ok: false, problem: { pointer: `#/lines/${err.index}/${err.field}`, message: err.message } };
    throw err;
  }
  const seen = new Set<string>();
  for (const [i, l] of r.lines.entries()) {
    if (seen.has(l.carrier)) return { ok: false, problem: { pointer: `#/lines/${i}/carrier`, message: `能源品种“${carriers.get(l.carrier)?.name ?? l.carrier}”重复填报` } };
    seen.add(l.carrier);
  }
  const productEnergy = r.products.reduce((s, p) => s + (p.energyTce ?? 0), 0);
  // 能量平衡: what the products used cannot exceed what the unit consumed (当量值, as the products' figures are).
  if (productEnergy > totals.totalEquivalent * (1 + 1e-9)) {
    return { ok: false, problem: { pointer: '#/products', message: `各产品能耗之和 ${productEnergy.toFixed(2)} tce 超过综合能耗 ${totals.totalEquivalent.toFixed(2)} tce` } };
  }
  if (lastApprovedTce !== null && lastApprovedTce > 0) {
    const change = totals.totalEquivalent / lastApprovedTce - 1;
    if (Math.abs(change) > rules.changeThreshold && !r.changeReason?.trim()) {
      const pct = (change * 100).toFixed(1);
      return { ok: false, problem: { pointer: '#/changeReason', message: `综合能耗较上年${change > 0 ? '增加' : '减少'} ${pct.replace('-', '')}%，超过 ${(rules.changeThreshold * 100).toFixed(0)}%，请说明原因` } };
    }
  }
  return { ok: true, totals };
}

/** 单位产品综合能耗: a product's energy per unit of output (tce per unit), or null without both figures. */
export function unitConsumption(p: ReportProduct): number | null {
  return p.energyTce !== null && p.output > 0 ? p.energyTce / p.output : null;
}

import type { Db } from '../../db/client';
import { canReadRegion } from '../../domain/access';
import { type RegionInput, evaluateRegions, targetsOf } from '../../domain/energy/accounts-file';
import { type AccountYear, evaluateRegion } from '../../domain/energy/evaluate';
import { averageAnnualRate, round6, totalConsumptionTargets } from '../../domain/energy/intensity';
import { assessedEnergy } from '../../domain/energy/deductions';
import { ratePeriod } from '../../domain/energy/period';
import { evaluationRulesFrom } from '../../domain/energy/rules';
import { maxEnergyToStayGreen, evaluatePlan } from '../../domain/energy/what-if';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import { effectiveAt } from '../../domain/reference/versions';
import type { BarometerRulesValue } from '../../domain/energy/reference';
import type { AuditCtx, Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { referenceFingerprint, referenceVersions } from '../reference/service';
import * as repo from './repo';

/** An account row as the evaluation reads it (also the assessment's metrics). */
const asAccountYear = (r: repo.AccountRow): AccountYear => ({
  year: Number(r.periodKey),
  energy: r.energy,
  gdpCurrent: r.gdpCurrent,
  gdpGrowth: r.gdpGrowth,
  feedstock: r.feedstock,
  listedProjects: r.listedProjects,
  nonFossil: r.nonFossil,
  renewableElectricity: r.renewableElectricity,
});

/** One region's evaluation input from its target, the annual targets and the accounts (those of other regions are skipped). */
export function regionInputOf(t: Awaited<ReturnType<typeof repo.listTargets>>[number], annual: Awaited<ReturnType<typeof repo.listAnnualTargets>>, accounts: repo.AccountRow[]): RegionInput {
  const own = annual.filter((a) => a.regionCode === t.regionCode);
  return {
    region: t.regionCode,
    baseYear: t.baseYear,
    years: t.years,
    basic: t.basic,
    incentive: t.incentive,
    annual: Object.fromEntries(own.filter((a) => a.intensityReduction !== null).map((a) => [String(a.year), a.intensityReduction!])),
    plannedGrowth: Object.fromEntries(own.filter((a) => a.plannedGdpGrowth !== null).map((a) => [String(a.year), a.plannedGdpGrowth!])),
    accounts: accounts.filter((a) => a.regionCode === t.regionCode).map((a) => ({ ...asAccountYear(a), coal: a.coal })),
  };
}

/** Each region's targets and approved annual accounts, as the evaluation reads them. */
async function regionInputs(db: Db, regionCode?: string): Promise<Map<string, RegionInput>> {
  const accounts = await repo.listAccounts(db, { status: 'approved', annualOnly: true, regionCode });
  const annual = await repo.listAnnualTargets(db);
  const out = new Map<string, RegionInput>();
  for (const t of await repo.listTargets(db)) {
    if (regionCode && t.regionCode !== regionCode) continue;
    out.set(t.regionCode, regionInputOf(t, annual, accounts));
  }
  return out;
}

async function rulesOf(db: Db) {
  const versions = await referenceVersions(db);
  return { versions, rules: evaluationRulesFrom(versions) };
}

/**
 * 晴雨表: every county, zone and the city for a year, with its figures and levels; regions without a target
 * or without data are "not rated" and say why. The city's own account is compared with the sum of the counties.
 */
export async function evaluateYear(ctx: Ctx, year: number) {
  const all = await cached(ctx.db, `year:${year}`, () => computeYear(ctx.db, year));
  const seesCity = all.regions.some((r) => r.kind === 'city' && canReadRegion(ctx.actor, r.regionCode));
  return { ...all, regions: all.regions.filter((r) => canReadRegion(ctx.actor, r.regionCode)), cityVsCounties: seesCity ? all.cityVsCounties : null };
}

type Cached = { version: string; value: unknown };
// Evaluations change only when an account moves, a target or a reference version changes.
const caches = new WeakMap<Db, Map<string, Cached>>();

async function cached<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = `${await repo.dualControlVersion(db)}|${await referenceFingerprint(db)}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit?.version === version) return hit.value as T;
  const value = await compute();
  cache.set(key, { version, value });
  return value;
}

async function computeYear(db: Db, year: number) {
  const ctx = { db };
  const regions = await orgRepo.listRegions(ctx.db);
  const inputs = await regionInputs(ctx.db);
  const { versions, rules } = await rulesOf(ctx.db);
  const { rows, errors } = evaluateRegions([...inputs.values()], rules);
  const barometer = effectiveAt(versions, 'energy-barometer-rules', `${year}-12-31`);
  const byRegion = new Map(rows.filter((r) => r.year === year).map((r) => [r.region, r]));
  const approved = await repo.listAccounts(ctx.db, { status: 'approved', annualOnly: true, year });
  const energyOf = new Map(approved.filter((a) => a.periodKey === String(year)).map((a) => [a.regionCode, a.energy]));
  const city = regions.find((r) => r.kind === 'city');
  const counties = regions.filter((r) => r.kind !== 'city');
  const countySum = counties.every((r) => energyOf.has(r.code)) ? counties.reduce((s, r) => s + energyOf.get(r.code)!, 0) : null;
  return {
    year,
    rules: barometer ? { name: (barometer.value as BarometerRulesValue).name, source: barometer.source, colours: (barometer.value as BarometerRulesValue).colours } : null,
    regions: regions.map((r) => {
      const row = byRegion.get(r.code) ?? null;
      // Not rated, never green, without data (901号 did not rate Tibet): no target, or no approved figures for the year.
      const notRated = row ? null : inputs.has(r.code) ? ('no-data' as const) : ('no-target' as const);
      return { regionCode: r.code, name: r.name, kind: r.kind, evaluation: row, notRated, problem: errors.find((e) => e.region === r.code)?.message ?? null };
    }),
    // The city's own account against the sum of its counties: the gap is shown, never hidden.
    cityVsCounties: city ? { cityEnergy: energyOf.get(city.code) ?? null, countiesEnergy: countySum === null ? null : round6(countySum), gap: countySum !== null && energyOf.has(city.code) ? round6(energyOf.get(city.code)! - countySum) : null } : null,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * 季度晴雨表: each region's year-to-date figures (Jan to the quarter's end) against the same period last year,
 * with the year's requirement; Q4 uses the annual account when there is one. Regions without a target or
 * without both periods approved are not rated.
 */
export async function evaluateQuarter(ctx: Ctx, year: number, quarter: 1 | 2 | 3 | 4) {
  const all = await cached(ctx.db, `quarter:${year}:${quarter}`, () => computeQuarter(ctx.db, year, quarter));
  return { ...all, regions: all.regions.filter((r) => canReadRegion(ctx.actor, r.regionCode)) };
}

async function computeQuarter(db: Db, year: number, quarter: 1 | 2 | 3 | 4) {
  const ctx = { db };
  const regions = await orgRepo.listRegions(ctx.db);
  const inputs = await regionInputs(ctx.db);
  const { versions, rules } = await rulesOf(ctx.db);
  const approved = await repo.listAccounts(ctx.db, { status: 'approved' });
  const find = (region: string, y: number) => {
    const keys = quarter === 4 ? [String(y), `${y}-M12`] : [`${y}-M${pad2(quarter * 3)}`];
    for (const k of keys) {
      const hit = approved.find((a) => a.regionCode === region && a.periodKey === k);
      if (hit) return hit;
    }
    return null;
  };
  const barometer = effectiveAt(versions, 'energy-barometer-rules', `${year}-12-31`);
  const rows = regions.map((r) => {
    const input = inputs.get(r.code);
    if (!input) return { regionCode: r.code, name: r.name, kind: r.kind, rating: null, notRated: 'no-target' as const };
    const targets = targetsOf(input);
    const cur = find(r.code, year);
    const prev = find(r.code, year - 1);
    const required = targets.annual[year] ?? averageAnnualRate(targets.basic, targets.years);
    // The growth the year's total target allows over last year, from last year's annual evaluation; none when exempt.
    let allowed: number | null = null;
    try {
      const lastYear = evaluateRegion(input.accounts.filter((a) => a.year <= year - 1), targets, rules).find((e) => e.year === year - 1);
      if (lastYear && !lastYear.exemptFromTotal) {
        const t = year - targets.baseYear;
        const planned = Array.from({ length: targets.years }, (_, i) => targets.plannedGrowth[targets.baseYear + 1 + i] ?? 0);
        const actual = input.accounts.filter((a) => a.year > targets.baseYear && a.year < year).sort((a, b) => a.year - b.year).map((a) => a.gdpGrowth ?? 0);
        const base = input.accounts.find((a) => a.year === targets.baseYear)!;
        const baseTotal = assessedEnergy(base, base, [base], rules.regimeFor(year)).total;
        const target = totalConsumptionTargets(baseTotal, targets.basic, targets.years, planned, actual)[t - 1];
        if (target) allowed = target.adjusted / lastYear.assessedTotal - 1;
      }
    } catch {
      allowed = null; // last year's chain incomplete: the total is not rated
    }
    const asFigures = (a: repo.AccountRow | null) => a && { ...asAccountYear(a), year: Number(a.periodKey.slice(0, 4)) };
    const rating = ratePeriod(asFigures(cur), asFigures(prev), required, allowed, rules.regimeFor(year), rules.barometerFor(year));
    const rated = rating.intensity.level !== null || rating.total.level !== null;
    return { regionCode: r.code, name: r.name, kind: r.kind, rating: rated ? { ...rating, overall: worst(rating.intensity.level, rating.total.level) } : null, notRated: rated ? null : ('no-data' as const) };
  });
  return { year, quarter, rules: barometer ? { name: (barometer.value as BarometerRulesValue).name, source: barometer.source, colours: (barometer.value as BarometerRulesValue).colours } : null, regions: rows };
}

const worst = (...levels: Array<1 | 2 | 3 | null>) => {
  const rated = levels.filter((l): l is 1 | 2 | 3 => l !== null);
  return rated.length ? (Math.min(...rated) as 1 | 2 | 3) : null;
};

/** One region's evaluated years (for its trend charts), with its recorded target adjustments. */
export async function evaluateRegionSeries(ctx: Ctx, regionCode: string) {
  if (!canReadRegion(ctx.actor, regionCode)) throw new AppError('forbidden', '无权查看该地区');
  const input = (await regionInputs(ctx.db, regionCode)).get(regionCode);
  if (!input) throw new AppError('not-found', `${regionCode} 尚未设定能耗强度目标`);
  const { rules } = await rulesOf(ctx.db);
  const { rows, errors } = evaluateRegions([input], rules);
  if (errors.length) throw new AppError('validation', errors[0]!.message, { field: errors[0]!.path });
  // The base year starts every chart: its figures under the first evaluated year's rules (as the comparisons use them).
  const b = input.accounts.find((a) => a.year === input.baseYear);
  const regime = rules.regimeFor(input.baseYear + 1);
  const baseAssessed = b && assessedEnergy(b, b, [b], regime);
  const base = b && baseAssessed ? { year: b.year, energy: b.energy, gdpComparable: b.gdpCurrent, assessedForIntensity: round6(baseAssessed.forIntensity), assessedTotal: round6(baseAssessed.total), intensity: b.gdpCurrent ? round6(baseAssessed.forIntensity / b.gdpCurrent) : null } : null;
  return { base, rows, adjustments: await repo.listAdjustments(ctx.db, regionCode) };
}

/**
 * After an annual account is approved: where actual growth moved a year's total target (upward, energy.md §2),
 * record the new target with its reason, once per change.
 */
export async function recordTargetAdjustments(tx: Db, ctx: AuditCtx, regionCode: string, accountId: number): Promise<void> {
  const input = (await regionInputs(tx, regionCode)).get(regionCode);
  if (!input) return;
  const { rules } = await rulesOf(tx);
  let years;
  try {
    years = evaluateRegion(input.accounts, targetsOf(input), rules);
  } catch {
    return; // incomplete chain (e.g. no base year yet): nothing to adjust
  }
  for (const y of years) {
    if (!y.totalTarget?.isAdjusted) continue;
    const adjusted = round6(y.totalTarget.adjusted);
    const last = await repo.latestAdjustment(tx, regionCode, y.year);
    if (last && round6(last.adjusted) === adjusted) continue;
    const reason = `地区生产总值实际增速高于预期：按实际累计增长指数重算 ${y.year} 年能源消费总量目标（${round6(y.totalTarget.planned)} → ${adjusted} 万吨标准煤）`;
    await repo.insertAdjustment(tx, { regionCode, year: y.year, planned: round6(y.totalTarget.planned), adjusted, reason, accountId, at: ctx.now });
    await recordAudit(tx, ctx, { action: 'adjustEnergyTarget', entity: 'energy_target_adjustment', entityId: `${regionCode}:${y.year}`, before: last, after: { adjusted, reason } });
  }
}

/** What-if for a county and year: the most energy that stays green, and the levels of a planned consumption. */
export async function whatIf(ctx: Ctx, q: { regionCode: string; year: number; gdpGrowth: number; plannedEnergy: number | null }) {
  if (!canReadRegion(ctx.actor, q.regionCode)) throw new AppError('forbidden', '无权查看该地区');
  const input = (await regionInputs(ctx.db, q.regionCode)).get(q.regionCode);
  if (!input) throw new AppError('not-found', `${q.regionCode} 尚未设定能耗强度目标`);
  const { rules } = await rulesOf(ctx.db);
  const accounts = input.accounts.filter((a) => a.year < q.year);
  const targets = targetsOf(input);
  const bound = maxEnergyToStayGreen(accounts, targets, rules, { year: q.year, gdpGrowth: q.gdpGrowth });
  const plan = q.plannedEnergy === null ? null : evaluatePlan(accounts, targets, rules, { year: q.year, gdpGrowth: q.gdpGrowth }, q.plannedEnergy);
  return {
    regionCode: q.regionCode,
    year: q.year,
    gdpGrowth: q.gdpGrowth,
    maxEnergy: round6(bound.maxEnergy),
    binding: bound.binding,
    intensityBound: round6(bound.intensityBound),
    totalBound: round6(bound.totalBound),
    incentiveBound: bound.incentiveBound === null ? null : round6(bound.incentiveBound),
    requiredReduction: round6(bound.requiredReduction),
    planned: plan && { energy: q.plannedEnergy, intensity: plan.barometer.intensity.level, total: plan.barometer.total.level, exempt: plan.exemptFromTotal, annualReduction: round6(plan.annualReduction ?? 0) },
    today: beijingDate(ctx.now),
  };
}

/** The steering office sets a region's basic and incentive targets and its annual targets, audited. */
export async function setTarget(ctx: Ctx, regionCode: string, body: { baseYear: number; years: number; basic: number; incentive: number | null; source: string; annual: Array<{ year: number; intensityReduction: number | null; plannedGdpGrowth: number | null }> }) {
  const region = await orgRepo.findRegion(ctx.db, regionCode);
  if (!region) throw new AppError('not-found', `行政区划 ${regionCode} 不存在`);
  if (body.incentive !== null && body.incentive < body.basic) throw new AppError('validation', `激励目标 ${body.incentive} 不应低于基本目标 ${body.basic}`, { pointer: '#/incentive', field: 'incentive' });
  const last = body.baseYear + body.years;
  body.annual.forEach((a, i) => {
    if (a.year <= body.baseYear || a.year > last) throw new AppError('validation', `年度目标的年份须在 ${body.baseYear + 1}–${last} 年`, { pointer: `#/annual/${i}/year`, field: `annual.${i}.year` });
  });
  return ctx.db.transaction(async (tx) => {
    const before = { targets: (await repo.listTargets(tx)).filter((t) => t.regionCode === regionCode), annual: (await repo.listAnnualTargets(tx)).filter((a) => a.regionCode === regionCode) };
    await repo.upsertTarget(tx, { regionCode, baseYear: body.baseYear, years: body.years, basic: body.basic, incentive: body.incentive, source: body.source, updatedAt: ctx.now });
    await repo.replaceAnnualTargets(tx, regionCode, body.annual.map((a) => ({ regionCode, ...a, updatedAt: ctx.now })));
    await recordAudit(tx, ctx, { action: 'setEnergyTarget', entity: 'energy_target', entityId: regionCode, before, after: body });
    return { regionCode, ...body, updatedAt: ctx.now };
  });
}

export async function listTargets(ctx: Ctx) {
  const annual = await repo.listAnnualTargets(ctx.db);
  return (await repo.listTargets(ctx.db))
    .filter((t) => canReadRegion(ctx.actor, t.regionCode))
    .map((t) => ({
      regionCode: t.regionCode,
      baseYear: t.baseYear,
      years: t.years,
      basic: t.basic,
      incentive: t.incentive,
      source: t.source,
      updatedAt: t.updatedAt,
      annual: annual.filter((a) => a.regionCode === t.regionCode).map((a) => ({ year: a.year, intensityReduction: a.intensityReduction, plannedGdpGrowth: a.plannedGdpGrowth })),
    }));
}

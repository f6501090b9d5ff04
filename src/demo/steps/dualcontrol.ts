import { reviewAccount, submitAccount } from '../../modules/dualcontrol/accounts.service';
import { setTarget } from '../../modules/dualcontrol/evaluation.service';
import { AccountBody } from '../../modules/dualcontrol/schemas';
import type { Rng } from '../random';
import { beijing, type DemoCtx, type DemoUser } from '../context';

/**
 * Each region's 2020 base year: GDP (亿元, current prices) and energy intensity (tce per 万元), so energy in 万tce is
 * gdp × intensity. Rounded public orders of magnitude for a demo, NOT official figures: the big districts (章贡,
 * 南康, 赣县) and the development zone are large, 石城/全南/安远 small; the tungsten and rare-earth counties (大余,
 * 崇义, 赣县, 龙南) are more energy-intensive. The city's sum comes to ≈ 3,700 亿元 and ≈ 1,550 万tce in 2020.
 */
const BASE_2020: Record<string, { gdp: number; intensity: number; feedstock: number }> = {
  '360702': { gdp: 560, intensity: 0.323, feedstock: 0.005 },
  '360703': { gdp: 420, intensity: 0.357, feedstock: 0.005 },
  '360704': { gdp: 260, intensity: 0.527, feedstock: 0.06 },
  '360722': { gdp: 240, intensity: 0.425, feedstock: 0.01 },
  '360723': { gdp: 120, intensity: 0.595, feedstock: 0.05 },
  '360724': { gdp: 105, intensity: 0.383, feedstock: 0 },
  '360725': { gdp: 95, intensity: 0.51, feedstock: 0.04 },
  '360726': { gdp: 95, intensity: 0.34, feedstock: 0 },
  '360728': { gdp: 100, intensity: 0.468, feedstock: 0.03 },
  '360729': { gdp: 80, intensity: 0.425, feedstock: 0.02 },
  '360730': { gdp: 200, intensity: 0.34, feedstock: 0 },
  '360731': { gdp: 300, intensity: 0.383, feedstock: 0.005 },
  '360732': { gdp: 200, intensity: 0.468, feedstock: 0.01 },
  '360733': { gdp: 140, intensity: 0.51, feedstock: 0.03 },
  '360734': { gdp: 110, intensity: 0.383, feedstock: 0.02 },
  '360735': { gdp: 80, intensity: 0.34, feedstock: 0 },
  '360781': { gdp: 230, intensity: 0.468, feedstock: 0.01 },
  '360783': { gdp: 190, intensity: 0.51, feedstock: 0.05 },
  GZJKQ: { gdp: 300, intensity: 0.468, feedstock: 0.03 },
  GZRJXQ: { gdp: 70, intensity: 0.297, feedstock: 0 },
};
const FALLBACK = { gdp: 120, intensity: 0.425, feedstock: 0.01 };

const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
/** Real GDP growth of the city by year (the 2021 rebound, then slower), each county drawn around it. Demo figures. */
const CITY_GROWTH: Record<number, number> = { 2021: 0.092, 2022: 0.045, 2023: 0.042, 2024: 0.05, 2025: 0.052 };
/** 地区生产总值增速目标 for the total-consumption target (set at the plan's start; actual growth falls below it after 2021). */
const PLANNED_GROWTH: Record<number, number> = { 2021: 0.08, 2022: 0.075, 2023: 0.07, 2024: 0.065, 2025: 0.06 };
/** The year's required intensity reduction (年度目标), about the 12.5 % five-year target's average of ≈2.6 %. */
const ANNUAL_REDUCTION: Record<number, number> = { 2021: 0.025, 2022: 0.026, 2023: 0.027, 2024: 0.027, 2025: 0.028 };
/** How a year went for everyone: 2021's energy surge (the 629号 warnings year), better years after. */
const YEAR_SHIFT: Record<number, number> = { 2021: -0.018, 2022: 0.004, 2023: -0.004, 2024: 0, 2025: 0.002 };
/** A county's tendency: the annual intensity reduction it achieves in an ordinary year. */
const TENDENCY = { leading: 0.038, average: 0.027, lagging: 0.005 } as const;
type Tendency = keyof typeof TENDENCY;
/** Year-to-date share of the year's energy and coal by quarter end (a little below linear in Q1: Spring Festival). */
const YTD_SHARE: Record<string, number> = { M03: 0.235, M06: 0.485, M09: 0.74 };

type Figures = Omit<AccountBody, 'regionCode' | 'periodKey' | 'note' | 'correctionReason'>;
type YearFigures = Figures & { year: number };

const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * A region's annual accounts 2020–2025 (pure, from its base, tendency and draws). The intensity basis (energy less
 * feedstock and listed projects; less non-fossil energy too from 2024, 113号) falls each year by the tendency plus
 * the year's shift and noise, so a lagging county's intensity sometimes rises (red) and a leading one beats its target.
 */
export function regionAccounts(base: { gdp: number; intensity: number; feedstock: number }, tendency: Tendency, rng: Rng, listedFrom: number | null): YearFigures[] {
  const energy0 = base.gdp * base.intensity;
  const nonFossilShare0 = rng.float(0.1, 0.16, 3);
  const coalShare0 = rng.float(0.45, 0.65, 3);
  const mk = (year: number, energy: number, nfShare: number, listed: number, extra: Partial<Figures>): YearFigures => {
    const nonFossil = r2(energy * nfShare);
    return {
      year,
      gdpCurrent: null,
      gdpGrowth: null,
      energy: r2(energy),
      coal: r2(energy * Math.max(0.25, coalShare0 - 0.02 * (year - 2020))),
      nonFossil,
      // 1 亿kWh ≈ 3 万tce at 0.300 kgce/kWh: most non-fossil energy here is hydro, PV and wind electricity.
      renewableElectricity: r2((nonFossil * 0.9) / 3),
      feedstock: r2(energy * base.feedstock),
      listedProjects: r2(listed),
      ...extra,
    };
  };
  const out: YearFigures[] = [mk(2020, energy0, nonFossilShare0, 0, { gdpCurrent: base.gdp })];
  for (const year of YEARS) {
    const prev = out.at(-1)!;
    const growth = r4(CITY_GROWTH[year]! + rng.float(-0.015, 0.015, 4));
    const reduction = TENDENCY[tendency] + YEAR_SHIFT[year]! + rng.float(-0.012, 0.012, 4);
    const nfShare = nonFossilShare0 + 0.008 * (year - 2020);
    // A national major project (能耗单列) in one region from its year on, 3 % of the region's energy.
    const listed = listedFrom !== null && year >= listedFrom ? energy0 * 0.03 : 0;
    const deductNonFossil = year >= 2024; // 113号 from data year 2024: both years compared without non-fossil energy
    const prevBasis = prev.energy - prev.feedstock - prev.listedProjects - (deductNonFossil ? prev.nonFossil : 0);
    const basis = prevBasis * (1 + growth) * (1 - reduction);
    // energy = basis + feedstock + listed (+ non-fossil), with feedstock and non-fossil as shares of the energy itself.
    const energy = (basis + listed) / (1 - base.feedstock - (deductNonFossil ? nfShare : 0));
    out.push(mk(year, energy, nfShare, listed, { gdpGrowth: growth }));
  }
  return out;
}

/** The year to date to a quarter's end, from the year's account (pure): a share of the year, growth near the year's. */
export function ytdFigures(y: YearFigures, month: keyof typeof YTD_SHARE, rng: Rng): Figures {
  const share = YTD_SHARE[month]! * (1 + rng.float(-0.015, 0.015, 4));
  const scale = (x: number) => r2(x * share);
  return {
    gdpCurrent: null,
    gdpGrowth: y.gdpGrowth === null ? null : r4(y.gdpGrowth + rng.float(-0.008, 0.008, 4)),
    energy: scale(y.energy),
    coal: y.coal === null ? null : scale(y.coal),
    nonFossil: scale(y.nonFossil),
    renewableElectricity: scale(y.renewableElectricity),
    feedstock: scale(y.feedstock),
    listedProjects: scale(y.listedProjects),
  };
}

/**
 * 能耗双控: targets for every region and the city, then each region's annual energy accounts 2020–2025 and its
 * year-to-date accounts by quarter, submitted by the county and approved by the steering office: a few returned
 * and resubmitted, one corrected after approval (the statistics yearbook revised it), the latest one or two still
 * waiting for review. Counties differ (leading, average, lagging), so the barometer shows green, yellow and red.
 */
export async function generateDualControl(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('dualcontrol');
  const steering = ctx.city.user('steering');
  const admin = ctx.city.user('admin');
  const regions = ctx.city.regions;
  const cityCode = '360700';
  const before = (at: string) => beijing(at) < ctx.asOf;

  // Who leads and who lags: drawn once per seed, a few of each.
  const order = rng.sample(regions.map((r) => r.code), regions.length);
  const tendencyOf = new Map<string, Tendency>(order.map((code, i) => [code, i < 6 ? 'leading' : i < 10 ? 'lagging' : 'average']));
  const listedRegion = order[regions.length - 1]!; // the region with a national major project listed separately

  // Targets: basic (约束性) and incentive (激励) five-year intensity reductions, annual targets and the GDP plan.
  const annual = YEARS.map((year) => ({ year, intensityReduction: ANNUAL_REDUCTION[year]!, plannedGdpGrowth: PLANNED_GROWTH[year]! }));
  const targetSource = '演示数据：按“十四五”节能减排综合工作方案分解的示意目标（非正式数据）';
  // The city's are the plan's own (下降 12.5 %，力争 13 %); the counties' are a demo split around them.
  await setTarget(ctx.as(steering, '2021-06-18T10:00:00'), cityCode, { baseYear: 2020, years: 5, basic: 0.125, incentive: 0.13, source: targetSource, annual });
  for (const r of regions) {
    const basic = r.kind === 'zone' ? 0.135 : rng.pick([0.115, 0.12, 0.125, 0.125, 0.13]);
    await setTarget(ctx.as(steering, '2021-06-18T10:30:00'), r.code, { baseYear: 2020, years: 5, basic, incentive: r4(basic + 0.02), source: targetSource, annual });
  }

  // Accounts, region by region (each from its own figures); the city's own is the counties' sum with a small gap.
  const byRegion = new Map<string, YearFigures[]>();
  for (const r of regions) byRegion.set(r.code, regionAccounts(BASE_2020[r.code] ?? FALLBACK, tendencyOf.get(r.code)!, rng, r.code === listedRegion ? 2023 : null));

  // The stories: two returned and resubmitted, one corrected after approval, the last year's of one still pending.
  const returned = new Set([`${order[7]}:2022`, `${order[12]}:2024`]);
  const corrected = `${order[3]}:2023`;
  const pending = `${order[15]}:2025`;

  // Year-to-date accounts: a quarter is rated against the same quarter of the year before, so each size's first YTD
  // year only serves as the comparison (small: 2025's quarters rated; standard: 2023–2025; large: all).
  const withYtd = { small: [2024, 2025], standard: [2022, 2023, 2024, 2025], large: [2020, 2021, 2022, 2023, 2024, 2025] }[ctx.size.name];
  let submitted = 0;
  let approved = 0;
  const submit = async (who: DemoUser, at: string, body: AccountBody) => {
    submitted++;
    return submitAccount(ctx.as(who, at), body);
  };
  const approve = async (id: number, at: string, comment: string | null = null, by: DemoUser = steering) => {
    approved++;
    return reviewAccount(ctx.as(by, at), id, 'approve', comment);
  };

  for (const year of [2020, ...YEARS]) {
    // Year-to-date accounts by quarter: due about 20 days after the quarter, approved a week later.
    if (withYtd.includes(year)) {
      for (const [i, month] of (['M03', 'M06', 'M09'] as const).entries()) {
        const mm = String((i + 1) * 3 + 1).padStart(2, '0');
        for (const r of regions) {
          const day = String(rng.int(15, 25)).padStart(2, '0');
          const at = `${year}-${mm}-${day}T10:00:00`;
          if (!before(at)) continue;
          const y = byRegion.get(r.code)!.find((f) => f.year === year)!;
          const body = AccountBody.parse({ regionCode: r.code, periodKey: `${year}-${month}`, ...ytdFigures(y, month, rng), note: '演示数据：季度累计' });
          const row = await submit(ctx.city.user('county', r.code), at, body);
          const review = `${year}-${mm}-${String(Math.min(28, Number(day) + 3)).padStart(2, '0')}T16:00:00`;
          if (before(review)) await approve(row.id, review);
        }
      }
    }
    // The annual account: in March of the next year, once the statistics bureau has the year's figures.
    for (const r of regions) {
      const key = `${r.code}:${year}`;
      const county = ctx.city.user('county', r.code);
      const y = byRegion.get(r.code)!.find((f) => f.year === year)!;
      const { year: _y, ...figures } = y;
      const at = `${year + 1}-03-${String(rng.int(5, 25)).padStart(2, '0')}T09:30:00`;
      if (!before(at)) continue;
      const body = AccountBody.parse({ regionCode: r.code, periodKey: String(year), ...figures, note: `演示数据：${year} 年能源消费统计` });
      const reviewAt = `${year + 1}-04-0${rng.int(1, 9)}T15:00:00`;
      if (returned.has(key)) {
        // First filed without the feedstock deduction; returned, then filed again with it.
        const first = await submit(county, at, { ...body, feedstock: 0, note: `${body.note}（初报）` });
        if (!before(reviewAt)) continue;
        await reviewAccount(ctx.as(steering, reviewAt), first.id, 'return', '原料用能未单列扣除，请按统计局能源平衡表补报原料用能后重新报送。');
        const again = `${year + 1}-04-1${rng.int(2, 8)}T10:00:00`;
        if (!before(again)) continue;
        const second = await submit(county, again, body);
        const ok = `${year + 1}-04-2${rng.int(2, 8)}T11:00:00`;
        if (before(ok)) await approve(second.id, ok, '已核对原料用能，同意。');
        continue;
      }
      const row = await submit(county, at, body);
      if (key === pending || !before(reviewAt)) continue;
      await approve(row.id, reviewAt);
      if (key === corrected) {
        // The statistics yearbook revised the year's energy use: corrected with a reason, approved again.
        const fix = `${year + 1}-09-1${rng.int(0, 8)}T10:00:00`;
        if (!before(fix)) continue;
        const revised = { ...body, energy: r2(body.energy * 1.012), coal: body.coal === null ? null : r2(body.coal * 1.015), correctionReason: `据《赣州统计年鉴》${year + 1}（演示）修订能源消费总量` };
        const fixed = await submit(county, fix, AccountBody.parse(revised));
        const ok = `${year + 1}-09-2${rng.int(0, 8)}T16:00:00`;
        if (before(ok)) await approve(fixed.id, ok, '按年鉴修订数核准。');
      }
    }
    // The city's own account (the statistics bureau's, entered by the steering office, approved by the admin): the
    // counties' sum with a gap of −1 % to +2 %, as a city balance and the sum of county balances never agree exactly.
    const cityAt = `${year + 1}-03-28T10:00:00`;
    if (!before(cityAt)) continue;
    const sum = (f: (y: YearFigures) => number) => r2(regions.reduce((s, r) => s + f(byRegion.get(r.code)!.find((x) => x.year === year)!), 0));
    const gap = 1 + rng.float(-0.01, 0.02, 4);
    const cityFigures: Figures = {
      gdpCurrent: year === 2020 ? 3_700 : null,
      gdpGrowth: year === 2020 ? null : r4(CITY_GROWTH[year]!),
      energy: r2(sum((y) => y.energy) * gap),
      coal: r2(sum((y) => y.coal ?? 0) * gap),
      nonFossil: sum((y) => y.nonFossil),
      renewableElectricity: sum((y) => y.renewableElectricity),
      feedstock: sum((y) => y.feedstock),
      listedProjects: sum((y) => y.listedProjects),
    };
    const cityRow = await submit(steering, cityAt, AccountBody.parse({ regionCode: cityCode, periodKey: String(year), ...cityFigures, note: `演示数据：全市 ${year} 年能源消费（市统计局口径）` }));
    const cityOk = `${year + 1}-04-10T10:00:00`;
    if (before(cityOk)) await approve(cityRow.id, cityOk, null, admin);
  }
  ctx.log(`能耗双控：${regions.length + 1} 个地区的目标，${submitted} 次报送，${approved} 次核准（${[...tendencyOf.values()].filter((t) => t === 'lagging').length} 个地区进度滞后）`);
}

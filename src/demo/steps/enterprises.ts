import type { ReportBody } from '../../modules/enterprises/schemas';
import { reviewReport, submitReport } from '../../modules/enterprises/service';
import { setProductEfficiency } from '../../modules/enterprises/efficiency.service';
import { saveProject } from '../../modules/enterprises/projects.service';
import { ProjectBody } from '../../modules/enterprises/schemas';
import type { DemoCtx, DemoEnterprise } from '../context';
import type { Rng } from '../random';
import { DEMO_LABEL } from '../ids';
import { industryOf } from './org';

/** The years every key energy unit reports on (GB/T 2589-2020 is in force from 2021). */
export const REPORT_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/**
 * How an industry's energy splits over carriers (share of tce, 当量值) and how each is reported. Rounded, typical
 * shapes for a demo (a cement plant burns coal, an electronics plant buys power), not any real unit's figures.
 */
type CarrierShare = { carrier: string; unit: 't' | '万kWh' | '万m3'; share: number; kgcePerBase: number; perReportUnit: number };
const C = {
  electricity: (share: number): CarrierShare => ({ carrier: 'electricity', unit: '万kWh', share, kgcePerBase: 0.1229, perReportUnit: 10_000 }),
  coal: (share: number): CarrierShare => ({ carrier: 'raw-coal', unit: 't', share, kgcePerBase: 0.7143, perReportUnit: 1000 }),
  gas: (share: number): CarrierShare => ({ carrier: 'natural-gas', unit: '万m3', share, kgcePerBase: 1.2143, perReportUnit: 10_000 }),
  diesel: (share: number): CarrierShare => ({ carrier: 'diesel', unit: 't', share, kgcePerBase: 1.4571, perReportUnit: 1000 }),
  steam: (share: number): CarrierShare => ({ carrier: 'steam-low-pressure', unit: 't', share, kgcePerBase: 0.1286, perReportUnit: 1000 }),
};
const CARRIER_MIX: Record<string, CarrierShare[]> = {
  '3232': [C.electricity(0.5), C.gas(0.45), C.diesel(0.05)],
  '3231': [C.electricity(0.55), C.gas(0.35), C.diesel(0.1)],
  '3011': [C.coal(0.8), C.electricity(0.18), C.diesel(0.02)],
  '4411': [C.coal(0.97), C.electricity(0.02), C.diesel(0.01)],
  '2110': [C.electricity(0.7), C.gas(0.2), C.diesel(0.1)],
  '3982': [C.electricity(0.85), C.gas(0.15)],
  '1713': [C.steam(0.45), C.electricity(0.35), C.gas(0.2)],
  '2221': [C.coal(0.6), C.electricity(0.3), C.gas(0.1)],
  '2710': [C.electricity(0.4), C.steam(0.4), C.gas(0.2)],
  '3041': [C.gas(0.75), C.electricity(0.2), C.diesel(0.05)],
  '4620': [C.electricity(0.97), C.diesel(0.03)],
};
export const carrierMixOf = (industryCode: string): CarrierShare[] => CARRIER_MIX[industryCode] ?? [C.electricity(1)];

/** The main product an industry reports (output per tce, rounded orders of magnitude for a demo). */
const PRODUCTS: Record<string, { product: string; unit: string; perTce: number }> = {
  '3232': { product: '稀土氧化物', unit: 't', perTce: 0.25 },
  '3231': { product: '仲钨酸铵', unit: 't', perTce: 0.4 },
  '3011': { product: '水泥熟料', unit: 't', perTce: 9 },
  '4411': { product: '发电量', unit: '万kWh', perTce: 0.32 },
  '2110': { product: '木质家具', unit: '件', perTce: 60 },
  '3982': { product: '印制电路板', unit: 'm²', perTce: 80 },
  '1713': { product: '印染布', unit: '万m', perTce: 0.12 },
  '2221': { product: '机制纸', unit: 't', perTce: 2.2 },
  '2710': { product: '原料药', unit: 't', perTce: 0.15 },
  '3041': { product: '平板玻璃', unit: '重量箱', perTce: 60 },
  '4620': { product: '污水处理量', unit: '万t', perTce: 3 },
};

/** Product lines against the efficiency benchmarks, for the industries the catalogue has (水泥熟料, 平板玻璃). */
const BENCHMARKED: Record<string, { code: string; capacityUnit: string; capacity: [number, number]; benchmark: number; baseline: number }> = {
  '3011': { code: 'cement-clinker', capacityUnit: '万t/a', capacity: [60, 300], benchmark: 100, baseline: 117 },
  '3041': { code: 'flat-glass-800', capacityUnit: 't/d', capacity: [600, 1200], benchmark: 8, baseline: 12 },
};

/** What happens to a unit's report of one year: filed and approved, returned first, corrected later, or still open. */
type Story = 'approved' | 'returned-then-approved' | 'city-returned-then-approved' | 'corrected' | 'not-filed' | 'awaiting-county' | 'awaiting-city' | 'returned-open';

/** Earlier years: about three in four approved at once, one in seven returned by the county, a few by the city, a few corrected later. */
const EARLIER_YEAR_STORIES: Story[] = [
  ...Array<Story>(15).fill('approved'),
  ...Array<Story>(3).fill('returned-then-approved'),
  'city-returned-then-approved',
  'corrected',
];

const COUNTY_RETURNS = [
  '电力消费量与供电公司结算数据不符，请核实后重报。',
  '天然气消费量单位有误（应为万立方米），请更正。',
  '产品产量与统计年报不一致，请补充说明。',
  '缺少节能改造项目的投资和节能量，请补充。',
];
const CITY_RETURNS = ['综合能耗较上年变化较大，变化原因说明不充分，请补充。', '原煤低位发热量未附检测报告，请补充或改用默认系数。'];

const day = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
const at = (iso: string, rng: Rng, from: number, to: number) => {
  const d = day(new Date(`${iso}T00:00:00+08:00`), rng.int(from, to));
  return new Date(d.getTime() + rng.int(9 * 60, 17 * 60) * 60_000);
};

/** A unit's annual report body for a year: its tce split over the industry's carriers, in physical units. */
export function reportBody(e: Pick<DemoEnterprise, 'industryCode'>, year: number, tce: number, rng: Rng): ReportBody {
  const lines = carrierMixOf(e.industryCode).map((c) => {
    const base = (tce * c.share * rng.around(1, 0.03) * 1000) / c.kgcePerBase;
    return { carrier: c.carrier, quantity: Math.round((base / c.perReportUnit) * 100) / 100, unit: c.unit, measuredLhvKj: null };
  });
  const p = PRODUCTS[e.industryCode];
  const products = p ? [{ product: p.product, output: Math.round(tce * p.perTce * rng.around(1, 0.05)), unit: p.unit, energyTce: Math.round(tce * 0.82) }] : [];
  const savingProjects = rng.chance(0.35)
    ? [{ name: rng.pick(['电机系统变频改造', '余热回收利用', '空压机群控改造', '照明LED改造', '窑炉保温改造']), investment: rng.int(50, 1500), savingTce: Math.round(tce * rng.float(0.005, 0.03)), status: rng.pick(['planned', 'in-progress', 'completed'] as const) }]
    : [];
  return { year, lines, products, savingProjects, changeReason: null, correctionReason: null };
}

/**
 * 重点用能单位 (issue #12): every key energy unit files its annual energy reports for 2021–2025, reviewed by its
 * county and then the city; most are approved, some returned and corrected, some late, and for 2025 a few not filed
 * or still in review. Cement and glass units report product lines against the benchmarks (some below the baseline),
 * and each county has a share of the 两高一低 project inventory, some built without an approved energy review.
 */
export async function generateEnterpriseEnergy(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('enterprises');
  const units = ctx.city.enterprises.filter((e) => e.isKeyEnergyUnit);
  const city = ctx.city.user('steering');
  const counts = { reports: 0, lines: 0, projects: 0 };

  // The stories of the latest year, spread so every status shows even in the small demo.
  const latest = new Map<number, Story>();
  const order = rng.sample(units, units.length);
  const quota: Array<[Story, number]> = [
    ['not-filed', 0.08],
    ['awaiting-county', 0.08],
    ['awaiting-city', 0.06],
    ['returned-open', 0.05],
  ];
  let k = 0;
  for (const [story, share] of quota) for (let i = 0; i < Math.max(1, Math.round(units.length * share)) && k < order.length; i++) latest.set(order[k++]!.id, story);
  const jumpUnit = order[k]?.id; // one unit expanded in 2023 (+40 %), with the reason the check asks for

  for (const e of units) {
    const industry = industryOf(e);
    const owner = ctx.city.user('enterprise', e.id);
    const county = ctx.city.user('county', e.regionCode);
    // Log-uniform over the industry's range: most units small, a few large.
    const [lo, hi] = industry.tce;
    let tce = Math.round(Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo))));
    const trend = rng.float(-0.05, 0.08, 3);
    for (const year of REPORT_YEARS) {
      if (year > REPORT_YEARS[0]) tce = Math.round(tce * (1 + trend + rng.float(-0.03, 0.03, 3)) * (year === 2023 && e.id === jumpUnit ? 1.4 : 1));
      const story: Story =
        year === 2025 && latest.has(e.id)
          ? latest.get(e.id)!
          : rng.pick(EARLIER_YEAR_STORIES);
      if (story === 'not-filed') continue;
      const body = reportBody(e, year, tce, rng);
      if (year === 2023 && e.id === jumpUnit) body.changeReason = '新建生产线于2023年投产，产能扩大约四成，综合能耗相应增加。';
      // Due by the end of March; about one in eight is filed late (April or May).
      const late = rng.chance(0.12);
      let when = late ? at(`${year + 1}-04-01`, rng, 3, 50) : at(`${year + 1}-02-10`, rng, 0, 46);
      // Nothing happens after the demo's today: a step that would fall later is left undone (still open).
      const future = (t: Date) => t.getTime() > ctx.asOf.getTime();
      if (future(when)) continue;
      let report = await submitReport(ctx.as(owner, when), e.id, body);
      counts.reports++;
      counts.lines += body.lines.length;
      if (story === 'awaiting-county') continue;
      const returnedBy = story === 'returned-then-approved' || story === 'returned-open' ? 'county' : story === 'city-returned-then-approved' ? 'city' : null;
      when = day(when, rng.int(3, 15));
      if (future(when)) continue;
      if (returnedBy === 'county') {
        await reviewReport(ctx.as(county, when), report.id, 'return', rng.pick(COUNTY_RETURNS));
        if (story === 'returned-open') continue;
        when = day(when, rng.int(3, 12));
        report = await submitReport(ctx.as(owner, when), e.id, { ...body, lines: body.lines.map((l) => ({ ...l, quantity: Math.round(l.quantity * rng.around(1, 0.01) * 100) / 100 })) });
        counts.reports++;
        when = day(when, rng.int(2, 8));
        if (future(when)) continue;
      }
      await reviewReport(ctx.as(county, when), report.id, 'approve', null);
      if (story === 'awaiting-city') continue;
      when = day(when, rng.int(3, 14));
      if (future(when)) continue;
      if (returnedBy === 'city') {
        await reviewReport(ctx.as(city, when), report.id, 'return', rng.pick(CITY_RETURNS));
        when = day(when, rng.int(4, 12));
        report = await submitReport(ctx.as(owner, when), e.id, { ...body, changeReason: body.changeReason ?? '已补充说明：产量变化及节能改造情况详见附件。' });
        counts.reports++;
        when = day(when, rng.int(2, 6));
        await reviewReport(ctx.as(county, when), report.id, 'approve', null);
        when = day(when, rng.int(3, 10));
      }
      await reviewReport(ctx.as(city, when), report.id, 'approve', null);
      if (story === 'corrected') {
        // Months later the unit finds an error (a supplier's corrected invoice) and files a correction with a reason.
        when = day(when, rng.int(60, 150));
        if (future(day(when, 15))) continue;
        const fixed = { ...body, lines: body.lines.map((l, i) => (i === 0 ? { ...l, quantity: Math.round(l.quantity * 1.02 * 100) / 100 } : l)), correctionReason: '供能单位更正了12月结算数据，据此更正。' };
        report = await submitReport(ctx.as(owner, when), e.id, fixed);
        counts.reports++;
        await reviewReport(ctx.as(county, day(when, rng.int(2, 7))), report.id, 'approve', null);
        await reviewReport(ctx.as(city, day(when, rng.int(8, 15))), report.id, 'approve', null);
      }
    }
  }

  const lines = await generateProductLines(ctx, rng, units);
  counts.projects = await generateProjects(ctx, rng);
  ctx.log(`重点用能单位：${units.length} 家，${counts.reports} 份能源利用状况报告（${counts.lines} 行），${lines} 条产品能效，${counts.projects} 个两高一低项目`);
}

/** Cement and glass units' product lines for 2023–2025 (benchmarks apply from mid-2023); about one in four below the baseline. */
async function generateProductLines(ctx: DemoCtx, rng: Rng, units: DemoEnterprise[]): Promise<number> {
  let n = 0;
  const benchmarked = units.filter((e) => BENCHMARKED[e.industryCode]);
  for (const [i, e] of benchmarked.entries()) {
    const b = BENCHMARKED[e.industryCode]!;
    const owner = ctx.city.user('enterprise', e.id);
    const capacity = rng.int(b.capacity[0], b.capacity[1]);
    // The first one is below the baseline and the second at benchmark level in every demo; the others spread over
    // the three classes. Each improves a little year on year as it retrofits.
    const roll = rng.next();
    const level = i === 0 || (i > 1 && roll < 0.3) ? 'below' : i === 1 || roll < 0.65 ? 'benchmark' : 'between';
    const start = level === 'below' ? b.baseline * rng.float(1.03, 1.1) : level === 'benchmark' ? b.benchmark * rng.float(0.9, 0.99) : rng.float(b.benchmark * 1.05, b.baseline);
    for (const [j, year] of [2023, 2024, 2025].entries()) {
      const unitConsumption = Math.round(start * (1 - j * rng.float(0, 0.04)) * 100) / 100;
      await setProductEfficiency(ctx.as(owner, at(`${year + 1}-03-15`, rng, 0, 20)), e.id, { year, productCode: b.code, capacity, capacityUnit: b.capacityUnit, unitConsumption });
      n++;
    }
  }
  return n;
}

/**
 * 两高一低项目 (demo): each is a generated project in a county with an enterprise of the industry where there is one.
 * Stages, approvals and disposals cover every warning: some built or under construction without an approved energy
 * review (能评未批先建), one without its EIA, some awaiting a disposal decision.
 */
const PROJECT_TEMPLATES = [
  { industry: '水泥制造', name: '水泥熟料生产线技术改造项目', stage: 'built', energy: 'approved', eia: 'approved', disposal: 'keep', tce: 85_000 },
  { industry: '平板玻璃制造', name: '浮法玻璃生产线扩建项目', stage: 'under-construction', energy: 'pending', eia: 'approved', disposal: 'stop-construction', tce: 62_000 },
  { industry: '稀土金属冶炼', name: '稀土冶炼分离扩能项目', stage: 'built', energy: 'none', eia: 'approved', disposal: 'rectify', tce: 24_000 },
  { industry: '火力发电', name: '燃煤自备电厂项目', stage: 'planned', energy: 'pending', eia: 'pending', disposal: 'pending', tce: 320_000 },
  { industry: '钨钼冶炼', name: '钨冶炼技改项目', stage: 'built', energy: 'approved', eia: 'pending', disposal: 'rectify', tce: 18_000 },
  { industry: '机制纸及纸板制造', name: '高档包装纸生产线项目', stage: 'planned', energy: 'approved', eia: 'approved', disposal: 'keep', tce: 41_000 },
  { industry: '棉印染精加工', name: '印染定型机扩产项目', stage: 'built', energy: 'none', eia: 'none', disposal: 'pending', tce: 9_500 },
  { industry: '水泥制造', name: '立窑水泥生产线', stage: 'built', energy: 'approved', eia: 'approved', disposal: 'phase-out', tce: 30_000 },
] as const;

async function generateProjects(ctx: DemoCtx, rng: Rng): Promise<number> {
  let n = 0;
  const counties = ctx.city.regions;
  for (let round = 0; round < ctx.size.perRegion; round++) {
    for (const [i, t] of PROJECT_TEMPLATES.entries()) {
      const candidates = ctx.city.enterprises.filter((e) => e.industry === t.industry);
      const ent = candidates.length ? rng.pick(candidates) : null;
      const regionCode = ent?.regionCode ?? rng.pick(counties).code;
      const region = counties.find((r) => r.code === regionCode)!;
      const no = (kind: string) => `赣市${kind}〔${rng.int(2021, 2024)}〕${rng.int(10, 199)}号${DEMO_LABEL}`;
      const body = ProjectBody.parse({
        name: `${region.name.replace(/[区县市]$/, '')}${t.name}${DEMO_LABEL}`,
        enterpriseId: ent?.id ?? null,
        regionCode,
        industry: t.industry,
        stage: t.stage,
        annualEnergyTce: Math.round(t.tce * rng.around(1, 0.2)),
        annualEmissions: `CO₂ 约 ${Math.round((t.tce * 2.6) / 10_000)} 万吨/年（估算）`,
        energyReviewStatus: t.energy,
        energyReviewNo: t.energy === 'approved' ? no('发改能审') : null,
        eiaStatus: t.eia,
        eiaNo: t.eia === 'approved' ? no('环审') : null,
        finding: t.energy !== 'approved' && t.stage !== 'planned' ? '项目已开工建设，未取得节能审查意见（能评未批先建）。' : '',
        disposal: t.disposal,
        followUp: t.disposal === 'rectify' ? '限期补办节能审查手续，整改期间不得新增产能。' : t.disposal === 'phase-out' ? '列入落后产能淘汰计划。' : '',
      });
      const county = ctx.city.user('county', regionCode);
      const saved = await saveProject(ctx.as(county, at(`${2022 + ((i + round) % 4)}-03-01`, rng, 0, 200)), null, body);
      n++;
      // The city reviews some entries later and records its decision on the ones awaiting one.
      if (t.disposal === 'pending' && t.stage === 'built' && round === 0) {
        await saveProject(ctx.as(ctx.city.user('steering'), day(ctx.asOf, -rng.int(20, 60))), saved.id, { ...body, followUp: '市节能办已约谈企业，处置意见待定。' });
      }
    }
  }
  return n;
}

import { accountProject } from '../../domain/reduction/account';
import { beijingDate } from '../../domain/reporting/calendar';
import { EVIDENCE_BY_METHOD } from '../../domain/reduction/evidence';
import { MEASURE_TYPES, type MeasureType, type MethodId, POLLUTANTS, type ProjectStatus } from '../../domain/reduction/model';
import { countedPeriod, daysInYear } from '../../domain/reduction/period';
import { projectInput } from '../../modules/reduction/accounting';
import { getAllocations, setAllocations } from '../../modules/reduction/allocations.service';
import { reviewDispatch, submitDispatch } from '../../modules/reduction/dispatch.service';
import { attachProjectEvidence } from '../../modules/reduction/evidence.service';
import { createProject, registerProject } from '../../modules/reduction/projects.service';
import { bureauDepartmentIds, pollutantTargets, reductionRules } from '../../modules/reduction/reference';
import { DispatchBody, ProjectBody } from '../../modules/reduction/schemas';
import type { DemoCtx, DemoEnterprise, DemoRegion, DemoUser } from '../context';
import { DEMO_LABEL, demoUscc } from '../ids';
import type { Rng } from '../random';
import { industryOf } from './org';

/**
 * 重点工程减排 demo: every project type in every county (somewhere, at the small size), registered by the county, a mix of
 * stories (verified year after year, returned and corrected, awaiting verification, returned and left, late,
 * stopped, still planned or under construction, one draft), the bureau's verification, and the allocation of the
 * four targets split by the registered potential — so the progress view shows counties ahead and behind.
 */

const TYPES = Object.keys(MEASURE_TYPES) as MeasureType[];

/**
 * Relative size of a county's projects: rounded public orders of magnitude for a demo, not official figures
 * (章贡区/南康区/赣县区 large, 石城/全南/安远 small).
 */
const regionWeight = (r: DemoRegion) =>
  /章贡|南康|赣县/.test(r.name) ? 2.5 : /石城|全南|安远/.test(r.name) ? 0.4 : r.kind === 'zone' ? 0.8 : /瑞金|于都|兴国|宁都|信丰|龙南/.test(r.name) ? 1.4 : 1;

type Story = 'verified' | 'corrected' | 'pending' | 'returned' | 'late' | 'stopped' | 'trial' | 'completed' | 'construction' | 'planned' | 'draft';

const EVERY_STORY: Story[] = ['returned', 'late', 'stopped', 'pending', 'corrected', 'trial', 'completed', 'construction', 'planned', 'verified'];

/** A county doing well draws mostly verified projects; a county behind, more late and unfinished ones. */
function drawStory(rng: Rng, good: number): Story {
  if (rng.chance(0.55 * good)) return rng.pick(['verified', 'verified', 'verified', 'corrected', 'pending'] as const);
  return rng.pick(['returned', 'late', 'stopped', 'trial', 'completed', 'construction', 'planned', 'verified', 'pending'] as const);
}

/**
 * The method's full-year parameters for a project whose main pollutant is reduced by about `t` tonnes a year
 * (R is linear in the size parameter; the figures are typical of each kind of project, not measured ones).
 * `share` is the year's counted share for the cumulative (year-to-date) inputs.
 */
function paramsOf(method: MethodId, type: MeasureType, t: number, share: number, receivingPlant: string): Record<string, unknown> {
  const r = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
  switch (method) {
    case 'W1': {
      const [cin, cout] = type === 'black-odorous-water' ? [{ COD: 90, 'NH3-N': 12 }, { COD: 40, 'NH3-N': 5 }] : [{ COD: 180, 'NH3-N': 22 }, { COD: 30, 'NH3-N': 1.5 }];
      const perDay = t / 365 / ((cin.COD - cout.COD) * 1e-6); // m³/d
      return { q_p_m3: r(perDay * 365 * share), cin_p_mg_l: cin, cout_p_mg_l: cout, q0_m3_d: 0 };
    }
    case 'G1': {
      const e = t / 0.66; // e_p = 40 % of the 2020 intensity, activity +10 %
      const air = MEASURE_TYPES[type].medium === 'air';
      const e2020 = air ? (type === 'vocs-ldar-tank-loading' ? { VOCs: r(e, 2) } : { NOx: r(e, 2), VOCs: r(e * 0.3, 2) }) : { COD: r(e, 2), 'NH3-N': r(e * 0.08, 2) };
      const ep = Object.fromEntries(Object.entries(e2020).map(([k, v]) => [k, r(v * 0.4 * 1.1 * share, 3)]));
      return { a2020: 100_000, a_p: r(110_000 * share), e2020_t: e2020, e_p_t: ep };
    }
    case 'A1': {
      const v = t / (150 * 1e-9); // NOx 200 → 50 mg/Nm³
      const c = type === 'boiler-kiln-cems' ? [{ NOx: 200, VOCs: 60 }, { NOx: 50, VOCs: 20 }] : [{ NOx: 200 }, { NOx: 50 }];
      return { v_p_nm3: r(v * share), c0_mg_nm3: c[0], c_p_mg_nm3: c[1], missing_hours_share: 0.02 };
    }
    case 'A2':
      return { a_p: r((t / (2.94 * 0.4 * 1e-3)) * share), g_kg_per_unit: { NOx: 2.94 }, eta0: 0.3, eta_p: 0.7, factor_source: '排放源统计调查产排污核算方法和系数手册' };
    case 'A3': {
      const e = type === 'structure-closure' ? { COD: r(t, 2), 'NH3-N': r(t * 0.1, 2), NOx: r(t * 0.05, 2), VOCs: r(t * 0.04, 2) } : { NOx: r(t, 2) };
      return { e2020_t: e, e_sub_p_t: {} };
    }
    case 'A4':
      return { n_vehicles: Math.max(20, r(t / (30_000 * 7.6e-6))), l_km_per_year: 30_000, ef_old_g_km: { NOx: 8, VOCs: 1.2 }, ef_rep_g_km: { NOx: 0.4, VOCs: 0.1 }, vins: [] };
    case 'W4':
      return { n_head: r(t / (180 * 365 * 0.3e-6)), g_g_per_head_day: { COD: 180, 'NH3-N': 12 }, eta0: 0.6, eta_p: 0.9 };
    case 'W5':
      return { p_persons: r(t / (60 * 365 * 0.7e-6)), g_g_per_person_day: { COD: 60, 'NH3-N': 8 }, eta0: 0, eta_p: 0.7 };
    case 'V1': {
      const m = t / 0.4675;
      return { m0_t: r(m, 1), w0: 0.6, capture0: 0.3, removal0: 0.5, p0: 10_000, m_p_t: r(m * share, 1), w_p: 0.05, capture_p: 0.3, removal_p: 0.5, p_p: r(10_000 * share) };
    }
    case 'V2':
      return { g_p_t: r((t / 0.615) * share, 2), capture0: 0.3, removal0: 0.5, capture_p: 0.9, removal_p: 0.85 };
    case 'NET':
      return { receiving_plant: receivingPlant, km_built: r(t, 1) };
  }
}

const FACILITY: Record<MeasureType, string> = {
  'sewage-plant': '城北污水处理厂',
  'sewage-network': '城区污水管网',
  'black-odorous-water': '城区黑臭水体',
  'water-reuse': '再生水利用工程',
  'industrial-wastewater': '工业园区污水处理站',
  'landfill-leachate': '生活垃圾填埋场渗滤液处理站',
  'livestock-farm': '生猪养殖场',
  'rural-sewage': '乡镇农村生活污水处理设施',
  'rural-sewage-metered': '乡镇污水处理站',
  'ultra-low-emission-cems': '燃煤机组',
  'boiler-kiln-cems': '工业窑炉',
  'boiler-kiln-factor': '燃煤锅炉',
  'industrial-deep-treatment': '工业炉窑深度治理',
  'structure-closure': '落后产能',
  'coal-boiler-elimination': '燃煤小锅炉',
  'old-vehicle-elimination': '老旧柴油货车',
  'vocs-source-substitution': '涂装线',
  'vocs-end-of-pipe': '有机废气治理设施',
  'vocs-ldar-tank-loading': '储罐与装载设施',
};
const INDUSTRIAL = new Set<MeasureType>(['industrial-wastewater', 'ultra-low-emission-cems', 'boiler-kiln-cems', 'boiler-kiln-factor', 'industrial-deep-treatment', 'structure-closure', 'vocs-source-substitution', 'vocs-end-of-pipe', 'vocs-ldar-tank-loading']);
const STATUS_NOTE: Record<ProjectStatus, string> = {
  planned: '前期工作：可研与环评编制中',
  'under-construction': '主体工程施工中',
  completed: '主体工程完工，待调试',
  trial: '试运行，出水（气）指标逐步稳定',
  operating: '稳定运行',
  stopped: '已停运',
};

type Plan = {
  region: DemoRegion;
  type: MeasureType;
  story: Story;
  enterprise: DemoEnterprise | null;
  weight: number;
  /** Main pollutant's full-year tonnes (set once all projects are drawn, to add up to about the city targets). */
  tonnes: number;
  /** One of the early-stage projects that give the county every type (smaller, outside the targets' split). */
  extra: boolean;
  eventDate: string | null;
};

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const monthBefore = (asOf: string, back: number) => {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - back;
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${yy}-${pad(mm)}`;
};

export async function generateReduction(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('reduction');
  const { regions } = ctx.city;
  const rules = await reductionRules(ctx.db, '2025-12-31');
  const targets = await pollutantTargets(ctx.db, rules);
  const bureauIds = await bureauDepartmentIds(ctx.db, rules);
  const bureau: DemoUser = bureauIds.length ? ctx.city.user('department', bureauIds[0]!) : ctx.city.user('steering');
  const steering = ctx.city.user('steering');
  const asOfDay = beijingDate(ctx.asOf);

  // 1. Draw the projects (pure): each region gets 2 × perRegion with a story each, types cycling so that every type
  // appears (20 regions × 2 ≥ 19 types even at the small size). Beyond the small size every county has every type
  // (issue #12): the projects past its own draw fill the types it lacks, as early-stage ones (cheap to load: no
  // year-end dispatches to verify).
  const drawnPerRegion = 2 * ctx.size.perRegion;
  const perRegion = ctx.size.name === 'small' ? drawnPerRegion : Math.max(drawnPerRegion, TYPES.length);
  const plans: Plan[] = [];
  regions.forEach((region, ri) => {
    const good = rng.float(0.6, 1.5); // some counties do better than others
    for (let j = 0; j < perRegion; j++) {
      // The drawn ones rotate over the types from region to region; the extra ones are the types the region lacks.
      const type = TYPES[(ri * drawnPerRegion + j) % TYPES.length]!;
      const candidates = ctx.city.enterprises.filter((e) => e.regionCode === region.code && industryOf(e).outlet === (MEASURE_TYPES[type].medium === 'water' ? 'water' : 'air'));
      const enterprise = INDUSTRIAL.has(type) && candidates.length ? rng.pick(candidates) : null;
      const drawn =
        j >= drawnPerRegion
          ? rng.pick(['planned', 'construction', 'trial'] as const)
          : type === 'sewage-network'
            ? rng.pick(['verified', 'construction', 'pending'] as const)
            : drawStory(rng, good);
      // Every story at least once, whatever the draws: one draft, then the second project of the first regions.
      const story: Story = ri === 2 && j === 0 ? 'draft' : j === 1 && ri < EVERY_STORY.length ? EVERY_STORY[ri]! : drawn;
      const eventDate = ['verified', 'corrected', 'pending', 'returned', 'late', 'stopped'].includes(story) ? day(rng.int(2021, 2024), rng.int(1, 12), rng.int(1, 28)) : null;
      plans.push({ region, type, story, enterprise, weight: regionWeight(region) * rng.around(1, 0.35), tonnes: 0, eventDate, extra: j >= drawnPerRegion });
    }
  });
  // Size the projects so the registered potential is about 1.1 × each city target (rounded demo magnitudes).
  for (const t of targets) {
    const all = plans.filter((p) => MEASURE_TYPES[p.type].method !== 'NET' && MEASURE_TYPES[p.type].pollutants[0] === t.pollutant);
    const mine = all.filter((p) => !p.extra);
    const total = mine.reduce((s, p) => s + p.weight, 0);
    for (const p of mine) p.tonnes = Math.round(((t.target * 1.1 * p.weight) / total) * 1000) / 1000;
    // The early-stage extras are smaller: a fifth of a drawn project's size, so they do not dilute the stories.
    for (const p of all.filter((x) => x.extra)) p.tonnes = Math.round(((t.target * 1.1 * p.weight) / total / 5) * 1000) / 1000;
  }

  // 2. Each county registers its projects (2021–2022), with evidence for those that will be verified.
  let seq = 0;
  const created: Array<{ plan: Plan; id: number; code: string; county: DemoUser; body: ProjectBody }> = [];
  for (const plan of plans) {
    seq++;
    const county = ctx.city.user('county', plan.region.code);
    const short = plan.region.name.replace(/(市|县|区)$/, '');
    const facilityName = plan.enterprise ? plan.enterprise.name : `${short}${FACILITY[plan.type]}${DEMO_LABEL}`;
    const { method, pollutants } = MEASURE_TYPES[plan.type];
    const plant = plans.find((p) => p.region === plan.region && MEASURE_TYPES[p.type].method === 'W1');
    const receiving = plant ? `${short}${FACILITY[plant.type]}${DEMO_LABEL}` : `${short}城北污水处理厂${DEMO_LABEL}`;
    const params = paramsOf(method, plan.type, plan.tonnes || 5, 1, receiving);
    const fullYear = method === 'NET' ? null : accountProject(projectInput('plan', { measureType: plan.type, regionCode: plan.region.code, uscc: '', outlet: '', pollutants: [...pollutants], baseline_t: {} }, { month: '2025-12', status: 'operating', dates: { actualStart: null, completion: null, acceptance: null, eventDate: '2024-12-01', endDate: null }, claimed_t: {}, offsets: {}, baselineExplanation: '', params }, undefined), rules);
    const planned = Object.fromEntries((fullYear?.pollutants ?? []).map((x) => [x.pollutant, Math.round(x.reduction_t * 1000) / 1000]));
    const body = ProjectBody.parse({
      name: `${facilityName.replace(DEMO_LABEL, '')}${method === 'A3' || method === 'A4' ? '淘汰' : '减排'}工程${DEMO_LABEL}`,
      regionCode: plan.region.code,
      measureType: plan.type,
      pollutants: [...pollutants],
      enterpriseId: plan.enterprise?.id ?? null,
      facilityName,
      uscc: plan.enterprise ? plan.enterprise.uscc : demoUscc(900_000 + seq),
      outlet: MEASURE_TYPES[plan.type].medium === 'water' ? 'DW001' : 'DA001',
      address: `${plan.region.name}（演示地址）`,
      params,
      baselineSource: '2020 年排污许可执行报告（演示）',
      plannedStart: day(2021, rng.int(3, 12), rng.int(1, 28)),
      plannedCompletion: day(rng.int(2022, 2025), rng.int(1, 12), rng.int(1, 28)),
      planned_t: planned,
      note: '演示数据：参数为按工程类型取的典型量级，非实测。',
    });
    const at = day(2021, rng.int(2, 11), rng.int(1, 28));
    const p = await createProject(ctx.as(county, `${at}T09:${pad(rng.int(0, 59))}:00`), body);
    if (plan.story !== 'draft') await registerProject(ctx.as(county, `${at}T16:00:00`), p.id);
    created.push({ plan, id: p.id, code: p.code, county, body });
  }

  // 3. 目标分解: the steering office splits each target by the registered potential (the module's own suggestion).
  const allocCtx = ctx.as(steering, '2022-03-15T10:00:00');
  const current = await getAllocations(allocCtx);
  for (const p of current.pollutants) {
    const shares = (p.suggested ?? []).map((s) => ({ regionCode: s.regionCode, target: s.target, reason: '按已登记工程计划减排量（减排潜力）分解' }));
    if (shares.length) await setAllocations(allocCtx, p.pollutant, shares);
  }

  // 4. Dispatches: year-end (December) months through 2025, then the last months before the demo's today.
  const recent = Math.min(3, ctx.size.perRegion); // small 1, standard 2, large 3
  // Year-end dispatches of earlier years only beyond the small size (each is a submission and a verification; the
  // small size is for browser tests and must load in seconds): small files 2025 only, the others every year.
  const fromYear = ctx.size.name === 'small' ? 2025 : 2021;
  let dispatches = 0;
  const counts: Record<string, number> = {};
  for (const c of created) {
    const { plan } = c;
    counts[plan.story] = (counts[plan.story] ?? 0) + 1;
    if (plan.story === 'draft') continue;
    const method = MEASURE_TYPES[plan.type].method;
    const receiving = String((c.body.params as { receiving_plant?: string }).receiving_plant ?? '');
    const lacksAFile = plan.story === 'pending' && rng.chance(0.5); // half the pending ones lack a file (the queue shows why)
    if (plan.eventDate) {
      const kinds = EVIDENCE_BY_METHOD[method];
      for (const kind of lacksAFile ? kinds.slice(0, -1) : kinds) {
        await attachProjectEvidence(ctx.as(c.county, `${plan.eventDate}T15:00:00`), c.id, kind, `${kind}.pdf`, Buffer.from(`%PDF-1.7\n% ${c.code} ${kind} 演示材料\n`));
      }
    }
    const submit = async (month: string, status: ProjectStatus, endDate: string | null, at: string, correctionReason: string | null = null) => {
      const y = Number(month.slice(0, 4));
      const ytd = countedPeriod(plan.eventDate, endDate, y);
      const monthShare = Math.min(ytd.countedDays, Math.max(0, Math.round((Date.parse(`${month}-28`) - Date.parse(`${y}-01-01`)) / 86_400_000) + 3)) / daysInYear(y);
      const share = month.endsWith('-12') ? ytd.f : Math.min(ytd.f, monthShare);
      const params = paramsOf(method, plan.type, plan.tonnes || 5, status === 'operating' || status === 'stopped' ? share : 0, receiving);
      const dates = { actualStart: c.body.plannedStart, completion: plan.eventDate, acceptance: plan.eventDate, eventDate: plan.eventDate, endDate };
      const draft = { month, status, dates, claimed_t: {}, offsets: {}, baselineExplanation: '', params };
      // The county's claim is the engine's own figure (what a careful county enters), to the kilogram.
      const figure = accountProject(projectInput(c.code, { ...c.body, measureType: plan.type, pollutants: c.body.pollutants }, draft, undefined), rules);
      const claimed = status === 'operating' && !figure.rejection ? Object.fromEntries(figure.pollutants.filter((x) => !x.rejection).map((x) => [x.pollutant, Math.round(x.reduction_t * 1000) / 1000])) : {};
      const body = DispatchBody.parse({ ...draft, claimed_t: claimed, progressNote: STATUS_NOTE[status], progressPct: status === 'operating' || status === 'stopped' ? 100 : status === 'planned' ? 0 : rng.int(20, 95), correctionReason });
      dispatches++;
      return submitDispatch(ctx.as(c.county, at), c.id, body);
    };
    const review = (id: number, action: 'approve' | 'return', at: string, comment: string | null = null) => reviewDispatch(ctx.as(bureau, at), id, action, comment);
    const submittedAt = (y: number, late = false) => `${y + 1}-01-${pad(late ? rng.int(12, 25) : rng.int(3, 9))}T${pad(rng.int(9, 17))}:${pad(rng.int(0, 59))}:00`;
    const reviewedAt = (y: number) => `${y + 1}-01-${pad(rng.int(26, 31))}T10:00:00`;

    if (plan.eventDate) {
      const firstYear = Number(plan.eventDate.slice(0, 4)) + (plan.eventDate.slice(5, 7) === '12' ? 1 : 0);
      const stopDate = plan.story === 'stopped' ? day(2025, rng.int(3, 9), 15) : null;
      for (let y = Math.max(firstYear, fromYear); y <= 2025; y++) {
        const last = y === 2025;
        const status: ProjectStatus = plan.story === 'stopped' && last ? 'stopped' : 'operating';
        const endDate = last ? stopDate : null;
        if (last && plan.story === 'late') continue; // 2025-12 never filed: overdue
        const d = await submit(`${y}-12`, status, endDate, submittedAt(y, rng.chance(0.15)));
        if (last && plan.story === 'pending') continue;
        if (last && (plan.story === 'returned' || plan.story === 'corrected')) {
          await review(d.id, 'return', reviewedAt(y), '进水浓度与在线监测月均值不符，请核对并补充监测数据截图');
          if (plan.story === 'returned') continue;
          const again = await submit(`${y}-12`, status, endDate, `2026-02-${pad(rng.int(3, 12))}T10:00:00`);
          await review(again.id, 'approve', `2026-02-${pad(rng.int(15, 27))}T15:00:00`, '已核对，同意');
          continue;
        }
        await review(d.id, 'approve', reviewedAt(y), null);
      }
      if (plan.story === 'verified') {
        // Still reporting after the plan period: the last months before today, the latest awaiting verification.
        for (let back = recent; back >= 1; back--) {
          const month = monthBefore(asOfDay, back);
          const d = await submit(month, 'operating', null, `${monthBefore(asOfDay, back - 1)}-0${rng.int(2, 9)}T10:00:00`);
          if (back > 1) await review(d.id, 'approve', `${monthBefore(asOfDay, back - 1)}-20T10:00:00`);
        }
      }
    } else {
      const byStory: Record<string, ProjectStatus> = { trial: 'trial', completed: 'completed', construction: 'under-construction', planned: 'planned' };
      const status = byStory[plan.story] ?? 'planned';
      const d = await submit('2025-12', status, null, submittedAt(2025, rng.chance(0.3)));
      if (rng.chance(0.7)) await review(d.id, 'approve', reviewedAt(2025));
    }
  }
  const types = new Set(plans.map((p) => p.type)).size;
  ctx.log(
    `重点工程减排：${created.length} 个工程（${types}/${TYPES.length} 种类型），${dispatches} 次调度；` +
      Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join('，') +
      `；${POLLUTANTS.length} 项减排目标已分解`,
  );
}



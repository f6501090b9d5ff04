import type { Severity } from '../../domain/supervision/inspection-orders';
import { beijingDate } from '../../domain/reporting/calendar';
import type { INSPECTION_TOPICS } from '../../domain/supervision/reference';
import * as orgRepo from '../../modules/org/repo';
import { assignExpert, createExpert, declareRelation } from '../../modules/supervision/capacity.experts.service';
import { createEvent, recordAttendance } from '../../modules/supervision/capacity.training.service';
import { actOnTransfer, addFinding, addFindingEvidence, approvePlan, createPlan, listInspections, recordInspection, transferFinding } from '../../modules/supervision/inspections.service';
import { fileUse, saveInstitution, setQuota } from '../../modules/supervision/institutions.service';
import { actOnOrder, addOrderEvidence, issueOrder } from '../../modules/supervision/orders.service';
import type { DemoCtx, DemoEnterprise, DemoRegion } from '../context';
import { DEMO_LABEL } from '../ids';
import type { Rng } from '../random';
import { personName } from './org';

/** A 1×1 PNG: a stand-in 现场照片 (evidence is checked by content, so it must be a real image). */
export const DEMO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** `YYYY-MM-DD` plus n days. */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayIn = (rng: Rng, year: number, fromMonth: number, toMonth: number) => `${year}-${String(rng.int(fromMonth, toMonth)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/**
 * 节能监察与公共机构 (issue #11): a city inspection plan per year (2023 on, approved), inspections of key energy units
 * with findings (some with a photo), 整改通知书 closed / returned / waiting / overdue, two cases transferred to other
 * departments; public institutions per county with yearly use against quotas and 节约型机关 so the 80 % goal shows a
 * mix; an expert pool with declared relations and assignments (one over a conflict, with the reason); training events
 * with the key units' energy managers attending or not.
 */
export async function generateSupervision(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('supervision');
  const counts = { inspections: 0, findings: 0, orders: 0, transfers: 0 };
  await inspections(ctx, rng, counts);
  const institutions = await publicInstitutions(ctx, rng);
  const experts = await expertPool(ctx, rng);
  const trainings = await training(ctx, rng);
  ctx.log(
    `节能监察：${counts.inspections} 次检查，${counts.findings} 个问题，${counts.orders} 份整改通知书，${counts.transfers} 件移送；公共机构 ${institutions} 家；专家 ${experts} 名；培训 ${trainings} 期`,
  );
}

type InspectionTopic = (typeof INSPECTION_TOPICS)[number];

/** What inspectors typically find, per topic (generic wording, no real case). */
const FINDING_TEXT: Record<InspectionTopic, { description: string; legalBasis: string }[]> = {
  'energy-report': [
    { description: '未按时报送上年度能源利用状况报告', legalBasis: '《中华人民共和国节约能源法》第五十三条' },
    { description: '能源利用状况报告中综合能耗与统计台账不一致', legalBasis: '《重点用能单位节能管理办法》第二十一条' },
  ],
  'energy-review': [
    { description: '扩建项目未按节能审查意见落实余热回收措施', legalBasis: '《固定资产投资项目节能审查办法》第十八条' },
    { description: '项目实际能耗超出节能审查批复能耗', legalBasis: '《固定资产投资项目节能审查办法》第十九条' },
  ],
  benchmark: [
    { description: '主要产品单位能耗高于行业能效基准水平', legalBasis: '《高耗能行业重点领域能效标杆水平和基准水平》' },
    { description: '未建立能效对标管理制度', legalBasis: '《重点用能单位节能管理办法》第十三条' },
  ],
  'banned-equipment': [
    { description: '仍在使用国家明令淘汰的高耗能电机', legalBasis: '《高耗能落后机电设备（产品）淘汰目录》' },
    { description: '在用变压器属淘汰型号，未制定更新计划', legalBasis: '《中华人民共和国节约能源法》第十七条' },
  ],
  other: [
    { description: '能源计量器具配备率不足，二级计量缺失', legalBasis: 'GB 17167《用能单位能源计量器具配备和管理通则》' },
    { description: '未设立能源管理岗位或能源管理负责人未备案', legalBasis: '《中华人民共和国节约能源法》第五十五条' },
  ],
};

const ORDER_ANSWERS = [
  '已完成淘汰电机更换，附采购合同及现场照片。',
  '已补报能源利用状况报告，并建立月度能源统计台账。',
  '余热回收装置已投运，附运行记录。',
  '已完善二级计量器具配备，附检定证书。',
];

/** The two transfers (移送): a pollution question to the ecology bureau, a metering one to market regulation. */
const TRANSFERS = [
  { department: 'sthjj', reason: '现场发现废气治理设施未正常运行，涉及生态环境执法事项。', answer: '已立案调查，责令企业限期恢复治理设施正常运行。' },
  { department: 'scjgj', reason: '企业在用能源计量器具未按期检定，涉及计量监督事项。', answer: '' },
];

const TOPICS_BY_YEAR: InspectionTopic[][] = [
  ['energy-report', 'banned-equipment'],
  ['energy-review', 'benchmark'],
  ['energy-report', 'energy-review', 'benchmark'],
  ['energy-report', 'banned-equipment', 'other'],
];

async function inspections(ctx: DemoCtx, rng: Rng, counts: Record<'inspections' | 'findings' | 'orders' | 'transfers', number>) {
  const inspector = ctx.city.user('department', ctx.city.departments.find((d) => d.code === 'fgw')!.id);
  const today = beijingDate(ctx.asOf);
  const keyUnits = ctx.city.enterprises.filter((e) => e.isKeyEnergyUnit);
  const perYear = Math.max(5, Math.round(keyUnits.length * 0.3));
  const transferable: { findingId: number; at: string }[] = [];
  const lastYear = Number(today.slice(0, 4));
  for (let year = 2023; year <= lastYear; year++) {
    const planDay = `${year}-02-20`;
    if (planDay >= today) break;
    const topics = TOPICS_BY_YEAR[(year - 2023) % TOPICS_BY_YEAR.length]!;
    const chosen = rng.sample(keyUnits, perYear);
    const items = chosen.map((e) => ({ enterpriseId: e.id, topics: rng.sample(topics, rng.int(1, topics.length)), plannedDate: dayIn(rng, year, 4, 11) }));
    const plan = await createPlan(ctx.as(inspector, `${planDay}T09:30:00`), { year, regionCode: '360700', title: `${year}年度赣州市节能监察计划${DEMO_LABEL}`, items });
    await approvePlan(ctx.as(inspector, `${addDays(planDay, 8)}T15:00:00`), plan.id);
    // The plan's inspections, in the order they were created (ids follow the items).
    const rows = (await listInspections(ctx.as(inspector, `${addDays(planDay, 9)}T09:00:00`), { planId: plan.id })).sort((a, b) => a.id - b.id);
    for (const [k, row] of rows.entries()) {
      const item = items[k]!;
      const on = addDays(item.plannedDate, rng.int(-5, 10));
      // This year's later visits have not happened yet: they stay planned.
      if (addDays(on, 5) >= today) continue;
      await recordInspection(ctx.as(inspector, `${on}T17:30:00`), row.id, {
        inspectedOn: on,
        inspectors: `${personName(rng)}、${personName(rng)}`,
        summary: '现场查阅能源利用状况报告、能源计量器具台账，抽查主要用能设备运行情况。',
      });
      counts.inspections++;
      const nFindings = rng.pick([0, 1, 1, 2, 2, 3]);
      const findingIds: number[] = [];
      const severities: Severity[] = [];
      for (let f = 0; f < nFindings; f++) {
        const topic = rng.pick(item.topics);
        const severity: Severity = rng.chance(0.3) ? 'major' : 'minor';
        const text = rng.pick(FINDING_TEXT[topic]);
        const finding = await addFinding(ctx.as(inspector, `${on}T18:00:00`), row.id, { topic, description: text.description, severity, legalBasis: text.legalBasis, highEnergyProjectId: null });
        if (rng.chance(0.35)) await addFindingEvidence(ctx.as(inspector, `${on}T18:05:00`), finding.id, `现场照片${f + 1}.png`, DEMO_PNG);
        findingIds.push(finding.id);
        severities.push(severity);
        counts.findings++;
        if (severity === 'major') transferable.push({ findingId: finding.id, at: addDays(on, 7) });
      }
      if (findingIds.length === 0) continue;
      const issuedOn = addDays(on, rng.int(2, 6));
      if (issuedOn >= today) continue;
      const order = await issueOrder(ctx.as(inspector, `${issuedOn}T10:00:00`), row.id, { findingIds, requirement: '请按问题清单逐项整改，整改完成后报送整改报告及佐证材料。', deadline: null });
      counts.orders++;
      await orderStory(ctx, rng, inspector, ctx.city.user('enterprise', row.enterpriseId), order.id, issuedOn, order.deadline, today);
    }
  }
  // Two major findings handed over: one accepted and being handled, one answered.
  for (const [k, t] of rng.sample(transferable, 2).entries()) {
    const to = TRANSFERS[k]!;
    const dept = ctx.city.departments.find((d) => d.code === to.department)!;
    const tr = await transferFinding(ctx.as(inspector, `${t.at}T10:00:00`), t.findingId, { departmentId: dept.id, reason: to.reason });
    const receiver = ctx.city.user('department', dept.id);
    await actOnTransfer(ctx.as(receiver, `${addDays(t.at, 2)}T09:00:00`), tr.id, { action: 'accept' });
    if (k === 0) await actOnTransfer(ctx.as(receiver, `${addDays(t.at, 30)}T16:00:00`), tr.id, { action: 'answer', answer: to.answer });
    counts.transfers++;
  }
}

/**
 * What happened to an order: most answered and closed in time, some returned once, some answered and waiting for
 * review, some never answered (overdue once the deadline passed).
 */
async function orderStory(ctx: DemoCtx, rng: Rng, inspector: Parameters<DemoCtx['as']>[0], enterprise: Parameters<DemoCtx['as']>[0], orderId: number, issuedOn: string, deadline: string, today: string) {
  const fate = rng.pick(['closed', 'closed', 'closed', 'returned', 'waiting', 'ignored', 'extended'] as const);
  const answerOn = addDays(deadline, -rng.int(3, 20));
  if (fate === 'ignored' || answerOn >= today || answerOn <= issuedOn) return;
  if (fate === 'extended') {
    await actOnOrder(ctx.as(inspector, `${addDays(deadline, -5)}T10:00:00`), orderId, { action: 'extend', deadline: addDays(deadline, 30), comment: '企业设备改造需停产检修，申请延期' });
    return;
  }
  const answer = async (on: string, k: number) => {
    await addOrderEvidence(ctx.as(enterprise, `${on}T14:00:00`), orderId, `整改佐证${k}.png`, DEMO_PNG);
    await actOnOrder(ctx.as(enterprise, `${on}T14:10:00`), orderId, { action: 'answer', comment: rng.pick(ORDER_ANSWERS) });
  };
  await answer(answerOn, 1);
  if (fate === 'waiting') return;
  const reviewOn = addDays(answerOn, rng.int(2, 8));
  if (reviewOn >= today) return;
  if (fate === 'returned') {
    await actOnOrder(ctx.as(inspector, `${reviewOn}T10:00:00`), orderId, { action: 'return', comment: '佐证材料不全：请补充改造后的能源计量数据。' });
    const again = addDays(reviewOn, rng.int(5, 15));
    if (again >= today) return;
    await answer(again, 2);
    const close = addDays(again, 3);
    if (close < today) await actOnOrder(ctx.as(inspector, `${close}T10:00:00`), orderId, { action: 'close', comment: '补充材料齐全，同意销号。' });
    return;
  }
  await actOnOrder(ctx.as(inspector, `${reviewOn}T10:00:00`), orderId, { action: 'close', comment: '经复查，已按要求整改到位。' });
}

/** Organs, schools, hospitals…: names obviously generated from the county's. */
const OTHER_INSTITUTIONS = [
  { kind: 'school', word: '第一中学', staff: [120, 260], area: [30_000, 60_000] },
  { kind: 'hospital', word: '人民医院', staff: [400, 1200], area: [40_000, 120_000] },
  { kind: 'culture-sports', word: '文化馆', staff: [20, 60], area: [4_000, 12_000] },
  { kind: 'other', word: '城市管理服务中心', staff: [40, 120], area: [3_000, 8_000] },
] as const;
const ORGANS = ['发展和改革委员会', '财政局', '教育局', '卫生健康委员会', '自然资源局', '交通运输局', '农业农村局', '市场监督管理局', '人力资源和社会保障局', '住房和城乡建设局', '商务局', '统计局'];

/** Kgce per person a year, the county organ default quota's order (360): a demo spread around it, some over. */
async function publicInstitutions(ctx: DemoCtx, rng: Rng) {
  const manager = ctx.city.user('department', ctx.city.departments.find((d) => d.code === 'jgswzx')!.id);
  const lastYear = Number(beijingDate(ctx.asOf).slice(0, 4));
  // Sizes kept modest: each registration and filing is a full use case with its audit entry (~15 ms).
  const organsPer = 3 * ctx.size.perRegion;
  const firstUseYear = lastYear - Math.min(3, 1 + ctx.size.perRegion) + 1;
  // A county's 节约型机关 progress: some far ahead of the 80 % goal, some behind.
  const drive = (_r: DemoRegion) => rng.pick([0.95, 0.85, 0.8, 0.6, 0.4]);
  let n = 0;
  for (const r of ctx.city.regions) {
    const county = ctx.city.user('county', r.code);
    const short = r.name;
    const share = drive(r);
    const ids: { id: number; staff: number; area: number; kind: string }[] = [];
    for (const [k, organ] of ORGANS.slice(0, organsPer).entries()) {
      const accepted = rng.chance(share);
      const staff = rng.int(30, 120);
      // 32–45 m² a person keeps the per-area quota (12 kgce/m²) in line with the per-capita one: over quota only when use is.
      const area = Math.round(staff * rng.float(32, 45, 0));
      const inst = await saveInstitution(ctx.as(county, `2021-03-${String(10 + k).padStart(2, '0')}T10:00:00`), null, {
        name: `${short}${organ}${DEMO_LABEL}`,
        regionCode: r.code,
        level: 'county',
        kind: 'organ',
        staff,
        floorAreaM2: area,
        economyStatus: accepted ? 'accepted' : rng.chance(0.5) ? 'creating' : 'none',
        economyYear: accepted ? rng.int(2021, Math.min(2025, lastYear)) : null,
        demonstration: 'none',
        teachingPoint: false,
      });
      ids.push({ id: inst.id, staff, area, kind: 'organ' });
    }
    for (const o of rng.sample(OTHER_INSTITUTIONS, Math.min(OTHER_INSTITUTIONS.length, ctx.size.perRegion))) {
      const staff = rng.int(o.staff[0], o.staff[1]);
      const area = rng.int(o.area[0], o.area[1]);
      const inst = await saveInstitution(ctx.as(county, '2021-04-06T10:00:00'), null, {
        name: `${short}${o.word}${DEMO_LABEL}`,
        regionCode: r.code,
        level: 'county',
        kind: o.kind,
        staff,
        floorAreaM2: area,
        economyStatus: 'none',
        economyYear: null,
        demonstration: rng.chance(0.15) ? rng.pick(['provincial', 'national'] as const) : 'none',
        teachingPoint: rng.chance(0.1),
      });
      ids.push({ id: inst.id, staff, area, kind: o.kind });
    }
    n += ids.length;
    // Yearly use, filed in January for the past year; the current year partially (months so far).
    for (let year = firstUseYear; year <= lastYear; year++) {
      const months = year < lastYear ? 12 : Math.max(1, Number(beijingDate(ctx.asOf).slice(5, 7)) - 1);
      const filedOn = year < lastYear ? `${year + 1}-01-${String(rng.int(10, 28)).padStart(2, '0')}` : beijingDate(ctx.asOf);
      if (year === lastYear && months < 3) continue;
      for (const i of ids) {
        const perCapita = i.kind === 'organ' ? 330 : i.kind === 'school' ? 80 : 0;
        const perArea = i.kind === 'hospital' ? 27 : i.kind === 'culture-sports' ? 12 : i.kind === 'other' ? 11 : 0;
        const yearlyKgce = perCapita ? perCapita * i.staff : perArea * i.area;
        // Most under quota; one in seven over (ratio above 1), one in seven in the 90 % warning band.
        const ratio = rng.pick([0.75, 0.8, 0.85, 0.85, 0.9, 1.02, 1.12]);
        await fileUse(ctx.as(county, `${filedOn}T11:00:00`), i.id, year, {
          months,
          energyKgce: Math.round(yearlyKgce * ratio * (months / 12)),
          waterM3: i.kind === 'organ' || i.kind === 'school' ? Math.round(i.staff * rng.float(12, 24) * (months / 12)) : null,
          staff: i.staff,
          floorAreaM2: i.area,
        });
      }
    }
  }
  // City-level organs (市本级) with their own quotas set by 市机关事务管理中心, and a national demonstration unit.
  const cityCode = '360700';
  for (const [k, organ] of ORGANS.slice(0, 4).entries()) {
    const staff = rng.int(80, 220);
    const inst = await saveInstitution(ctx.as(manager, `2021-03-02T10:00:00`), null, {
      name: `赣州市${organ}${DEMO_LABEL}`,
      regionCode: cityCode,
      level: 'city',
      kind: 'organ',
      staff,
      floorAreaM2: staff * 25,
      economyStatus: 'accepted',
      economyYear: 2021 + k,
      demonstration: k === 0 ? 'national' : k === 1 ? 'provincial' : 'none',
      teachingPoint: k === 0,
    });
    n++;
    await setQuota(ctx.as(manager, '2024-01-05T10:00:00'), inst.id, { year: 2024, kind: 'energy-per-capita', value: 400, source: `市机关事务管理中心核定（演示）` });
    await fileUse(ctx.as(manager, '2025-01-15T10:00:00'), inst.id, 2024, { months: 12, energyKgce: Math.round(staff * rng.float(340, 430, 0)), waterM3: staff * 22, staff, floorAreaM2: staff * 25 });
  }
  return n;
}

const EXPERT_ORGS = ['江西理工大学', '赣南师范大学', '市节能监察支队', '市工程咨询中心', '省节能技术服务中心', '赣州职业技术学院'];
const EXPERT_FIELDS = ['工业节能', '建筑节能', '交通节能', '公共机构节能', '节能审查', '环境影响评价', '清洁生产', '能源审计'];

async function expertPool(ctx: DemoCtx, rng: Rng) {
  const manager = ctx.city.user('department', ctx.city.departments.find((d) => d.code === 'fgw')!.id);
  const as = ctx.as(manager, '2022-05-10T10:00:00');
  const n = Math.min(30, 10 + 5 * ctx.size.perRegion);
  const experts: number[] = [];
  for (let k = 0; k < n; k++) {
    const e = await createExpert(as, {
      name: `${personName(rng)}（演示专家）`,
      fields: rng.sample(EXPERT_FIELDS, rng.int(1, 3)),
      title: rng.pick(['高级工程师', '教授', '副教授', '正高级工程师', '工程师']),
      organisation: `${rng.pick(EXPERT_ORGS)}${DEMO_LABEL}`,
      regionCode: rng.chance(0.3) ? rng.pick(ctx.city.regions).code : null,
      phone: `1380797${String(rng.int(0, 9999)).padStart(4, '0')}`,
      available: k >= 3 ? rng.chance(0.85) : true,
      note: '',
    });
    experts.push(e.id);
  }
  // Declared relations: a third of the pool with one enterprise each (former employer, consultant…).
  const related: { expertId: number; enterprise: DemoEnterprise }[] = [];
  for (const id of experts.filter((_, k) => k % 3 === 0)) {
    const enterprise = rng.pick(ctx.city.enterprises);
    await declareRelation(as, id, { enterpriseId: enterprise.id, relation: rng.pick(['employer', 'shareholder', 'consultant', 'relative', 'other'] as const), declaredOn: '2022-05-10' });
    related.push({ expertId: id, enterprise });
  }
  // Assignments: two clean ones, and one over a declared relation (the only expert in the field), with the reason.
  const at = ctx.as(manager, '2025-06-12T10:00:00');
  // The first three are always available; expert 0 is the related one (k % 3 === 0), 1 and 2 are free.
  const free = experts.slice(1, 3);
  const others = ctx.city.enterprises.filter((e) => !related.some((r) => r.enterprise.id === e.id));
  for (const [k, id] of free.slice(0, 2).entries()) {
    const enterprise = others[k] ?? ctx.city.enterprises[k]!;
    await assignExpert(at, { expertId: id, subjectKind: 'enterprise', subjectId: enterprise.id, purpose: '能源审计报告评审' });
  }
  const conflicted = related[0];
  if (conflicted)
    await assignExpert(at, {
      expertId: conflicted.expertId,
      subjectKind: 'enterprise',
      subjectId: conflicted.enterprise.id,
      purpose: '节能技改项目评审',
      overrideReason: '该专业领域库内仅此一名专家，已书面告知企业并由另一名专家复核',
    });
  return n;
}

async function training(ctx: DemoCtx, rng: Rng) {
  const manager = ctx.city.user('department', ctx.city.departments.find((d) => d.code === 'fgw')!.id);
  const today = beijingDate(ctx.asOf);
  const events = [
    { title: `2023年重点用能单位能源管理负责人培训${DEMO_LABEL}`, audience: 'energy-managers', startsOn: '2023-06-15', hours: 16, attend: 0.5 },
    { title: `2024年节能监察业务培训${DEMO_LABEL}`, audience: 'inspectors', startsOn: '2024-04-18', hours: 8, attend: 0 },
    { title: `2025年重点用能单位能源管理负责人培训${DEMO_LABEL}`, audience: 'energy-managers', startsOn: '2025-06-19', hours: 16, attend: 0.4 },
    { title: `${today.slice(0, 4)}年节能政策与能效标杆专题培训${DEMO_LABEL}`, audience: 'mixed', startsOn: `${today.slice(0, 4)}-05-21`, hours: 8, attend: 0.35 },
  ] as const;
  const managers: { id: number; name: string | null }[] = [];
  for (const e of ctx.city.enterprises.filter((x) => x.isKeyEnergyUnit)) managers.push({ id: e.id, name: (await orgRepo.findEnterprise(ctx.db, { id: e.id }))?.energyManager ?? null });
  let n = 0;
  for (const ev of events) {
    if (ev.startsOn >= today) continue;
    const event = await createEvent(ctx.as(manager, `${addDays(ev.startsOn, -20)}T10:00:00`), {
      title: ev.title,
      audience: ev.audience,
      startsOn: ev.startsOn,
      hours: ev.hours,
      location: '赣州市行政中心（演示）',
      organiserDepartmentId: manager.departmentId,
    });
    n++;
    const at = ctx.as(manager, `${addDays(ev.startsOn, 2)}T10:00:00`);
    for (const m of managers) {
      if (!m.name || !rng.chance(ev.attend)) continue;
      const attended = rng.chance(0.9);
      await recordAttendance(at, event.id, { enterpriseId: m.id, name: m.name, attended, certificateNo: attended ? `GZJN${ev.startsOn.slice(0, 4)}${String(m.id).padStart(4, '0')}` : null });
    }
    if (ev.audience !== 'energy-managers')
      for (const r of rng.sample(ctx.city.regions, 4)) await recordAttendance(at, event.id, { userId: ctx.city.user('county', r.code).id, attended: true, certificateNo: null });
  }
  return n;
}

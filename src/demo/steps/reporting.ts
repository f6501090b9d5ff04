import { sql } from 'drizzle-orm';
import { beijingDate } from '../../domain/reporting/calendar';
import { progressReport, reportEvent } from '../../db/schema/index';
import type { IndicatorNode, TaskNode } from '../../domain/plan/model';
import { type Frequency, periodsOf } from '../../domain/reporting/calendar';
import { recordAudit } from '../../modules/audit/service';
import { getPlanTree } from '../../modules/plan/service';
import { setAllocations } from '../../modules/reporting/allocations.service';
import { attachEvidence } from '../../modules/reporting/evidence.service';
import { cadenceLookup, reviewReport, submitReport } from '../../modules/reporting/service';
import { ReportBody } from '../../modules/reporting/schemas';
import { beijing, type DemoCtx, type DemoUser } from '../context';
import type { Rng } from '../random';

const PLAN = 'ganzhou-14fyp-ecer';
const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
const DAY = 86_400_000;

/**
 * Where the level indicators (no baseline year in the plan) stood at the start of the period: rounded orders of
 * magnitude for a demo, not official figures. The others count from zero (累计) or are reductions since 2020.
 */
const START: Record<string, number> = {
  I07: 4, I08: 12, I11: 10, I14: 12.5, I16: 10.5, I17: 26, I18: 90, I19: 78, I20: 39.5, I21: 39.8, I22: 74,
  I23: 44, I24: 41, I26: 52, I28: 21.5, I32: 84, I33: 0.42,
};
/** What a qualitative indicator's report says (no number to travel towards). */
const QUALITATIVE: Record<string, string> = {
  I02: '全市能源消费总量增速低于地区生产总值增速，总量得到合理控制（演示数据）。',
  I12: '城镇新建建筑施工图审查均按绿色建筑标准执行（演示数据）。',
  I13: '开展绿色高效制冷产品推广行动，市场占有率持续提升（演示数据）。',
  I15: '新增及更新公交车、出租车、环卫车辆均为新能源或清洁能源车辆（演示数据）。',
  I25: '完成水产养殖尾水治理示范点建设，养殖污染得到有效管控（演示数据）。',
  I27: '赣江流域赣州段国考、省考断面水质稳定达到 II 类（演示数据）。',
  I29: '按省下发比例推进溶剂型涂料、油墨、胶粘剂源头替代（演示数据）。',
};
/** The indicators cascaded to counties and zones (目标分解), and each region's weight in the split. */
const ALLOCATED = ['I08', 'I26', 'I30', 'I31'] as const;
const WEIGHT_BY_KIND: Record<string, number> = { district: 3, county_city: 2, county: 1.5, zone: 1 };

type Row = {
  indicatorId: number | null;
  taskId: number | null;
  periodKey: string;
  regionCode: string;
  value: number | null;
  taskStatus: string | null;
  percentComplete: number | null;
  narrative: string;
  submittedBy: DemoUser;
  submittedAt: Date;
  approvedBy: DemoUser;
  /** Null when the review falls after the demo's today: the report still waits for it. */
  approvedAt: Date | null;
};

const r2 = (x: number) => Math.round(x * 100) / 100;
/** A Beijing office hour on the day `days` after `date` (an ISO day). */
const officeTime = (date: string, days: number, rng: Rng) => new Date(beijing(`${date}T${String(rng.int(9, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`).getTime() + days * DAY);

/** The goal an indicator travels to: its target, else the 力争 value. */
const goalOf = (x: { target: number | null; stretch: number | null }) => x.target ?? x.stretch;

/**
 * An indicator's value at the end of a year (pure): reductions and 累计 amounts grow from zero with time, levels move
 * from where they started towards the goal; `pace` above 1 runs ahead of the path, below 1 behind.
 */
export function indicatorValue(x: Pick<IndicatorNode, 'code' | 'unit' | 'baselineYear' | 'comparison'>, goal: number, year: number, pace: number, start = START[x.code]): number | null {
  if (x.comparison === 'qualitative') return null;
  const t = Math.min(1, ((year - 2020) / 5) * pace);
  const value = x.baselineYear !== null || start === undefined ? goal * t : start + (goal - start) * t;
  return x.unit === '个' ? Math.round(value) : r2(value);
}

/** A task's progress at the end of quarter `q` (1–20 over 2021–2025), pure: status and % complete from its pace. */
export function taskProgress(q: number, pace: number): { taskStatus: string; percentComplete: number } {
  const percent = Math.max(0, Math.min(100, Math.round((q / 20) * 100 * pace)));
  if (percent >= 100) return { taskStatus: 'completed', percentComplete: 100 };
  if (percent === 0) return { taskStatus: 'not-started', percentComplete: 0 };
  return { taskStatus: pace < 0.85 ? 'delayed' : 'on-track', percentComplete: percent };
}

const TASK_NOTES: Record<string, string[]> = {
  'not-started': ['前期调研中，尚未启动实施。'],
  'on-track': ['按计划推进，本季度完成阶段性工作。', '已召开专题推进会，相关项目按序时进度实施。', '配套政策已印发，正在组织落实。'],
  delayed: ['受项目审批和资金影响，进度滞后，已制定整改措施。', '部分项目未按期开工，正在协调推进。'],
  completed: ['任务已完成，形成长效机制。'],
};
const taskNote = (status: string, rng: Rng) => `${rng.pick(TASK_NOTES[status]!)}（演示数据）`;

/** Largest remainder: splits `total` by weights into shares with `digits` decimals that add up exactly. */
export function splitByWeight(total: number, weights: number[], digits: number): number[] {
  const f = 10 ** digits;
  const units = Math.round(total * f);
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (units * w) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = units - out.reduce((s, v) => s + v, 0);
  for (let k = 0; k < left; k++) out[order[k]![1]]! += 1;
  return out.map((u) => u / f);
}

/**
 * Bulk history: the many routine task reports (and the counties' older indicator figures) go straight into the
 * tables, submitted and approved with their history steps, as an import and a reviewer's batch would leave them:
 * tens of thousands of service calls would take minutes. One audit event per batch, as the Excel import writes.
 */
async function insertApprovedReports(ctx: DemoCtx, rows: Row[]): Promise<number> {
  const system = ctx.as('system', ctx.asOf);
  for (let i = 0; i < rows.length; i += 4000) {
    const batch = rows.slice(i, i + 4000);
    const col = <T>(f: (r: Row) => T) => sql.param(batch.map(f));
    const result = await ctx.db.execute<{ id: number }>(sql`
      insert into ${progressReport} (indicator_id, task_id, period_key, region_code, revision, value, task_status, percent_complete, narrative, status,
        submitted_by, submitted_by_department_id, submitted_at)
      select u.a, u.b, u.c, u.d, 1, u.e, u.f, u.g, u.h, u.s, u.i, u.j, u.k
      from unnest(${col((r) => r.indicatorId)}::int[], ${col((r) => r.taskId)}::int[], ${col((r) => r.periodKey)}::text[], ${col((r) => r.regionCode)}::text[],
        ${col((r) => (r.value === null ? null : String(r.value)))}::numeric[], ${col((r) => r.taskStatus)}::text[], ${col((r) => r.percentComplete)}::int[],
        ${col((r) => r.narrative)}::text[], ${col((r) => r.submittedBy.id)}::int[], ${col((r) => r.submittedBy.departmentId)}::int[],
        ${col((r) => r.submittedAt.toISOString())}::timestamptz[], ${col((r) => (r.approvedAt ? 'approved' : 'submitted'))}::text[]) with ordinality as u(a, b, c, d, e, f, g, h, i, j, k, s, n)
      order by u.n
      returning id`);
    // Ids come from one sequence in the select's order (by ordinality): ascending ids are the batch's rows in order.
    const ids = (result as unknown as { rows: Array<{ id: number }> }).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    const events = batch.flatMap((r, k) => [
      { id: ids[k]!, action: 'submit', actor: r.submittedBy.id, at: r.submittedAt },
      ...(r.approvedAt ? [{ id: ids[k]!, action: 'approve', actor: r.approvedBy.id, at: r.approvedAt }] : []),
    ]);
    const ev = <T>(f: (e: (typeof events)[number]) => T) => sql.param(events.map(f));
    await ctx.db.execute(sql`
      insert into ${reportEvent} (report_id, action, actor_user_id, at)
      select * from unnest(${ev((e) => e.id)}::int[], ${ev((e) => e.action)}::text[], ${ev((e) => e.actor)}::int[], ${ev((e) => e.at.toISOString())}::timestamptz[])`);
    await recordAudit(ctx.db, system, { action: 'importReports', entity: 'progress_report', entityId: `demo-${ids[0]}`, after: { demo: true, rows: ids.length, firstId: ids[0], lastId: ids.at(-1) } });
  }
  return rows.length;
}

/** A tiny PDF (the evidence check reads the content, not the name): a demo cover page, no real document. */
const evidencePdf = (title: string) =>
  Buffer.from(`%PDF-1.4\n% ECER demo evidence\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');

/**
 * 任务与指标报送 for 2021–2025 at the cadences in force (indicators yearly, tasks quarterly by default): the city's
 * indicator figures by their departments, the counties' figures of the indicators cascaded to them, and every
 * task's progress by its lead department and by each county. Most on time, some late, a few returned and corrected;
 * the last period a mix, with some still missing, pending or returned, so reminders, overdue lists and dashboards
 * have something to show. Routine history is bulk-inserted (see insertApprovedReports); the stories go through the
 * services.
 */
export async function generateReporting(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('reporting');
  const { tree } = await getPlanTree(ctx.db, PLAN, ctx.asOf.getTime());
  const steering = ctx.city.user('steering');
  const dept = (id: number) => ctx.city.user('department', id);
  const county = (code: string) => ctx.city.user('county', code);
  const before = (d: Date) => d < ctx.asOf;
  const indicators = tree.chapters.flatMap((c) => c.sections.flatMap((s) => s.indicators));
  const tasks = tree.chapters.flatMap((c) => c.sections.flatMap((s) => s.tasks));
  const regions = ctx.city.regions;
  const cadenceOf = await cadenceLookup(ctx.db, beijingDate(ctx.asOf));
  const periodsOfItem = (kind: 'indicator' | 'task', id: number, year: number) => {
    const c = cadenceOf(kind, id);
    return periodsOf(c.frequency as Frequency, year, c.dueDays);
  };
  const counts = { bulk: 0, submitted: 0, approved: 0, returned: 0, corrected: 0, evidence: 0, missing: 0 };

  // 目标分解: the steering office cascades four additive or per-county indicators to every county and zone.
  const weights = regions.map((r) => WEIGHT_BY_KIND[r.kind] ?? 1.5);
  const shares = new Map<string, Map<string, { target: number; baseline: number | null }>>(); // indicator code → region → its share
  for (const code of ALLOCATED) {
    const x = indicators.find((i) => i.code === code);
    const goal = x && goalOf(x);
    if (!x || goal === null || goal === undefined) continue;
    const split = x.unit === '%' ? regions.map(() => goal) : splitByWeight(goal, weights, x.unit === '个' ? 0 : x.unit === '公里' ? 0 : 2);
    // A rate's share keeps the city's goal, with each county's own starting level as its baseline.
    const list = regions.map((r, i) => ({ regionCode: r.code, target: split[i]!, baselineValue: x.unit === '%' ? rng.int(35, 60) : null }));
    await setAllocations(ctx.as(steering, '2021-07-06T10:00:00'), x.id, list);
    shares.set(code, new Map(list.map((s) => [s.regionCode, { target: s.target, baseline: s.baselineValue }])));
  }

  // Who runs ahead and who lags: a pace per indicator, per task, per region (some counties worse than others).
  const indicatorPace = new Map(indicators.map((x) => [x.id, rng.pick([0.8, 0.9, 1, 1, 1.05, 1.1, 1.15])]));
  const taskPace = new Map(tasks.map((t) => [t.id, rng.pick([0.75, 0.9, 1, 1, 1.05, 1.15, 1.3])]));
  const regionPace = new Map(regions.map((r) => [r.code, rng.pick([0.8, 0.9, 1, 1, 1.05, 1.1])]));
  const lateProneRegions = new Set(rng.sample(regions.map((r) => r.code), 4));
  const missingLastQuarter = new Set(rng.sample(regions.map((r) => r.code), 2)); // behind with 2025-Q4 and their 2025 figures

  /** When a report comes in: mostly a few days before the due date, sometimes after it (late). */
  const submittedFor = (due: string, lateChance: number) => (rng.chance(lateChance) ? officeTime(due, rng.int(1, 25), rng) : officeTime(due, -rng.int(1, 9), rng));
  const reviewedAfter = (at: Date) => officeTime(beijingDate(at), rng.int(1, 6), rng);

  const bulk: Row[] = [];
  const push = (r: Omit<Row, 'approvedAt'>) => {
    const approvedAt = reviewedAfter(r.submittedAt);
    bulk.push({ ...r, approvedAt: before(approvedAt) ? approvedAt : null });
  };

  // Tasks: each lead department's quarterly progress (city-wide) and each county's own (every county implements
  // every task); the last quarter of the plan goes through the services below.
  const lastQuarter = '2025-Q4';
  const leadOf = (t: TaskNode) => dept(t.lead[0]!.id);
  // Twenty counties × 116 tasks × 20 quarters is 46,400 reports: the small size (browser tests) keeps the last year's.
  const countyTaskYears: readonly number[] = ctx.size.name === 'small' ? [2025] : YEARS;
  for (const t of tasks) {
    for (const year of YEARS) {
      for (const [i, p] of periodsOfItem('task', t.id, year).entries()) {
        const q = (year - 2021) * 4 + i + 1;
        if (p.key !== lastQuarter) {
          const progress = taskProgress(q, taskPace.get(t.id)!);
          const at = submittedFor(p.due, 0.07);
          if (before(at)) push({ indicatorId: null, taskId: t.id, periodKey: p.key, regionCode: tree.regionCode, ...progress, value: null, narrative: taskNote(progress.taskStatus, rng), submittedBy: leadOf(t), submittedAt: at, approvedBy: steering });
        }
        if (!countyTaskYears.includes(year)) continue;
        for (const r of regions) {
          if (p.key === lastQuarter && missingLastQuarter.has(r.code) && rng.chance(0.35)) continue; // a third of its last quarter still missing
          const progress = taskProgress(q, taskPace.get(t.id)! * regionPace.get(r.code)!);
          const at = submittedFor(p.due, lateProneRegions.has(r.code) ? 0.3 : 0.05);
          if (before(at)) push({ indicatorId: null, taskId: t.id, periodKey: p.key, regionCode: r.code, ...progress, value: null, narrative: taskNote(progress.taskStatus, rng), submittedBy: county(r.code), submittedAt: at, approvedBy: leadOf(t) });
        }
      }
    }
  }

  // The counties' figures of the cascaded indicators, 2021–2024 in bulk (2025 through the services below).
  const allocated = indicators.filter((x) => shares.has(x.code));
  for (const x of allocated) {
    for (const year of YEARS.filter((y) => y < 2025)) {
      for (const p of periodsOfItem('indicator', x.id, year)) {
        for (const r of regions) {
          const share = shares.get(x.code)!.get(r.code)!;
          const value = indicatorValue(x, share.target, year, regionPace.get(r.code)! * indicatorPace.get(x.id)!, share.baseline ?? undefined);
          const at = submittedFor(p.due, lateProneRegions.has(r.code) ? 0.3 : 0.05);
          if (before(at)) push({ indicatorId: x.id, taskId: null, periodKey: p.key, regionCode: r.code, value, taskStatus: null, percentComplete: null, narrative: '（演示数据）', submittedBy: county(r.code), submittedAt: at, approvedBy: dept(x.departments[0]!.id) });
        }
      }
    }
  }

  // The stories, one after another through the services: submit, maybe return and resubmit, approve or leave.
  type Story = { body: ReportBody; by: DemoUser; reviewer: DemoUser; due: string; fate: 'approve' | 'return-then-approve' | 'returned' | 'pending' | 'correct' | 'missing'; wrong?: number | null; evidence?: boolean };
  const stories: Story[] = [];
  /** A plain approval with no evidence is routine: it joins the bulk history; every other story goes through the services. */
  const tell = (st: Story) => {
    if (st.fate !== 'approve' || st.evidence) return void stories.push(st);
    const at = submittedFor(st.due, 0.1);
    const b = st.body;
    if (before(at)) push({ indicatorId: b.indicatorId ?? null, taskId: b.taskId ?? null, periodKey: b.periodKey, regionCode: b.regionCode, value: b.value, taskStatus: b.taskStatus, percentComplete: b.percentComplete, narrative: b.narrative, submittedBy: st.by, submittedAt: at, approvedBy: st.reviewer });
  };
  for (const x of indicators) {
    const goal = goalOf(x);
    for (const year of YEARS) {
      for (const p of periodsOfItem('indicator', x.id, year)) {
        const value = goal === null ? null : indicatorValue(x, goal, year, indicatorPace.get(x.id)!);
        const narrative = QUALITATIVE[x.code] ?? (value === null ? '（演示数据）' : `${year} 年${x.name}为 ${value}${x.unit ?? ''}（演示数据）。`);
        const body = ReportBody.parse({ indicatorId: x.id, periodKey: p.key, regionCode: tree.regionCode, value, narrative });
        const by = dept(x.departments[0]!.id);
        const fate = year === 2025 ? rng.pick(['approve', 'approve', 'approve', 'approve', 'pending', 'missing'] as const) : rng.chance(0.08) ? 'return-then-approve' : year === 2023 && x.code === 'I28' ? 'correct' : 'approve';
        if (fate === 'approve' && year < 2025) {
          // Routine approved history: in bulk with the tasks' (the services carry the last year and every story).
          const at = submittedFor(p.due, 0.08);
          if (before(at)) push({ indicatorId: x.id, taskId: null, periodKey: p.key, regionCode: tree.regionCode, value, taskStatus: null, percentComplete: null, narrative, submittedBy: by, submittedAt: at, approvedBy: steering });
          continue;
        }
        tell({ body, by, reviewer: steering, due: p.due, fate, wrong: value === null ? null : r2(value * 10), evidence: rng.chance(0.15) });
      }
    }
  }
  // The counties' 2025 figures of the cascaded indicators.
  for (const x of allocated) {
    for (const p of periodsOfItem('indicator', x.id, 2025)) {
      for (const r of regions) {
        const share = shares.get(x.code)!.get(r.code)!;
        const value = indicatorValue(x, share.target, 2025, regionPace.get(r.code)! * indicatorPace.get(x.id)!, share.baseline ?? undefined);
        const body = ReportBody.parse({ indicatorId: x.id, periodKey: p.key, regionCode: r.code, value, narrative: '（演示数据）' });
        const fate = missingLastQuarter.has(r.code) ? 'missing' : rng.pick(['approve', 'approve', 'approve', 'approve', 'pending', 'return-then-approve'] as const);
        tell({ body, by: county(r.code), reviewer: dept(x.departments[0]!.id), due: p.due, fate, wrong: value === null ? null : r2(value * 10), evidence: false });
      }
    }
  }
  // The plan's last quarter, by each lead department: mostly approved, some pending, returned or still missing.
  for (const t of tasks) {
    const p = periodsOfItem('task', t.id, 2025).find((x) => x.key === lastQuarter);
    if (!p) continue;
    const body = ReportBody.parse({ taskId: t.id, periodKey: p.key, regionCode: tree.regionCode, ...taskProgress(20, taskPace.get(t.id)!), narrative: '' });
    const fate = rng.pick(['approve', 'approve', 'approve', 'approve', 'approve', 'approve', 'pending', 'pending', 'returned', 'missing'] as const);
    tell({ body: { ...body, narrative: taskNote(body.taskStatus!, rng) }, by: leadOf(t), reviewer: steering, due: p.due, fate, evidence: rng.chance(0.1) });
  }

  counts.bulk = await insertApprovedReports(ctx, bulk);
  for (const s of stories) {
    if (s.fate === 'missing') {
      counts.missing++;
      continue;
    }
    const at = submittedFor(s.due, 0.1);
    if (!before(at)) {
      counts.missing++;
      continue;
    }
    const review = reviewedAfter(at);
    const wrongFirst = s.fate === 'return-then-approve' || s.fate === 'returned';
    const first = await submitReport(ctx.as(s.by, at), wrongFirst && s.wrong !== undefined && s.wrong !== null ? { ...s.body, value: s.wrong } : s.body);
    counts.submitted++;
    if (s.evidence) {
      await attachEvidence(ctx.as(s.by, at), first.id, `佐证材料-${s.body.periodKey}（演示）.pdf`, evidencePdf(`${s.body.periodKey} ${s.body.regionCode}`));
      counts.evidence++;
    }
    if (s.fate === 'pending' || !before(review)) continue;
    if (wrongFirst) {
      const why = s.body.taskId !== undefined ? '进展说明过于简略，请补充本季度具体完成的工作量和存在的问题。' : '数值与统计部门口径不一致（疑似单位错误），请核实后重新报送。';
      await reviewReport(ctx.as(s.reviewer, review), first.id, 'return', why);
      counts.returned++;
      if (s.fate === 'returned') continue;
      const again = reviewedAfter(review);
      if (!before(again)) continue;
      const second = await submitReport(ctx.as(s.by, again), s.body);
      counts.submitted++;
      const ok = reviewedAfter(again);
      if (before(ok)) {
        await reviewReport(ctx.as(s.reviewer, ok), second.id, 'approve', '已核实，同意。');
        counts.approved++;
      }
      continue;
    }
    await reviewReport(ctx.as(s.reviewer, review), first.id, 'approve', null);
    counts.approved++;
    if (s.fate === 'correct' && s.body.value !== null) {
      const fixAt = officeTime(`${Number(s.body.periodKey.slice(0, 4)) + 1}-09-15`, 0, rng);
      if (!before(fixAt)) continue;
      const fixed = await submitReport(ctx.as(s.by, fixAt), { ...s.body, value: r2(s.body.value * 1.04), correctionReason: '统计部门发布年度修订数，按修订数更正（演示数据）' });
      const ok = reviewedAfter(fixAt);
      if (before(ok)) await reviewReport(ctx.as(s.reviewer, ok), fixed.id, 'approve', '按修订数核准。');
      counts.corrected++;
    }
  }
  ctx.log(
    `任务与指标报送：批量历史 ${counts.bulk} 条，逐条报送 ${counts.submitted} 次（核准 ${counts.approved}，退回 ${counts.returned}，更正 ${counts.corrected}，佐证 ${counts.evidence}），最后一期未报 ${counts.missing} 项`,
  );
}

import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { progressReport, reportEvent } from '../../db/schema/index';
import { noData, pct, share } from '../../domain/assessment/metrics';
import type { MetricKey, MetricValue } from '../../domain/assessment/model';
import type { IndicatorNode, PlanTree } from '../../domain/plan/model';
import { assessProgress, type ProgressStatus } from '../../domain/progress/status';
import { regionalTerms } from '../../domain/reporting/allocation';
import { beijingDate, elapsedYears, type Frequency, periodFromKey, periodsOf } from '../../domain/reporting/calendar';
import { getPlanTree, listPlanCodes } from '../plan/service';
import { type Entry, type Reporter, entriesFor, threadKey } from '../reporting/calendar.service';
import { reportingReference } from '../reporting/reference';
import * as reportingRepo from '../reporting/repo';
import { cadenceLookup } from '../reporting/service';
import { allocationsAsOf } from './targets-as-of';

type Metrics = Partial<Record<MetricKey, MetricValue>>;
type Report = typeof progressReport.$inferSelect;
type Allocation = Awaited<ReturnType<typeof reportingRepo.listAllocations>>[number];
export type AssessedReporter = Extract<Reporter, { kind: 'region' } | { kind: 'department' }>;

/** What every reporter's figures are read from, once, as of the cut-off. */
type Inputs = {
  tree: PlanTree;
  allocations: Allocation[];
  cadenceOf: Awaited<ReturnType<typeof cadenceLookup>>;
  rule: { atRiskRatio: number };
  /** Every revision submitted before the cut-off, by thread (item × period × region), oldest first. */
  threads: Map<string, Report[]>;
  /** The threads of each item × region. */
  byItem: Map<string, Report[][]>;
  /** Revisions approved before the cut-off. */
  approved: Set<number>;
  years: number[];
  cutoff: string;
};

const ON_TRACK: ReadonlySet<ProgressStatus> = new Set(['achieved', 'on-track']);

/**
 * 报告按时报送率, 任务按时完成率 and 指标按进度完成比例 as of the cut-off, for each reporter, from what it owes
 * (the reporting calendar: a department the city-wide reports of the items it owns or leads, a county its tasks and
 * its share of each allocated indicator), whoever filed the report:
 * - a report is due for every period of the years whose due date is on or before the cut-off; it is on time when its
 *   first revision came by the due date; a report never filed counts as due and late;
 * - a task is on time when its latest report approved before the cut-off says on-track or completed;
 * - an indicator is on track when its latest value approved before the cut-off is achieved or on track by the
 *   progress rule (assessProgress, the same rule as the 进展总览); one without an approved value counts as not.
 */
export async function reportingMetrics(db: Db, who: AssessedReporter[], years: number[], cutoff: string, end: Date): Promise<Map<string, Metrics>> {
  const out = new Map<string, Metrics>();
  const codes = await listPlanCodes(db);
  if (!codes.length) {
    for (const w of who) out.set(keyOf(w), { 'reports-on-time': noData('未加载规划'), 'indicators-on-track': noData('未加载规划') });
    return out;
  }
  const inputs = await loadInputs(db, codes[0]!, years, cutoff, end);
  for (const w of who) {
    const entries = entriesFor(inputs.tree, w, inputs.allocations);
    const m: Metrics = { 'reports-on-time': reportsOnTime(inputs, entries), 'indicators-on-track': indicatorsOnTrack(inputs, w, entries) };
    if (w.kind === 'department') m['tasks-on-time'] = tasksOnTime(inputs, entries);
    out.set(keyOf(w), m);
  }
  return out;
}

const keyOf = (w: AssessedReporter) => (w.kind === 'region' ? w.code : String(w.id));

async function loadInputs(db: Db, planCode: string, years: number[], cutoff: string, end: Date): Promise<Inputs> {
  const { tree } = await getPlanTree(db, planCode);
  const reports = (await db.select().from(progressReport).where(lt(progressReport.submittedAt, end))).filter((r) => years.includes(Number(r.periodKey.slice(0, 4))));
  const approved = new Set<number>();
  for (let i = 0; i < reports.length; i += 5000) {
    const ids = reports.slice(i, i + 5000).map((r) => r.id);
    const rows = await db.select({ id: reportEvent.reportId }).from(reportEvent).where(and(eq(reportEvent.action, 'approve'), lt(reportEvent.at, end), inArray(reportEvent.reportId, ids)));
    for (const r of rows) approved.add(r.id);
  }
  const threads = new Map<string, Report[]>();
  for (const r of reports) {
    const list = threads.get(threadKey(r));
    if (list) list.push(r);
    else threads.set(threadKey(r), [r]);
  }
  const byItem = new Map<string, Report[][]>();
  for (const list of threads.values()) {
    list.sort((a, b) => a.revision - b.revision);
    const k = itemKey(list[0]!);
    byItem.set(k, [...(byItem.get(k) ?? []), list]);
  }
  return {
    tree,
    allocations: await allocationsAsOf(db, end),
    cadenceOf: await cadenceLookup(db, cutoff),
    rule: (await reportingReference(db, cutoff)).progressStatus,
    threads,
    byItem,
    approved,
    years,
    cutoff,
  };
}

const itemKey = (r: { indicatorId: number | null; taskId: number | null; regionCode: string }) => `${r.indicatorId ?? ''}|${r.taskId ?? ''}|${r.regionCode}`;
const ref = (e: Entry) => ({ indicatorId: e.kind === 'indicator' ? e.itemId : null, taskId: e.kind === 'task' ? e.itemId : null, regionCode: e.regionCode });

const periodEnd = (r: Report) => periodFromKey(r.periodKey, 0)?.end ?? '';

/** The entry's latest report approved before the cut-off in the years (the latest period, its latest revision). */
function latestApproved(inputs: Inputs, e: Entry): Report | null {
  let best: Report | null = null;
  for (const list of inputs.byItem.get(itemKey(ref(e))) ?? []) {
    const a = list.filter((x) => inputs.approved.has(x.id)).at(-1);
    if (a && (!best || periodEnd(a) > periodEnd(best))) best = a;
  }
  return best;
}

function reportsOnTime(inputs: Inputs, entries: Entry[]): MetricValue {
  let due = 0;
  let onTime = 0;
  let missing = 0;
  for (const e of entries) {
    const cadence = inputs.cadenceOf(e.kind, e.itemId);
    for (const year of inputs.years) {
      for (const p of periodsOf(cadence.frequency as Frequency, year, cadence.dueDays)) {
        if (p.due > inputs.cutoff) continue; // not yet due at the cut-off
        due += 1;
        const first = inputs.threads.get(threadKey({ ...ref(e), periodKey: p.key }))?.[0];
        if (!first) missing += 1;
        else if (beijingDate(first.submittedAt) <= p.due) onTime += 1;
      }
    }
  }
  const rate = share(onTime, due);
  if (rate === null) return noData('截止日前无应报送的报告');
  return {
    value: rate,
    figures: [
      { label: '应报送报告数', value: String(due) },
      { label: '按时报送数', value: String(onTime) },
      { label: '逾期报送数', value: String(due - onTime - missing) },
      { label: '未报送数', value: String(missing) },
      { label: '按时报送率', value: pct(rate) },
    ],
  };
}

function tasksOnTime(inputs: Inputs, entries: Entry[]): MetricValue {
  const tasks = entries.filter((e) => e.kind === 'task');
  const ok = tasks.filter((e) => {
    const status = latestApproved(inputs, e)?.taskStatus;
    return status === 'on-track' || status === 'completed';
  }).length;
  const rate = share(ok, tasks.length);
  if (rate === null) return noData('无牵头任务');
  return { value: rate, figures: [{ label: '牵头任务数', value: String(tasks.length) }, { label: '按进度/已完成', value: String(ok) }, { label: '任务按时完成率', value: pct(rate) }] };
}

function indicatorsOnTrack(inputs: Inputs, who: AssessedReporter, entries: Entry[]): MetricValue {
  const all = new Map(inputs.tree.chapters.flatMap((c) => c.sections.flatMap((s) => s.indicators)).map((x) => [x.id, x]));
  const counts = { assessed: 0, onTrack: 0, behind: 0, noValue: 0 };
  for (const e of entries.filter((x) => x.kind === 'indicator')) {
    const x = all.get(e.itemId);
    if (!x) continue;
    const terms = termsOf(inputs, who, x);
    if (!terms) continue;
    const latest = latestApproved(inputs, e);
    const p = latest && periodFromKey(latest.periodKey, 0);
    if (!latest || latest.value === null || !p) {
      counts.assessed += 1;
      counts.noValue += 1;
      continue;
    }
    const { status } = assessProgress(terms, elapsedYears(p, x.baselineYear ?? inputs.tree.baselineYear), latest.value, inputs.rule);
    if (status === 'unknown') continue; // no goal or no path to judge by: not counted either way
    counts.assessed += 1;
    if (ON_TRACK.has(status)) counts.onTrack += 1;
    else counts.behind += 1;
  }
  const rate = share(counts.onTrack, counts.assessed);
  if (rate === null) return noData(who.kind === 'region' ? '未分解到本地区的指标' : '无负责的指标');
  return {
    value: rate,
    figures: [
      { label: '考核指标数', value: String(counts.assessed) },
      { label: '达成或符合进度', value: String(counts.onTrack) },
      { label: '滞后', value: String(counts.behind) },
      { label: '无已审核数值', value: String(counts.noValue) },
      { label: '按进度比例', value: pct(rate) },
    ],
  };
}

/** The indicator's terms for the reporter: the city's for a department, the county's share for a county. */
function termsOf(inputs: Inputs, who: AssessedReporter, x: IndicatorNode) {
  if (who.kind === 'department') return x;
  const a = inputs.allocations.find((s) => s.indicatorId === x.id && s.regionCode === who.code);
  return a ? regionalTerms(x, a) : null;
}

import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { progressReport, reportEvent, reportingRule } from '../../db/schema/index';
import { noData, pct, share } from '../../domain/assessment/metrics';
import type { MetricKey, MetricValue } from '../../domain/assessment/model';
import { beijingDate, periodFromKey } from '../../domain/reporting/calendar';
import { reportingReference } from '../reporting/reference';

type Metrics = Partial<Record<MetricKey, MetricValue>>;
export type Reporter = { kind: 'region'; code: string } | { kind: 'department'; id: number };

/**
 * 报告按时报送率, 任务按时完成率 and 指标按进度完成比例 from the progress reports submitted before the cut-off for
 * the period's years: a report is on time when its first revision came by the period's due date; a task is on time
 * when its latest report approved before the cut-off says on-track or completed.
 */
export async function reportingMetrics(db: Db, who: Reporter[], years: number[], cutoff: string, end: Date): Promise<Map<string, Metrics>> {
  const rules = await db.select().from(reportingRule);
  const defaults = (await reportingReference(db, cutoff)).reporting;
  const dueDays = (indicatorId: number | null, taskId: number | null) =>
    rules.find((r) => (indicatorId !== null ? r.indicatorId === indicatorId : r.taskId === taskId))?.dueDays ?? (indicatorId !== null ? defaults.indicator.dueDays : defaults.task.dueDays);
  const reports = await db.select().from(progressReport).where(lt(progressReport.submittedAt, end));
  const inPeriod = reports.filter((r) => years.includes(Number(r.periodKey.slice(0, 4))));
  const approvedIds = new Set(
    inPeriod.length
      ? (
          await db
            .select({ id: reportEvent.reportId })
            .from(reportEvent)
            .where(and(eq(reportEvent.action, 'approve'), lt(reportEvent.at, end), inArray(reportEvent.reportId, inPeriod.map((r) => r.id))))
        ).map((e) => e.id)
      : [],
  );
  const out = new Map<string, Metrics>();
  for (const w of who) {
    const own = inPeriod.filter((r) => (w.kind === 'region' ? r.regionCode === w.code : r.submittedByDepartmentId === w.id));
    const threads = new Map<string, typeof own>();
    for (const r of own) {
      const k = `${r.indicatorId ?? ''}|${r.taskId ?? ''}|${r.regionCode}|${r.periodKey}`;
      threads.set(k, [...(threads.get(k) ?? []), r].sort((a, b) => a.revision - b.revision));
    }
    let due = 0;
    let onTime = 0;
    let tasks = 0;
    let tasksOk = 0;
    for (const list of threads.values()) {
      const first = list[0]!;
      const days = dueDays(first.indicatorId, first.taskId);
      const p = periodFromKey(first.periodKey, days);
      // Only periods already due by the cut-off count.
      if (p && p.due <= cutoff) {
        due += 1;
        if (beijingDate(first.submittedAt) <= p.due) onTime += 1;
      }
      const approved = list.filter((r) => approvedIds.has(r.id)).at(-1);
      if (first.taskId !== null && approved) {
        tasks += 1;
        if (approved.taskStatus === 'on-track' || approved.taskStatus === 'completed') tasksOk += 1;
      }
    }
    const key = w.kind === 'region' ? w.code : String(w.id);
    const m: Metrics = {};
    const rate = share(onTime, due);
    m['reports-on-time'] = rate === null ? noData('截止日前无应报送的报告') : { value: rate, figures: [{ label: '应报送报告数', value: String(due) }, { label: '按时报送数', value: String(onTime) }, { label: '按时报送率', value: pct(rate) }] };
    const taskRate = share(tasksOk, tasks);
    if (w.kind === 'department')
      m['tasks-on-time'] = taskRate === null ? noData('截止日前无已审核的任务进展') : { value: taskRate, figures: [{ label: '已审核任务数', value: String(tasks) }, { label: '按进度/已完成', value: String(tasksOk) }, { label: '任务按时完成率', value: pct(taskRate) }] };
    m['indicators-on-track'] = noData('指标进度判定尚未接入考核（待按 progress/status 计算）');
    out.set(key, m);
  }
  return out;
}

import type { Locale } from '../../../../src/i18n/index';
import { ApiError } from '../../api/client';
import { isMessageKey, type Translate } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import { formatQuantity } from '../plan/format';
import type { PlanTree } from '../plan/queries';
import type { HistoryEvent, Report } from './queries';

/** What a report is about, as the plan names it. */
export type ItemInfo = { kind: 'indicator' | 'task'; id: number; code: string; name: string; unit: string | null; isQualitative: boolean };
export type ItemRef = { indicatorId: number | null; taskId: number | null };

export const itemKey = (kind: ItemInfo['kind'], id: number) => `${kind}:${id}`;
export const itemKeyOf = (r: ItemRef) => (r.indicatorId !== null ? itemKey('indicator', r.indicatorId) : itemKey('task', r.taskId ?? 0));

/** Every indicator and task of the plan by `itemKey`, for the names and units a report carries only ids of. */
export function itemIndex(tree: Pick<PlanTree, 'chapters'>): Map<string, ItemInfo> {
  const index = new Map<string, ItemInfo>();
  for (const s of tree.chapters.flatMap((c) => c.sections)) {
    for (const i of s.indicators) {
      index.set(itemKey('indicator', i.id), { kind: 'indicator', id: i.id, code: i.code, name: i.name, unit: i.unit, isQualitative: i.comparison === 'qualitative' });
    }
    for (const x of s.tasks) index.set(itemKey('task', x.id), { kind: 'task', id: x.id, code: x.code, name: x.text, unit: null, isQualitative: false });
  }
  return index;
}

const STATUS_COLOR: Record<Report['status'], string> = { submitted: 'blue', approved: 'green', returned: 'volcano', superseded: 'default' };

export function statusColor(status: Report['status']): string {
  return STATUS_COLOR[status];
}

/** What a revision says: the value with its unit for an indicator, “正常推进 · 40%” for a task. */
export function formatReportContent(r: Pick<Report, 'value' | 'taskStatus' | 'percentComplete'>, unit: string | null, t: Translate, locale: Locale): string {
  if (r.taskStatus !== null) {
    const status = t(`reporting.taskStatus.${r.taskStatus}`);
    return r.percentComplete === null ? status : `${status} · ${r.percentComplete}%`;
  }
  return r.value === null ? '—' : formatQuantity(r.value, unit, locale);
}

/** A history step's name (报送, 退回, …); an action the catalog does not know stays as its code. */
export function historyActionLabel(action: string, t: Translate): string {
  const key = `reporting.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

/** Where a thread stands for the next submission. */
export type ThreadState = {
  latest: Report | null;
  /** The approved revision (the value that counts), if any: a new one must be a correction. */
  approved: Report | null;
  /** The latest revision waits for review: nothing may be submitted. */
  isPending: boolean;
  /** The latest revision was returned, with the reviewer's comment. */
  returnComment: string | null;
  /** The values the form starts from: the returned revision to fix, or the approved one to correct. */
  prefill: Report | null;
};

export function threadState(revisions: readonly Report[], history: readonly HistoryEvent[]): ThreadState {
  const latest = revisions.reduce<Report | null>((a, r) => (!a || r.revision > a.revision ? r : a), null);
  const approved = revisions.find((r) => r.status === 'approved') ?? null;
  const isReturned = latest?.status === 'returned';
  const returnStep = isReturned ? history.filter((h) => h.reportId === latest.id && h.action === 'return').at(-1) : undefined;
  return {
    latest,
    approved,
    isPending: latest?.status === 'submitted',
    returnComment: returnStep?.comment ?? null,
    prefill: isReturned ? latest : approved,
  };
}

/** A failed action in one line for a message: the problem's title and, when it says more, its detail. */
export function problemMessage(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  const detail = problemDetail(error);
  return detail ? `${error.title} · ${detail}` : error.title;
}

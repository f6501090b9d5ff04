import { describe, expect, it } from 'vitest';
import { translate } from '../../../../src/i18n/index';
import { ApiError } from '../../api/client';
import type { Translate } from '../../app/i18n-context';
import type { HistoryEvent, Report } from './queries';
import { formatReportContent, historyActionLabel, itemIndex, itemKeyOf, problemMessage, statusColor, threadState } from './report-format';

const zh: Translate = (k, p) => translate('zh-CN', k, p);
const en: Translate = (k, p) => translate('en', k, p);

let id = 0;
const rev = (revision: number, status: Report['status'], o: Partial<Report> = {}): Report => ({
  id: ++id,
  indicatorId: 3,
  taskId: null,
  periodKey: '2024',
  regionCode: '360700',
  revision,
  status,
  value: 8100,
  taskStatus: null,
  percentComplete: null,
  narrative: '',
  correctionReason: null,
  submittedBy: 1,
  submittedAt: '2026-01-05T02:00:00.000Z',
  ...o,
});
const step = (reportId: number, action: string, comment: string | null = null): HistoryEvent => ({ id: ++id, reportId, action, comment, at: '2026-01-06T02:00:00.000Z', actorName: '张三' });

describe('what a report says', () => {
  it('writes an indicator value with the plan’s unit, a task as status and %', () => {
    expect(formatReportContent({ value: 8150, taskStatus: null, percentComplete: null }, '吨', zh, 'zh-CN')).toBe('8150 吨');
    expect(formatReportContent({ value: 12.5, taskStatus: null, percentComplete: null }, '%', en, 'en')).toBe('12.5%');
    expect(formatReportContent({ value: null, taskStatus: null, percentComplete: null }, null, zh, 'zh-CN')).toBe('—');
    expect(formatReportContent({ value: null, taskStatus: 'on-track', percentComplete: 40 }, null, zh, 'zh-CN')).toBe('正常推进 · 40%');
    expect(formatReportContent({ value: null, taskStatus: 'delayed', percentComplete: 10 }, null, en, 'en')).toBe('Delayed · 10%');
  });

  it('names history steps and colours statuses', () => {
    expect(historyActionLabel('return', zh)).toBe('退回');
    expect(historyActionLabel('approve', en)).toBe('approved');
    expect(historyActionLabel('escalate', zh)).toBe('escalate');
    expect(statusColor('approved')).toBe('green');
  });

  it('says a problem in one line, without repeating its title', () => {
    expect(problemMessage(new ApiError(403, 'forbidden', '无权访问', '无权审核该报告'))).toBe('无权访问 · 无权审核该报告');
    expect(problemMessage(new ApiError(403, 'forbidden', '无权访问', '无权访问'))).toBe('无权访问');
    expect(problemMessage(new Error('offline'))).toBe('offline');
  });
});

describe('the plan’s items by id', () => {
  it('indexes indicators (with unit) and tasks', () => {
    const ind = { id: 3, code: 'I03', name: '化学需氧量重点工程减排量', unit: '吨', comparison: 'gte' };
    const task = { id: 9, code: '2.1.1', text: '推进工业节能降碳' };
    const tree = { chapters: [{ sections: [{ indicators: [ind], tasks: [task] }] }] } as unknown as Parameters<typeof itemIndex>[0]; // only the fields itemIndex reads
    const index = itemIndex(tree);
    expect(index.get(itemKeyOf({ indicatorId: 3, taskId: null }))).toMatchObject({ code: 'I03', unit: '吨', isQualitative: false });
    expect(index.get(itemKeyOf({ indicatorId: null, taskId: 9 }))).toMatchObject({ kind: 'task', name: '推进工业节能降碳' });
  });
});

describe('threadState', () => {
  it('is empty before anything was submitted', () => {
    expect(threadState([], [])).toMatchObject({ latest: null, approved: null, isPending: false, prefill: null });
  });

  it('blocks a new submission while one waits for review', () => {
    expect(threadState([rev(1, 'submitted')], [])).toMatchObject({ isPending: true, approved: null });
  });

  it('starts from the returned revision, with the reviewer’s comment', () => {
    const r1 = rev(1, 'returned');
    const s = threadState([r1], [step(r1.id, 'submit'), step(r1.id, 'return', '请附核算表')]);
    expect(s).toMatchObject({ isPending: false, returnComment: '请附核算表', prefill: r1 });
  });

  it('locks an approved value, which only a correction can change', () => {
    const r1 = rev(1, 'returned');
    const r2 = rev(2, 'approved', { value: 8150 });
    const s = threadState([r1, r2], []);
    expect(s.approved).toBe(r2);
    expect(s.prefill).toBe(r2);
    expect(s.isPending).toBe(false);
    const r3 = rev(3, 'submitted', { correctionReason: '年报修订' });
    expect(threadState([r1, r2, r3], []).isPending).toBe(true);
  });
});

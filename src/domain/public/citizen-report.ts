/**
 * 举报/建议 from the public (issue #10): the kinds, the bounds of a location, the tracking number, who handles a report
 * and how it moves from one status to the next.
 */
export const REPORT_TYPES = ['pollution', 'energy-waste', 'suggestion'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_STATUSES = ['submitted', 'accepted', 'assigned', 'replied', 'closed', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_ACTIONS = ['accept', 'assign', 'reply', 'note', 'close', 'reject'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** 赣州市's extent with a margin (GCJ-02/WGS-84 alike at this scale): lon 113.9–116.6 °E, lat 24.5–27.2 °N. */
export const GANZHOU_BOUNDS = { minLon: 113.9, maxLon: 116.6, minLat: 24.5, maxLat: 27.2 } as const;

export function isInGanzhou(lon: number, lat: number): boolean {
  const b = GANZHOU_BOUNDS;
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

/** Reports one source address may file per hour, and photos per report. */
export const REPORTS_PER_SOURCE_PER_HOUR = 5;
export const PHOTOS_PER_REPORT = 4;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Photos are added right after submitting, from the same page: later uploads are refused. */
export const PHOTO_WINDOW_MINUTES = 60;

/** The local date (UTC+8, no daylight saving) of an instant as yyyymmdd. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** `GZ20261124-0007`: the Beijing date and the report's number that day. */
export function trackingNumber(at: Date, seqOfDay: number): string {
  return `GZ${beijingDay(at)}-${String(seqOfDay).padStart(4, '0')}`;
}

export const TRACKING_NO_PATTERN = /^GZ\d{8}-\d{4,6}$/;

/** Who handles a report: the bureau (city-wide) sees all; an assignee only what is assigned to it. */
export type Handler =
  | { kind: 'bureau' }
  | { kind: 'department'; departmentId: number }
  | { kind: 'county'; regionCode: string }
  | { kind: 'none' };

export type Assignment = { assignedDepartmentId: number | null; assignedRegionCode: string | null };

export function handlesReport(h: Handler, r: Assignment): boolean {
  if (h.kind === 'bureau') return true;
  if (h.kind === 'department') return r.assignedDepartmentId === h.departmentId;
  if (h.kind === 'county') return r.assignedRegionCode === h.regionCode;
  return false;
}

const OPEN: readonly ReportStatus[] = ['submitted', 'accepted', 'assigned', 'replied'];

export type Step = { ok: true; status: ReportStatus; visibleToReporter: boolean } | { ok: false; error: string; field?: string };

/**
 * The next status after an action, or why not: the bureau triages (accept, assign, reject); the bureau and the
 * assignee reply, note and close. A reply, a rejection's reason and the closing word are shown to the reporter.
 */
export function nextStatus(h: Handler, status: ReportStatus, action: ReportAction, comment: string): Step {
  const bureauOnly: readonly ReportAction[] = ['accept', 'assign', 'reject'];
  if (h.kind === 'none') return { ok: false, error: '无权处理该举报' };
  if (bureauOnly.includes(action) && h.kind !== 'bureau') return { ok: false, error: '只有市生态环境局或节能减排办公室可以受理、交办或不予受理' };
  if (action === 'note') {
    if (!comment) return { ok: false, error: '备注不能为空', field: 'comment' };
    return { ok: true, status, visibleToReporter: false };
  }
  if (!OPEN.includes(status)) return { ok: false, error: '该举报已办结或不予受理' };
  switch (action) {
    case 'accept':
      return status === 'submitted' ? { ok: true, status: 'accepted', visibleToReporter: true } : { ok: false, error: '该举报已受理' };
    case 'assign':
      return { ok: true, status: 'assigned', visibleToReporter: false };
    case 'reply':
      if (!comment) return { ok: false, error: '答复内容不能为空', field: 'comment' };
      return { ok: true, status: 'replied', visibleToReporter: true };
    case 'close':
      return { ok: true, status: 'closed', visibleToReporter: true };
    case 'reject':
      if (!comment) return { ok: false, error: '不予受理须说明理由', field: 'comment' };
      return { ok: true, status: 'rejected', visibleToReporter: true };
  }
}

import { ALARM_KINDS, ALARM_STATUSES, type AlarmKind, type AlarmStatus } from '../../../../src/domain/monitoring/model';
import type { DayRange } from './period';

/** The alarm centre's filters as they live in the address (?tab=alarms&status=new&station=12&from=…&to=…), so a view can be bookmarked and linked to. */
export type AlarmView = { status?: AlarmStatus; kind?: AlarmKind; regionCode?: string; stationId?: number; range: DayRange | null };

const DAY = /^\d{4}-\d\d-\d\d$/;
const oneOf = <T extends string>(all: readonly T[], v: string | null): T | undefined => (all as readonly string[]).includes(v ?? '') ? (v as T) : undefined;

/** Reads the filters; anything unknown or malformed in the address is ignored, never an error. */
export function alarmViewOf(p: URLSearchParams): AlarmView {
  const station = Number(p.get('station'));
  const from = p.get('from');
  const to = p.get('to');
  return {
    status: oneOf(ALARM_STATUSES, p.get('status')),
    kind: oneOf(ALARM_KINDS, p.get('kind')),
    regionCode: p.get('region') || undefined,
    stationId: Number.isInteger(station) && station > 0 ? station : undefined,
    range: from && to && DAY.test(from) && DAY.test(to) && from <= to ? [from, to] : null,
  };
}

/** Writes the filters into the address, keeping its other parameters (the tab). */
export function withAlarmView(p: URLSearchParams, v: AlarmView): URLSearchParams {
  const next = new URLSearchParams(p);
  const put = (k: string, x: string | number | undefined) => (x === undefined || x === '' ? next.delete(k) : next.set(k, String(x)));
  put('status', v.status);
  put('kind', v.kind);
  put('region', v.regionCode);
  put('station', v.stationId);
  put('from', v.range?.[0]);
  put('to', v.range?.[1]);
  return next;
}

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AlarmAction } from '../../../../src/domain/monitoring/model';
import type { AlarmOut, AlarmQuery, CompletenessOut, CompletenessQuery, SeriesOut, SeriesQuery, StationBody, StationOut, StationQuery, StationSecretsBody } from '../../../../src/modules/monitoring/schemas';
import { api, type Wire, withQuery } from '../../api/client';

export type Station = Wire<StationOut>;
export type NewStation = z.input<typeof StationBody>;
export type StationSecrets = z.input<typeof StationSecretsBody>;
// The output types: coerced numbers (ids, limit) are numbers here, and the query string carries them as text.
export type StationFilter = z.infer<typeof StationQuery>;
export type Series = Wire<z.infer<typeof SeriesOut>>;
export type SeriesPoint = Series['points'][number];
export type SeriesAsk = z.input<typeof SeriesQuery>;
export type Alarm = Wire<AlarmOut>;
export type AlarmFilter = Partial<z.infer<typeof AlarmQuery>>;
export type Completeness = Wire<z.infer<typeof CompletenessOut>>;
export type CompletenessAsk = z.infer<typeof CompletenessQuery>;

export const API = '/api/monitoring';

export const monitoringKeys = {
  all: ['monitoring'] as const,
  stations: (f: StationFilter) => [...monitoringKeys.all, 'stations', f] as const,
  station: (id: number) => [...monitoringKeys.all, 'station', id] as const,
  series: (id: number, q: SeriesAsk) => [...monitoringKeys.all, 'series', id, q] as const,
  alarms: (f: AlarmFilter) => [...monitoringKeys.all, 'alarms', f] as const,
  completeness: (q: CompletenessAsk) => [...monitoringKeys.all, 'completeness', q] as const,
};

/** How often lists ask again: stations upload every 30 s to a few minutes, so 15 s reads as live. */
export const LIVE_MS = 15_000;

// A 404 (another county's station, or none) will not turn into a 200 by asking again.
const ONCE = { retry: false } as const;

export const stationsQuery = (f: StationFilter) =>
  queryOptions({ queryKey: monitoringKeys.stations(f), queryFn: () => api<Station[]>(withQuery(`${API}/stations`, f)), refetchInterval: LIVE_MS, placeholderData: keepPreviousData, ...ONCE });

export const stationQuery = (id: number) => queryOptions({ queryKey: monitoringKeys.station(id), queryFn: () => api<Station>(`${API}/stations/${id}`), refetchInterval: LIVE_MS, ...ONCE });

export const seriesQuery = (id: number, q: SeriesAsk) =>
  queryOptions({ queryKey: monitoringKeys.series(id, q), queryFn: () => api<Series>(withQuery(`${API}/stations/${id}/series`, q)), placeholderData: keepPreviousData, ...ONCE });

export const alarmsQuery = (f: AlarmFilter) =>
  queryOptions({ queryKey: monitoringKeys.alarms(f), queryFn: () => api<Alarm[]>(withQuery(`${API}/alarms`, f)), refetchInterval: LIVE_MS, placeholderData: keepPreviousData, ...ONCE });

export const completenessQuery = (q: CompletenessAsk) =>
  queryOptions({ queryKey: monitoringKeys.completeness(q), queryFn: () => api<Completeness>(withQuery(`${API}/completeness`, q)), placeholderData: keepPreviousData, ...ONCE });

/** Where a station's live readings stream from (server-sent events; the session cookie goes along). */
export const liveUrl = (id: number) => `${API}/stations/${id}/live`;

/** Every write here can move the lists, the map and the alarm counts: refresh the whole module. */
function useMonitoringMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: monitoringKeys.all }) });
}

export const useSaveStation = () =>
  useMonitoringMutation(({ id, body }: { id: number | null; body: NewStation }) =>
    id === null ? api<Station>(`${API}/stations`, { method: 'POST', body }) : api<Station>(`${API}/stations/${id}`, { method: 'PUT', body }),
  );

export const useSetSecrets = () => useMonitoringMutation(({ id, body }: { id: number; body: StationSecrets }) => api<Station>(`${API}/stations/${id}/secrets`, { method: 'PUT', body }));

export const useAlarmAction = () =>
  useMonitoringMutation(({ id, action, note }: { id: number; action: AlarmAction; note: string | null }) => api<Alarm>(`${API}/alarms/${id}/actions`, { method: 'POST', body: { action, note } }));

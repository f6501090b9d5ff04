import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ComparisonOut, MetersOut, RejectionOut, SeriesOut } from '../../../../src/modules/metering/schemas';
import type { EnterpriseOut } from '../../../../src/modules/org/schemas';
import { api, type Wire, withQuery } from '../../api/client';
import type { Granularity } from './period';

export type EnterpriseMeters = Wire<z.infer<typeof MetersOut>>;
export type Meter = EnterpriseMeters['meters'][number];
export type MeterSeries = Wire<z.infer<typeof SeriesOut>>;
export type SeriesPoint = MeterSeries['points'][number];
export type Comparison = Wire<z.infer<typeof ComparisonOut>>;
export type CarrierLine = Comparison['carriers'][number];
export type Rejection = Wire<z.infer<typeof RejectionOut>>;
export type Enterprise = Wire<z.infer<typeof EnterpriseOut>>;
export type SeriesAsk = { granularity: Granularity; from: string; to: string };

const API = '/api/metering';

export const meteringKeys = {
  all: ['metering'] as const,
  meters: (enterpriseId: number) => [...meteringKeys.all, 'meters', enterpriseId] as const,
  series: (meterId: number, q: SeriesAsk) => [...meteringKeys.all, 'series', meterId, q] as const,
  comparison: (enterpriseId: number, year: number) => [...meteringKeys.all, 'comparison', enterpriseId, year] as const,
  rejections: (limit: number, reason: string | undefined) => [...meteringKeys.all, 'rejections', limit, reason ?? null] as const,
  enterprise: (id: number) => [...meteringKeys.all, 'enterprise', id] as const,
};

/** How often the live views ask again (在线监测: meters report every few minutes; ten seconds feels live). */
export const LIVE_MS = 10_000;

// A 404 (another enterprise's, or none) will not turn into a 200 by asking again.
const ONCE = { retry: false } as const;

/** The enterprise's meters with their latest reading, asked again every 10 s while the page is open. */
export const metersQuery = (enterpriseId: number) =>
  queryOptions({
    queryKey: meteringKeys.meters(enterpriseId),
    queryFn: () => api<EnterpriseMeters>(`${API}/enterprises/${enterpriseId}/meters`),
    refetchInterval: LIVE_MS,
    staleTime: 0,
    ...ONCE,
  });

/** A meter's use by hour, day or month over a window; the latest hours change as readings arrive. */
export const seriesQuery = (meterId: number, q: SeriesAsk) =>
  queryOptions({
    queryKey: meteringKeys.series(meterId, q),
    queryFn: () => api<MeterSeries>(withQuery(`${API}/meters/${meterId}/series`, q)),
    refetchInterval: LIVE_MS,
    placeholderData: (previous) => previous,
    ...ONCE,
  });

/** 在线监测 vs 年度报告 for a year. */
export const comparisonQuery = (enterpriseId: number, year: number) =>
  queryOptions({ queryKey: meteringKeys.comparison(enterpriseId, year), queryFn: () => api<Comparison>(withQuery(`${API}/enterprises/${enterpriseId}/comparison`, { year })), staleTime: 0, ...ONCE });

/** Readings the gateway refused, newest first (admins and the steering office only). */
export const rejectionsQuery = (limit: number, reason?: string) =>
  queryOptions({ queryKey: meteringKeys.rejections(limit, reason), queryFn: () => api<Rejection[]>(withQuery(`${API}/rejections`, { limit, reason })), refetchInterval: LIVE_MS, ...ONCE });

/** The enterprise itself (its name for the page title); a 404 when the user may not see it. */
export const enterpriseQuery = (id: number) => queryOptions({ queryKey: meteringKeys.enterprise(id), queryFn: () => api<Enterprise>(`/api/org/enterprises/${id}`), ...ONCE });

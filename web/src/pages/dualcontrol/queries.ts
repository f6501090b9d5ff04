import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountBody, AccountOut, AccountThreadOut, BarometerOut, QuarterBarometerOut, SeriesOut, TargetBody, TargetOut, WhatIfOut } from '../../../../src/modules/dualcontrol/schemas';
import { api, upload, type Wire, withQuery } from '../../api/client';

export type Barometer = Wire<z.infer<typeof BarometerOut>>;
export type BarometerRegion = Barometer['regions'][number];
export type Evaluation = NonNullable<BarometerRegion['evaluation']>;
export type QuarterBarometer = Wire<z.infer<typeof QuarterBarometerOut>>;
export type QuarterRegion = QuarterBarometer['regions'][number];
export type Series = Wire<z.infer<typeof SeriesOut>>;
export type Adjustment = Series['adjustments'][number];
export type Account = Wire<AccountOut>;
export type AccountThread = Wire<z.infer<typeof AccountThreadOut>>;
export type NewAccount = z.input<typeof AccountBody>;
export type Target = Wire<z.infer<typeof TargetOut>>;
export type NewTarget = z.input<typeof TargetBody>;
export type WhatIf = Wire<z.infer<typeof WhatIfOut>>;
/** What the Statistics Bureau import answers: how many regions it stored, for which period. */
export type AccountsImport = { imported: number; periodKey: string; sha256: string };
export type WhatIfAsk = { region: string; year: number; gdpGrowth: number; plannedEnergy?: number | null };

/** The dual-control API (the server moved it from /api/energy to /api/dualcontrol). */
const API = '/api/dualcontrol';

export const energyKeys = {
  all: ['energy'] as const,
  barometer: (year: number) => [...energyKeys.all, 'barometer', year] as const,
  quarter: (year: number, quarter: number) => [...energyKeys.all, 'barometer', year, 'quarter', quarter] as const,
  series: (region: string) => [...energyKeys.all, 'series', region] as const,
  accounts: () => [...energyKeys.all, 'accounts'] as const,
  account: (id: number) => [...energyKeys.all, 'account', id] as const,
  targets: () => [...energyKeys.all, 'targets'] as const,
  whatIf: (q: WhatIfAsk) => [...energyKeys.all, 'what-if', q] as const,
};

// Figures move between the counties and the city: ask again on mount.
const LIVE = { staleTime: 0 };

export const barometerQuery = (year: number) =>
  queryOptions({ queryKey: energyKeys.barometer(year), queryFn: () => api<Barometer>(withQuery(`${API}/barometer`, { year })), ...LIVE });

/** 季度晴雨表: year to date at the end of a quarter against the same period last year. */
export const quarterBarometerQuery = (year: number, quarter: 1 | 2 | 3 | 4) =>
  queryOptions({ queryKey: energyKeys.quarter(year, quarter), queryFn: () => api<QuarterBarometer>(withQuery(`${API}/barometer/quarter`, { year, quarter })), ...LIVE });

/** Where the bulletin of a quarter downloads from (a plain link: the session cookie goes along); the year is quarter 4. */
export const bulletinUrl = (kind: 'xlsx' | 'pdf', year: number, quarter: 1 | 2 | 3 | 4) => withQuery(`${API}/bulletin.${kind}`, { year, quarter });

/** The Statistics Bureau's sheet for a period ('2024' or '2024-M06'), with the regions the user may fill. */
export const accountsTemplateUrl = (periodKey: string) => withQuery(`${API}/accounts/template.xlsx`, { period: periodKey });

export const seriesQuery = (region: string) =>
  queryOptions({ queryKey: energyKeys.series(region), queryFn: () => api<Series>(`${API}/regions/${encodeURIComponent(region)}/series`), ...LIVE, retry: false });

export const accountsQuery = () => queryOptions({ queryKey: energyKeys.accounts(), queryFn: () => api<Account[]>(`${API}/accounts`), ...LIVE });

export const accountQuery = (id: number) => queryOptions({ queryKey: energyKeys.account(id), queryFn: () => api<AccountThread>(`${API}/accounts/${id}`), ...LIVE });

export const targetsQuery = () => queryOptions({ queryKey: energyKeys.targets(), queryFn: () => api<Target[]>(`${API}/targets`), ...LIVE });

export const whatIfQuery = (q: WhatIfAsk) =>
  queryOptions({
    queryKey: energyKeys.whatIf(q),
    queryFn: () => api<WhatIf>(withQuery(`${API}/what-if`, { region: q.region, year: q.year, gdpGrowth: q.gdpGrowth, plannedEnergy: q.plannedEnergy ?? undefined })),
    retry: false,
  });

/** Every write here can move the barometer, series and what-if: refresh the whole module. */
function useEnergyMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: energyKeys.all }) });
}

export const useSubmitAccount = () => useEnergyMutation((body: NewAccount) => api<Account>(`${API}/accounts`, { method: 'POST', body }));

export const useReviewAccount = () =>
  useEnergyMutation(({ id, action, comment }: { id: number; action: 'approve' | 'return'; comment: string | null }) =>
    api<Account>(`${API}/accounts/${id}/${action}`, { method: 'POST', body: { comment } }),
  );

export const useSetTarget = () =>
  useEnergyMutation(({ regionCode, body }: { regionCode: string; body: NewTarget }) => api<Target>(`${API}/targets/${encodeURIComponent(regionCode)}`, { method: 'PUT', body }));

/** Imports the Statistics Bureau's filled sheet (raw .xlsx): new revisions awaiting review, or every bad cell. */
export const useImportAccounts = () => useEnergyMutation((file: Blob) => upload<AccountsImport>(`${API}/accounts/import`, file));

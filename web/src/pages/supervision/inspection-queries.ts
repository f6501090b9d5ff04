import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CountyRowOut,
  EvidenceOut,
  FindingBody,
  InspectionBody,
  InspectionDetailOut,
  InspectionRowOut,
  OrderActionBody,
  OrderBody,
  OrderDetailOut,
  OrderRowOut,
  PlanBody,
  PlanOut,
  RecordBody,
  TransferActionBody,
  TransferBody,
  TransferOut,
} from '../../../../src/modules/supervision/inspections.schemas';
import { api, upload, type Wire, withQuery } from '../../api/client';

export type Plan = Wire<PlanOut>;
export type InspectionRow = Wire<InspectionRowOut>;
export type InspectionDetail = Wire<InspectionDetailOut>;
export type OrderRow = Wire<OrderRowOut>;
export type OrderDetail = Wire<OrderDetailOut>;
export type Transfer = Wire<TransferOut>;
export type CountyRow = Wire<CountyRowOut>;
export type Evidence = Wire<EvidenceOut>;
export type InspectionFilter = { year?: number; regionCode?: string; status?: string };

const S = '/api/supervision';
export const inspectionKeys = {
  all: ['supervision-inspections'] as const,
  plans: (year: number) => [...inspectionKeys.all, 'plans', year] as const,
  list: (f: InspectionFilter) => [...inspectionKeys.all, 'list', f] as const,
  detail: (id: number) => [...inspectionKeys.all, 'detail', id] as const,
  counties: (year: number) => [...inspectionKeys.all, 'counties', year] as const,
  orders: (f: { status?: string }) => [...inspectionKeys.all, 'orders', f] as const,
  order: (id: number) => [...inspectionKeys.all, 'order', id] as const,
  transfers: () => [...inspectionKeys.all, 'transfers'] as const,
};

export const plansQuery = (year: number) => queryOptions({ queryKey: inspectionKeys.plans(year), queryFn: () => api<Plan[]>(withQuery(`${S}/inspection-plans`, { year })) });
export const inspectionsQuery = (f: InspectionFilter) => queryOptions({ queryKey: inspectionKeys.list(f), queryFn: () => api<InspectionRow[]>(withQuery(`${S}/inspections`, f)) });
export const inspectionQuery = (id: number) => queryOptions({ queryKey: inspectionKeys.detail(id), queryFn: () => api<InspectionDetail>(`${S}/inspections/${id}`) });
export const countiesQuery = (year: number) => queryOptions({ queryKey: inspectionKeys.counties(year), queryFn: () => api<CountyRow[]>(withQuery(`${S}/inspection-counties`, { year })) });
export const ordersQuery = (f: { status?: string }) => queryOptions({ queryKey: inspectionKeys.orders(f), queryFn: () => api<OrderRow[]>(withQuery(`${S}/orders`, f)), retry: false });
export const orderQuery = (id: number) => queryOptions({ queryKey: inspectionKeys.order(id), queryFn: () => api<OrderDetail>(`${S}/orders/${id}`) });
export const transfersQuery = () => queryOptions({ queryKey: inspectionKeys.transfers(), queryFn: () => api<Transfer[]>(`${S}/transfers`), retry: false });
export const ledgerUrl = (year: number) => withQuery(`${S}/inspection-ledger.xlsx`, { year });
export const noticeUrl = (id: number) => `${S}/orders/${id}/notice.pdf`;
export const evidenceUrl = (id: number) => `${S}/evidence/${id}`;

/** A mutation that refreshes everything of the inspections part on success (the lists are small). */
function useInspectionMutation<V, T>(fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: inspectionKeys.all }) });
}

export const useCreatePlan = () => useInspectionMutation((b: z.input<typeof PlanBody>) => api<Plan>(`${S}/inspection-plans`, { method: 'POST', body: b }));
export const useApprovePlan = () => useInspectionMutation((id: number) => api<Plan>(`${S}/inspection-plans/${id}/approve`, { method: 'POST' }));
export const useCreateInspection = () => useInspectionMutation((b: z.input<typeof InspectionBody>) => api<{ id: number }>(`${S}/inspections`, { method: 'POST', body: b }));
export const useRecordInspection = (id: number) => useInspectionMutation((b: z.input<typeof RecordBody>) => api<InspectionDetail>(`${S}/inspections/${id}/record`, { method: 'PUT', body: b }));
export const useAddFinding = (id: number) => useInspectionMutation((b: z.input<typeof FindingBody>) => api<{ id: number }>(`${S}/inspections/${id}/findings`, { method: 'POST', body: b }));
export const useFindingEvidence = () => useInspectionMutation(({ findingId, file }: { findingId: number; file: File }) => upload<Evidence>(withQuery(`${S}/findings/${findingId}/evidence`, { fileName: file.name }), file));
export const useTransfer = () => useInspectionMutation(({ findingId, ...b }: z.input<typeof TransferBody> & { findingId: number }) => api<Transfer>(`${S}/findings/${findingId}/transfers`, { method: 'POST', body: b }));
export const useIssueOrder = (id: number) => useInspectionMutation((b: z.input<typeof OrderBody>) => api<OrderRow>(`${S}/inspections/${id}/orders`, { method: 'POST', body: b }));
export const useOrderAction = (id: number) => useInspectionMutation((b: z.input<typeof OrderActionBody>) => api<OrderDetail>(`${S}/orders/${id}/actions`, { method: 'POST', body: b }));
export const useOrderEvidence = (id: number) => useInspectionMutation((file: File) => upload<Evidence>(withQuery(`${S}/orders/${id}/evidence`, { fileName: file.name }), file));
export const useTransferAction = () => useInspectionMutation(({ id, ...b }: z.input<typeof TransferActionBody> & { id: number }) => api<Transfer>(`${S}/transfers/${id}/actions`, { method: 'POST', body: b }));

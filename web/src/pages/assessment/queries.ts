import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssessmentActionBody,
  AssessmentCreateBody,
  AssessmentOut,
  ComparisonOut,
  EvidenceOut,
  ExemptionBody,
  SchemeBody,
  SchemeOut,
  ScoreBody,
  ScoreOut,
  SubjectDetailOut,
} from '../../../../src/modules/assessment/schemas';
import { ApiError, api, type Wire } from '../../api/client';

export type Scheme = Wire<SchemeOut>;
export type Assessment = Wire<AssessmentOut>;
export type SubjectRow = Assessment['subjects'][number];
export type SubjectDetail = Wire<SubjectDetailOut>;
export type ItemRow = SubjectDetail['result']['items'][number];
export type Score = Wire<z.infer<typeof ScoreOut>>;
export type Evidence = Wire<z.infer<typeof EvidenceOut>>;
export type Comparison = Wire<ComparisonOut>;
export type NewAssessment = z.input<typeof AssessmentCreateBody>;
export type ActionBody = z.input<typeof AssessmentActionBody>;
export type Action = ActionBody['action'];
export type NewScore = z.input<typeof ScoreBody>;

const API = '/api/assessment';
const A = (id: number) => `${API}/assessments/${id}`;
const S = (id: number, key: string) => `${A(id)}/subjects/${encodeURIComponent(key)}`;

export const assessmentKeys = {
  all: ['assessment'] as const,
  schemes: () => [...assessmentKeys.all, 'schemes'] as const,
  list: () => [...assessmentKeys.all, 'list'] as const,
  one: (id: number) => [...assessmentKeys.all, 'one', id] as const,
  comparison: (id: number) => [...assessmentKeys.all, 'comparison', id] as const,
  subject: (id: number, key: string) => [...assessmentKeys.all, 'subject', id, key] as const,
};

// Scores and statuses move between the counties, the departments and the steering office: ask again on mount.
const LIVE = { staleTime: 0 };

export const schemesQuery = () => queryOptions({ queryKey: assessmentKeys.schemes(), queryFn: () => api<Scheme[]>(`${API}/schemes`), ...LIVE });
export const assessmentsQuery = () => queryOptions({ queryKey: assessmentKeys.list(), queryFn: () => api<Assessment[]>(`${API}/assessments`), ...LIVE });
export const assessmentQuery = (id: number) => queryOptions({ queryKey: assessmentKeys.one(id), queryFn: () => api<Assessment>(A(id)), ...LIVE });
export const comparisonQuery = (id: number) => queryOptions({ queryKey: assessmentKeys.comparison(id), queryFn: () => api<Comparison>(`${A(id)}/comparison`), ...LIVE });
export const subjectQuery = (id: number, key: string) => queryOptions({ queryKey: assessmentKeys.subject(id, key), queryFn: () => api<SubjectDetail>(S(id, key)), ...LIVE });

/** Downloads (plain links: the session cookie goes along). */
export const summaryXlsxUrl = (id: number) => `${A(id)}/summary.xlsx`;
export const reportPdfUrl = (id: number, key: string) => `${S(id, key)}/report.pdf`;
export const evidenceUrl = (id: number, key: string, evidenceId: number) => `${S(id, key)}/evidence/${evidenceId}`;

/** Every write can move the ranking, a subject and the list: refresh the whole module. */
function useAssessmentMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.all }) });
}

export const useSaveScheme = () =>
  useAssessmentMutation(({ id, body }: { id: number | null; body: z.input<typeof SchemeBody> }) =>
    id === null ? api<Scheme>(`${API}/schemes`, { method: 'POST', body }) : api<Scheme>(`${API}/schemes/${id}`, { method: 'PUT', body }),
  );
export const useOpenAssessment = () => useAssessmentMutation((body: NewAssessment) => api<Assessment>(`${API}/assessments`, { method: 'POST', body }));
export const useAssessmentAction = (id: number) => useAssessmentMutation((body: ActionBody) => api<Assessment>(`${A(id)}/actions`, { method: 'POST', body }));
export const useRecompute = (id: number) => useAssessmentMutation(() => api<Assessment>(`${A(id)}/recompute`, { method: 'POST' }));
export const useSetExemption = (id: number, key: string) =>
  useAssessmentMutation((body: z.input<typeof ExemptionBody>) => api<SubjectDetail>(`${S(id, key)}/exemptions`, { method: 'POST', body }));
export const useSaveScore = (id: number, key: string) => useAssessmentMutation((body: NewScore) => api<SubjectDetail>(`${S(id, key)}/scores`, { method: 'POST', body }));

/** The evidence upload of this module is multipart (the itemKey field and the file), per the contract. */
export const useUploadItemEvidence = (id: number, key: string) =>
  useAssessmentMutation(async ({ itemKey, file }: { itemKey: string; file: File }) => {
    const form = new FormData();
    form.append('itemKey', itemKey);
    form.append('file', file, file.name);
    const res = await fetch(`${S(id, key)}/evidence`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { code?: string; title?: string; detail?: string } | null;
      throw new ApiError(res.status, body?.code ?? 'http', body?.title ?? res.statusText, body?.detail ?? '');
    }
    const detail = (await res.json()) as SubjectDetail;
    // EvidenceUploadButton names the stored file in its notice.
    return { fileName: file.name, detail };
  });

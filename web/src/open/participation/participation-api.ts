import type { CommitmentDetailOut, CommitmentOut } from '../../../../src/modules/public/commitments.schemas';
import type { NewsOut, NewsRowOut } from '../../../../src/modules/public/news.schemas';
import { solveChallenge } from '../report/proof-of-work';

/**
 * The participation pages' calls to /api/public (plain fetch, no session). Problems (RFC 9457) become `OpenApiError`
 * with the field errors, so a form shows each next to its field.
 */
type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
export type PublicCommitment = Wire<CommitmentOut>;
export type PublicCommitmentDetail = Wire<CommitmentDetailOut>;
export type NewsRow = Wire<NewsRowOut>;
export type News = Wire<NewsOut>;
export type Region = { code: string; name: string };

export const COMMITMENT_TOKEN_HEADER = 'x-commitment-token';

export class OpenApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(detail);
  }
}

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  if (res.ok) return (await res.json()) as T;
  let detail = res.statusText;
  const fieldErrors: Record<string, string> = {};
  try {
    const p = (await res.json()) as { detail?: string; title?: string; errors?: { pointer?: string; field?: string; detail?: string }[] };
    detail = p.detail || p.title || detail;
    for (const e of p.errors ?? []) {
      const name = e.pointer?.replace(/^#\//, '').split('/')[0] || e.field?.split('.')[0];
      if (name && e.detail && !fieldErrors[name]) fieldErrors[name] = e.detail;
    }
  } catch {
    // not a problem document: the status text says enough
  }
  throw new OpenApiError(res.status, detail, fieldErrors);
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const query = (q: Record<string, string>) => {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();
  return s ? `?${s}` : '';
};

/** The counties of the public forms (the citizen reports' list, shared by the whole public site). */
export const getRegions = () => call<Region[]>('/api/public/reports/regions');
export const listCommitments = (q: Record<string, string>) => call<PublicCommitment[]>(`/api/public/commitments${query(q)}`);
export const getCommitment = (id: number) => call<PublicCommitmentDetail>(`/api/public/commitments/${id}`);
export const makeCommitment = (body: Record<string, unknown>) => call<{ id: number; token: string }>('/api/public/commitments', post(body));
export const addUpdate = (id: number, token: string, body: Record<string, unknown>) => call<unknown>(`/api/public/commitments/${id}/updates`, post(body, { [COMMITMENT_TOKEN_HEADER]: token }));
export const listNews = () => call<NewsRow[]>('/api/public/news');
export const getNews = (id: number) => call<News>(`/api/public/news/${id}`);

/** Gets a challenge (the public forms' one) and solves it as the report form does (../report/proof-of-work). */
export async function solvedChallenge(onProgress: (fraction: number) => void = () => {}): Promise<{ challenge: string; nonce: string }> {
  const { challenge, difficulty } = await call<{ challenge: string; difficulty: number }>('/api/public/reports/challenge');
  return { challenge, nonce: await solveChallenge(challenge, difficulty, onProgress) };
}

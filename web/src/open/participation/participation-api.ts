import type { CommitmentDetailOut, CommitmentOut } from '../../../../src/modules/public/commitments.schemas';
import type { NewsOut, NewsRowOut } from '../../../../src/modules/public/news.schemas';
import { solveChallenge } from '../report/proof-of-work';

import { call, postJson, type Wire } from '../api';

/** The participation pages' calls to /api/public (through the site's one fetch helper). */
export type PublicCommitment = Wire<CommitmentOut>;
export type PublicCommitmentDetail = Wire<CommitmentDetailOut>;
export type NewsRow = Wire<NewsRowOut>;
export type News = Wire<NewsOut>;
export type Region = { code: string; name: string };

export const COMMITMENT_TOKEN_HEADER = 'x-commitment-token';

export { OpenApiError } from '../api';

const query = (q: Record<string, string>) => {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();
  return s ? `?${s}` : '';
};

/** The counties of the public forms (the citizen reports' list, shared by the whole public site). */
export const getRegions = () => call<Region[]>('/api/public/reports/regions');
export const listCommitments = (q: Record<string, string>) => call<PublicCommitment[]>(`/api/public/commitments${query(q)}`);
export const getCommitment = (id: number) => call<PublicCommitmentDetail>(`/api/public/commitments/${id}`);
export const makeCommitment = (body: Record<string, unknown>) => call<{ id: number; token: string }>('/api/public/commitments', postJson(body));
export const addUpdate = (id: number, token: string, body: Record<string, unknown>) => call<unknown>(`/api/public/commitments/${id}/updates`, postJson(body, { [COMMITMENT_TOKEN_HEADER]: token }));
export const listNews = () => call<NewsRow[]>('/api/public/news');
export const getNews = (id: number) => call<News>(`/api/public/news/${id}`);

/** Gets a challenge (the public forms' one) and solves it as the report form does (../report/proof-of-work). */
export async function solvedChallenge(onProgress: (fraction: number) => void = () => {}): Promise<{ challenge: string; nonce: string }> {
  const { challenge, difficulty } = await call<{ challenge: string; difficulty: number }>('/api/public/reports/challenge');
  return { challenge, nonce: await solveChallenge(challenge, difficulty, onProgress) };
}

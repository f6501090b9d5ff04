import type { ChallengeOut, PhotoOut, RegionOut, SubmittedOut, TrackedReportOut } from '../../../../src/modules/public/citizen-reports.schemas';

/**
 * The report pages' calls to /api/public (plain fetch: the public site has no session and no antd). Problems
 * (RFC 9457) become `ReportApiError` with the field errors, so the form shows each next to its field.
 */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type Tracked = Omit<Wire<TrackedReportOut>, 'replies'> & { replies: Wire<TrackedReportOut['replies'][number]>[] };
export type Submitted = Wire<SubmittedOut>;

export const TOKEN_HEADER = 'x-report-token';

export class ReportApiError extends Error {
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
  throw new ReportApiError(res.status, detail, fieldErrors);
}

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const BASE = '/api/public/reports';

export const getRegions = () => call<RegionOut[]>(`${BASE}/regions`);
export const getChallenge = () => call<Wire<ChallengeOut>>(`${BASE}/challenge`);
export const submitReport = (body: Record<string, unknown>) => call<Submitted>(BASE, json(body));

export function uploadPhoto(trackingNo: string, token: string, file: File) {
  return call<PhotoOut>(`${BASE}/${encodeURIComponent(trackingNo)}/photos?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: token },
  });
}

export const trackReport = (trackingNo: string, token: string) => call<Tracked>(`${BASE}/${encodeURIComponent(trackingNo)}`, { headers: { [TOKEN_HEADER]: token } });

/** A photo as an object URL (an <img> cannot send the token header). */
export async function trackedPhotoUrl(trackingNo: string, token: string, photoId: number): Promise<string> {
  const res = await fetch(`${BASE}/${encodeURIComponent(trackingNo)}/photos/${photoId}`, { headers: { [TOKEN_HEADER]: token } });
  if (!res.ok) throw new ReportApiError(res.status, res.statusText, {});
  return URL.createObjectURL(await res.blob());
}

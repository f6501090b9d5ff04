import type { ChallengeOut, PhotoOut, RegionOut, SubmittedOut, TrackedReportOut } from '../../../../src/modules/public/citizen-reports.schemas';
import { call, OpenApiError, postJson, type Wire } from '../api';

/** The report pages' calls to /api/public/reports (through the site's one fetch helper). */
export type Tracked = Wire<TrackedReportOut>;
export type Submitted = Wire<SubmittedOut>;

export const TOKEN_HEADER = 'x-report-token';

const BASE = '/api/public/reports';

export const getRegions = () => call<RegionOut[]>(`${BASE}/regions`);
export const getChallenge = () => call<Wire<ChallengeOut>>(`${BASE}/challenge`);
export const submitReport = (body: Record<string, unknown>) => call<Submitted>(BASE, postJson(body));

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
  if (!res.ok) throw new OpenApiError(res.status, res.statusText);
  return URL.createObjectURL(await res.blob());
}

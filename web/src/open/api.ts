/**
 * The public site's one fetch: GET JSON from the public API, no cookies, errors as exceptions. No antd, no query
 * library: the site must stay light on a phone.
 */
export class OpenApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export async function getJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'omit', headers: { accept: 'application/json' }, ...init });
  if (!res.ok) throw new OpenApiError(res.status);
  return (await res.json()) as T;
}

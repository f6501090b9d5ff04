/**
 * The public site's calls to /api/public: plain fetch, no cookies, no query library (the site must stay light on a
 * phone). A problem document (RFC 9457) becomes `OpenApiError` with its field errors, so a form shows each next to
 * its field.
 */

/** A server type as it arrives in JSON: dates as strings. */
export type Wire<T> = T extends Date ? string : T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export class OpenApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/** Sends the request and answers the JSON body, or throws the problem as an OpenApiError. */
export async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { credentials: 'omit', ...init, headers: { accept: 'application/json', ...init.headers } });
  if (res.ok) return (await res.json()) as T;
  let detail = res.statusText || `HTTP ${res.status}`;
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

/** GET of JSON. */
export const getJson = <T>(path: string): Promise<T> => call<T>(path);

/** A JSON POST's request options, with extra headers. */
export const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

import type { Locale } from '../../../src/i18n/index';

/** One entry of a problem's `errors`: where the bad input is and why. */
/** One entry of a problem's `errors`: where the bad input is (JSON pointer, or sheet/row/column of a workbook) and why. */
export type ProblemFieldError = { pointer?: string; sheet?: string; row?: number; field?: string; offset?: number; detail: string };

/** An RFC 9457 problem answered by the API, thrown by `api()`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: ProblemFieldError[] = [],
  ) {
    super(detail || title);
    this.name = 'ApiError';
  }
}

/** A response body as JSON carries it: dates become strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

let language: Locale = 'zh-CN';
let onUnauthenticated: () => void = () => {};

/** The UI language, sent as Accept-Language so that problem titles come back in it. */
export function setApiLanguage(locale: Locale): void {
  language = locale;
}

/** What to do when the session is gone (a 401 from any call but the login itself). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** `/api/x` + the defined query parameters. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function toProblemErrors(v: unknown): ProblemFieldError[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isRecord).map((e) => ({
    pointer: typeof e.pointer === 'string' ? e.pointer : undefined,
    sheet: typeof e.sheet === 'string' ? e.sheet : undefined,
    row: typeof e.row === 'number' && Number.isInteger(e.row) ? e.row : undefined,
    field: typeof e.field === 'string' ? e.field : undefined,
    // Where in a text field the bad character is (a USCC's position, 0-based).
    offset: typeof e.offset === 'number' && Number.isInteger(e.offset) ? e.offset : undefined,
    detail: typeof e.detail === 'string' ? e.detail : '',
  }));
}

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : null;
  if (!isRecord(body)) return new ApiError(res.status, 'http', res.statusText, '');
  const str = (k: string) => (typeof body[k] === 'string' ? String(body[k]) : '');
  return new ApiError(res.status, str('code') || 'http', str('title') || res.statusText, str('detail'), toProblemErrors(body.errors));
}

/**
 * The one fetch of the web app: JSON in and out, the session cookie, the UI language.
 * A problem+json answer becomes an `ApiError`; a 401 also sends the user to the login page.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && path !== '/api/auth/login') onUnauthenticated();
    throw error;
  }
  if (res.status === 204) return undefined as T; // no body: callers of such routes type T as void
  // The server checks every response against its route's zod schema before sending it,
  // so the body has that schema's JSON shape, which is what callers name as T (via Wire<…>).
  return (await res.json()) as T;
}

/**
 * Sends a file's raw bytes (no multipart) as application/octet-stream, with the same session,
 * language and problem handling as `api()`. The server decides the type from the content.
 */
export async function upload<T>(path: string, file: Blob): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'accept-language': language, 'content-type': 'application/octet-stream' },
    credentials: 'same-origin',
    body: file,
  });
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) onUnauthenticated();
    throw error;
  }
  // As in api(): the server checks the response against its route's schema, which T names.
  return (await res.json()) as T;
}

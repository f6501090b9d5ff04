import type { ApiError } from '../api/client';

export type FieldErrorEntry<F extends string> = { name: F; errors: string[] };

/** `#/a/b` → ['a', 'b'] (RFC 6901 unescaping). */
export function pointerToPath(pointer: string): string[] {
  return pointer
    .replace(/^#?\//, '')
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A problem's `errors` as AntD `form.setFields` entries, for the (top-level) fields the form has.
 * What points at no field of the form is left to the caller to show.
 */
export function problemToFields<F extends string>(error: ApiError, fields: readonly F[]): FieldErrorEntry<F>[] {
  const entries: FieldErrorEntry<F>[] = [];
  for (const e of error.errors) {
    const path = e.pointer ? pointerToPath(e.pointer) : e.field ? e.field.split('.') : [];
    const name = fields.find((f) => f === path[0]);
    if (name) entries.push({ name, errors: [e.detail || error.title] });
  }
  return entries;
}

/**
 * PostgreSQL array literals for bulk writes (`unnest($1::float8[], …)`), built here rather than by node-postgres:
 * its generic conversion escapes every element through several calls, which dominated the cost of storing a batch
 * of readings. The literal is still one bound parameter (never SQL text). Syntax: PostgreSQL manual §8.15.6.
 */

type Element = string | number | boolean | Date | null;

/**
 * `{a,b,NULL}` for numbers, booleans and dates (ISO instants, each Date object converted once even when the rows of
 * one upload share it), and double-quoted, backslash-escaped text for strings.
 */
export function arrayLiteral(values: readonly Element[]): string {
  // one string per element joined once: appending to one string grew a rope V8 then had to flatten (twice as slow)
  const parts = new Array<string>(values.length);
  let lastDate: Date | null = null;
  let lastIso = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === null) parts[i] = 'NULL';
    else if (typeof v === 'number') parts[i] = Number.isFinite(v) ? String(v) : 'NULL';
    else if (typeof v === 'boolean') parts[i] = v ? 't' : 'f';
    else if (v instanceof Date) {
      if (v !== lastDate) {
        lastDate = v;
        lastIso = v.toISOString();
      }
      parts[i] = lastIso;
    } else parts[i] = NEEDS_ESCAPE.test(v) ? `"${v.replace(ESCAPED, '\\$&')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from './arrays';

const pg = new PGlite();
afterAll(() => pg.close());

describe('arrayLiteral', () => {
  it('writes the literal PostgreSQL reads back, element for element', async () => {
    const texts = ['a21026', '', 'NULL', 'say "hi"', 'back\\slash', '{,}', ' spaced ', '氧气', null];
    const r = await pg.query<{ t: Array<string | null> }>('select $1::text[] as t', [arrayLiteral(texts)]);
    expect(r.rows[0]!.t).toEqual(texts);
    const numbers = [0, -1.5, 1e-7, 123456789.123, null, Number.NaN];
    const n = await pg.query<{ n: Array<number | null> }>('select $1::float8[] as n', [arrayLiteral(numbers)]);
    expect(n.rows[0]!.n).toEqual([0, -1.5, 1e-7, 123456789.123, null, null]);
    const at = new Date('2026-11-24T01:02:03.456Z');
    const d = await pg.query<{ d: Date[]; b: boolean[] }>('select $1::timestamptz[] as d, $2::bool[] as b', [arrayLiteral([at, at]), arrayLiteral([true, false])]);
    expect(d.rows[0]!.d.map((x) => x.getTime())).toEqual([at.getTime(), at.getTime()]);
    expect(d.rows[0]!.b).toEqual([true, false]);
  });

  it('round-trips any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.string({ unit: 'grapheme' }).map((s) => s.replace(/\0/g, '')), { nil: null }), { maxLength: 8 }), async (texts) => {
        const r = await pg.query<{ t: Array<string | null> | null }>('select $1::text[] as t', [arrayLiteral(texts)]);
        expect(r.rows[0]!.t ?? []).toEqual(texts);
      }),
      { numRuns: 200 },
    );
  });
});

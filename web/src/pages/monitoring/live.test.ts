import { describe, expect, it } from 'vitest';
import { appendLive, type LivePoint, parseLiveEvent } from './live';

const p = (at: string, value: number, kind = 'rtd'): LivePoint => ({ factor: 'w01018', kind, at, value, min: null, max: null, zs: null, flag: 'N' });

describe('parseLiveEvent', () => {
  it('reads the server’s readings event: an array of { kind, factor, at, value, zs, flag }', () => {
    expect(
      parseLiveEvent('[{"kind":"rtd","factor":"w01018","at":"2026-11-24T02:00:00.000Z","value":61.2,"zs":null,"flag":"N"},{"kind":"min","factor":"a21026","at":"2026-11-24T10:00:00+08:00","value":35.5,"zs":41.2,"flag":null}]'),
    ).toEqual([
      { factor: 'w01018', kind: 'rtd', at: '2026-11-24T02:00:00.000Z', value: 61.2, min: null, max: null, zs: null, flag: 'N' },
      { factor: 'a21026', kind: 'min', at: '2026-11-24T02:00:00.000Z', value: 35.5, min: null, max: null, zs: 41.2, flag: null },
    ]);
  });
  it('takes a single reading with -Rtd or -Avg as well', () => {
    expect(parseLiveEvent('{"factor":"w01018","kind":"min","at":"2026-11-24T02:00:00Z","avg":"35.5","min":30,"max":40}')).toEqual([
      { factor: 'w01018', kind: 'min', at: '2026-11-24T02:00:00.000Z', value: 35.5, min: 30, max: 40, zs: null, flag: null },
    ]);
  });
  it('leaves out what is not a reading', () => {
    expect(parseLiveEvent('')).toEqual([]);
    expect(parseLiveEvent('ping')).toEqual([]);
    expect(parseLiveEvent('{"factor":"w01018"}')).toEqual([]);
    expect(parseLiveEvent('[{"factor":"w01018","at":"yesterday"},1,null]')).toEqual([]);
  });
});

describe('appendLive', () => {
  it('keeps points in time order, a re-sent point once, and the newest past the cap', () => {
    let s = appendLive({}, p('2026-11-24T02:00:30Z', 2));
    s = appendLive(s, p('2026-11-24T02:00:00Z', 1));
    s = appendLive(s, p('2026-11-24T02:01:00Z', 3));
    s = appendLive(s, p('2026-11-24T02:00:30Z', 2.5));
    expect(s.w01018!.map((x) => x.value)).toEqual([1, 2.5, 3]);
    s = appendLive(s, p('2026-11-24T02:00:30Z', 9, 'min'));
    expect(s.w01018).toHaveLength(4);
    expect(appendLive(s, p('2026-11-24T02:02:00Z', 4), 2).w01018!.map((x) => x.value)).toEqual([3, 4]);
  });
});

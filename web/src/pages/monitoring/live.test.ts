import { describe, expect, it } from 'vitest';
import { appendLive, latestOf, type LivePoint, parseLiveEvent } from './live';

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

describe('latestOf', () => {
  const listed = [
    { code: 'w01018', at: '2026-11-20T02:00:00.000Z', value: 28, flag: 'N' },
    { code: 'w21003', at: '2026-11-20T02:00:00.000Z', value: 2.1, flag: 'N' },
  ];
  const point = (factor: string, at: string, value: number): LivePoint => ({ factor, kind: 'rtd', at, value, min: null, max: null, zs: null, flag: 'N' });

  it('takes a streamed reading newer than the listed one, keeps the listed one otherwise, and adds a new factor', () => {
    let s = appendLive({}, point('w01018', '2026-11-20T02:00:30.000Z', 31));
    s = appendLive(s, point('w21003', '2026-11-20T01:59:30.000Z', 9));
    s = appendLive(s, point('w01001', '2026-11-20T02:00:30.000Z', 7.1));
    expect(latestOf(listed, s)).toEqual([
      { code: 'w01018', at: '2026-11-20T02:00:30.000Z', value: 31, flag: 'N' },
      { code: 'w21003', at: '2026-11-20T02:00:00.000Z', value: 2.1, flag: 'N' },
      { code: 'w01001', at: '2026-11-20T02:00:30.000Z', value: 7.1, flag: 'N' },
    ]);
  });
});

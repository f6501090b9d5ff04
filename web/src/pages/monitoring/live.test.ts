import { describe, expect, it } from 'vitest';
import { appendLive, type LivePoint, parseLiveEvent } from './live';

const p = (at: string, value: number, kind = 'rtd'): LivePoint => ({ factor: 'w01018', kind, at, value, min: null, max: null, zs: null, flag: 'N' });

describe('parseLiveEvent', () => {
  it('takes -Rtd of real-time data and -Avg of the others', () => {
    expect(parseLiveEvent('{"factor":"w01018","kind":"rtd","at":"2026-11-24T02:00:00.000Z","rtd":61.2,"flag":"N"}')).toEqual({ factor: 'w01018', kind: 'rtd', at: '2026-11-24T02:00:00.000Z', value: 61.2, min: null, max: null, zs: null, flag: 'N' });
    expect(parseLiveEvent('{"factor":"a21026","kind":"min","at":"2026-11-24T10:00:00+08:00","avg":"35.5","min":30,"max":40,"zs":41.2,"flag":null}')).toEqual({ factor: 'a21026', kind: 'min', at: '2026-11-24T02:00:00.000Z', value: 35.5, min: 30, max: 40, zs: 41.2, flag: null });
  });
  it('ignores what is not a reading', () => {
    expect(parseLiveEvent('')).toBeNull();
    expect(parseLiveEvent('ping')).toBeNull();
    expect(parseLiveEvent('{"factor":"w01018"}')).toBeNull();
    expect(parseLiveEvent('{"factor":"w01018","at":"yesterday"}')).toBeNull();
    expect(parseLiveEvent('[1,2]')).toBeNull();
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

import { describe, expect, it } from 'vitest';
import { formatCrc, hj212Crc } from './crc';
import type { Packet } from './model';
import { decodePacket } from './packet';
import { SplitReassembler } from './split';

const frameOf = (segment: string) => {
  const b = Buffer.from(segment);
  return Buffer.concat([Buffer.from(`##${String(b.length).padStart(4, '0')}`), b, Buffer.from(`${formatCrc(hj212Crc(b))}\r\n`)]);
};

/** One part of a split 2025 hour upload (Flag 11 = version 2, split, answer), as Tables C.49/C.50 show them. */
function part(qn: string, pno: number, pnum: number, cp: string, mn = 'M1', dataTime = '20260315090000'): Packet {
  const r = decodePacket(frameOf(`QN=${qn};ST=31;CN=2061;PW=123456;MN=${mn};Flag=11;PNUM=${pnum};PNO=${pno};CP=&&DataTime=${dataTime};${cp}&&`));
  if (!r.ok) throw new Error(r.error.reason);
  return r.packet;
}

describe('split packets (PNUM/PNO; Tables C.49/C.50)', () => {
  it('merges the parts by MN + CN + DataTime once all are in, whatever their order', () => {
    const store = new SplitReassembler();
    expect(store.add(part('20260315100000002', 2, 3, 'a21002-Avg=40,a21002-Flag=N'), 0)).toMatchObject({ status: 'pending', received: 1, total: 3 });
    expect(store.add(part('20260315100000001', 1, 3, 'a21026-Avg=18.3,a21026-Flag=N'), 10)).toMatchObject({ status: 'pending', received: 2 });
    const done = store.add(part('20260315100000003', 3, 3, 'a34013-Avg=5.1,a34013-Flag=N'), 20);
    expect(done).toMatchObject({ status: 'complete', qns: ['20260315100000001', '20260315100000002', '20260315100000003'] });
    if (done.status !== 'complete') return;
    expect(done.packet).toMatchObject({ qn: '20260315100000001', pnum: null, pno: null, flag: { raw: 9, split: false, answer: true } });
    expect(done.packet.cp.factors.map((f) => [f.code, f.avg])).toEqual([['a21026', '18.3'], ['a21002', '40'], ['a34013', '5.1']]);
    expect(store.pending).toBe(0);
  });

  it('passes whole packets through and completes PNUM=1 at once', () => {
    const store = new SplitReassembler();
    const whole = decodePacket(frameOf('QN=20260315100000001;ST=31;CN=2061;PW=1;MN=M1;Flag=9;CP=&&&&'));
    expect(whole.ok && store.add(whole.packet, 0).status).toBe('whole');
    expect(store.add(part('20260315100000001', 1, 1, 'a21026-Avg=1'), 0).status).toBe('complete');
  });

  it('keeps groups of different stations, commands or times apart; a resent part replaces the earlier copy', () => {
    const store = new SplitReassembler();
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1'), 0);
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1', 'M2'), 0);
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1', 'M1', '20260315080000'), 0);
    store.add(part('20260315100000009', 1, 2, 'a21026-Avg=1.5'), 0);
    expect(store.pending).toBe(3);
    const done = store.add(part('20260315100000002', 2, 2, 'a21002-Avg=2'), 0);
    expect(done.status === 'complete' && done.packet.cp.factors.map((f) => f.avg)).toEqual(['1.5', '2']);
  });

  it('rejects parts that disagree on PNUM or on a value', () => {
    const store = new SplitReassembler();
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1'), 0);
    expect(store.add(part('20260315100000002', 2, 3, 'a21026-Avg=1'), 0)).toMatchObject({ status: 'rejected', error: { code: 'split' } });
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1'), 0);
    expect(store.add(part('20260315100000002', 2, 2, 'a21026-Avg=2'), 0)).toMatchObject({ status: 'rejected', error: { code: 'split', reason: expect.stringContaining('a21026') } });
  });

  it('is bounded: the oldest group is evicted to admit a new one, and groups expire by the `now` passed in', () => {
    const store = new SplitReassembler({ maxPending: 2, maxAgeMs: 1000 });
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1', 'A'), 0);
    store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1', 'B'), 500);
    expect(store.add(part('20260315100000001', 1, 2, 'a21026-Avg=1', 'C'), 600)).toMatchObject({ status: 'pending', evicted: { mn: 'A', received: 1, total: 2, reason: 'evicted' } });
    expect(store.pending).toBe(2);
    expect(store.expire(1000)).toEqual([]);
    expect(store.expire(1501)).toEqual([{ mn: 'B', cn: '2061', dataTime: '20260315090000', received: 1, total: 2, reason: 'expired' }]);
    expect(store.pending).toBe(1);
  });
});

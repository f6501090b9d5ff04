import { describe, expect, it } from 'vitest';
import { type Frame, type FramerOutput, Hj212Framer } from './framer';
import type { Rejection } from './model';
import { HJ212_2017_PACKETS as P17, HJ212_2025_PACKETS as P25 } from './worked-packets';

const bytes = (...parts: string[]) => Buffer.from(parts.join(''), 'utf8');
const view = (f: Frame) => ({ offset: f.offset, text: Buffer.from(f.bytes).toString('utf8'), leniencies: f.leniencies, encrypted: f.encrypted });

/** Runs a stream through a framer in the given chunks, then ends it. */
function run(chunks: Uint8Array[], options: ConstructorParameters<typeof Hj212Framer>[0] = {}) {
  const framer = new Hj212Framer(options);
  const frames: Frame[] = [];
  const errors: Rejection[] = [];
  let maxBuffered = 0;
  const take = (o: FramerOutput) => {
    frames.push(...o.frames);
    errors.push(...o.errors);
  };
  for (const c of chunks) {
    take(framer.push(c));
    maxBuffered = Math.max(maxBuffered, framer.buffered);
  }
  take(framer.end());
  return { frames: frames.map(view), errors, maxBuffered };
}

const STREAM = bytes(
  'junk\r\n',
  P17.appendixA,
  P17.infoLog, // multi-byte UTF-8 inside
  '##00x1', // bad length digits
  P17.dataAnswer.replace('3240', '3241'), // bad CRC
  P25.realtimeEncrypted,
  '#', // a lone '#', garbage
  P17.hourAir.replace('C181\r\n', 'C1G1\r\n'), // bad CRC format
  P17.minuteAir.replace('D641\r\n', 'D641\rX'), // bad tail
  '####', // a run of '#' before a packet
  P25.heartbeat,
  '##9999', // oversize length, then the stream ends mid-"packet"
);

describe('stream framer (hj212.md §7)', () => {
  const whole = run([STREAM]);

  it('cuts the good packets and reports every bad stretch with its stream offset', () => {
    expect(whole.frames.map((f) => f.text)).toEqual([P17.appendixA, P17.infoLog, P25.realtimeEncrypted, P25.heartbeat]);
    const at = (needle: string, from = 0) => STREAM.indexOf(needle, from);
    expect(whole.frames.map((f) => f.offset)).toEqual([6, at(P17.infoLog), at(P25.realtimeEncrypted), at(P25.heartbeat)]);
    expect(whole.frames.map((f) => f.encrypted)).toEqual([false, false, true, false]);
    expect(whole.errors.map((e) => [e.code, e.offset, e.length])).toEqual([
      ['garbage', 0, 6],
      ['length', at('##00x1') + 2, undefined], // its 6 bytes are covered by this report, so no 'garbage' too
      ['crc', at('3241'), undefined],
      ['garbage', at(P25.realtimeEncrypted) + P25.realtimeEncrypted.length, 1], // "#" + "##0285…": the first '#' only
      ['crc-format', at('C1G1'), undefined],
      ['tail', at('D641\rX') + 4, undefined],
      ['garbage', at('####'), 4], // "####" + "##0087…"
      ['oversize', at('##9999') + 2, undefined],
    ]);
    for (const e of whole.errors) expect(e.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives the same frames and errors at every split point, and in 1-byte pieces', () => {
    for (let cut = 1; cut < STREAM.length; cut++) {
      const split = run([STREAM.subarray(0, cut), STREAM.subarray(cut)]);
      expect(split.frames, `cut at ${cut}`).toEqual(whole.frames);
      expect(split.errors, `cut at ${cut}`).toEqual(whole.errors);
    }
    const pieces = [...STREAM].map((b) => Uint8Array.of(b));
    expect(run(pieces)).toMatchObject({ frames: whole.frames, errors: whole.errors });
  });

  it('handles several packets in one read and one packet over many reads', () => {
    const three = bytes(P17.appendixA, P17.hourAir, P25.resentHour);
    expect(run([three]).frames).toHaveLength(3);
    const thirds = [three.subarray(0, 50), three.subarray(50, 400), three.subarray(400)];
    expect(run(thirds).frames.map((f) => f.text)).toEqual([P17.appendixA, P17.hourAir, P25.resentHour]);
  });

  it('reports a packet cut short at the end of the stream', () => {
    const cut = bytes(P17.appendixA.slice(0, 50));
    expect(run([cut]).errors).toEqual([{ code: 'truncated', reason: expect.stringContaining('50'), offset: 0, length: 50 }]);
  });

  it('never buffers more than one pending frame, whatever arrives', () => {
    const noise = Buffer.alloc(200_000, 'x');
    expect(run([noise, noise]).maxBuffered).toBe(0);
    expect(run([noise]).errors).toEqual([{ code: 'garbage', reason: expect.any(String), offset: 0, length: 200_000 }]);
    // a header that promises the maximum and never ends: held until it can be judged, then dropped
    const endless = bytes('##1024QN=', 'y'.repeat(100_000));
    const r = run([endless.subarray(0, 500), endless.subarray(500)]);
    expect(r.maxBuffered).toBeLessThanOrEqual(1024 + 12);
    expect(r.errors[0]).toMatchObject({ code: 'tail', offset: 6 + 1024 + 4 });
    // the encrypted fallback is capped too
    const endlessCipher = bytes('##0140QN=20260315103000123;ST=31;CN=2011;PW=1;MN=M;Flag=9;CP=&&{0x32', ',0x6B'.repeat(5000));
    const c = run([endlessCipher.subarray(0, 1000), endlessCipher.subarray(1000)]);
    expect(c.maxBuffered).toBeLessThanOrEqual(8192);
    expect(c.errors[0]).toMatchObject({ code: 'oversize', offset: 0 });
  });

  it('honours a configured length limit', () => {
    expect(run([bytes(P17.minuteAir)], { maxDataLength: 400 }).errors[0]).toMatchObject({ code: 'oversize', offset: 2 });
    expect(run([bytes(P17.minuteAir)], { maxDataLength: 411 }).frames).toHaveLength(1);
  });

  it('accepts a bare LF tail only when asked, and says so', () => {
    const lf = bytes(P17.appendixA.replace('\r\n', '\n'), P17.dataAnswer);
    expect(run([lf]).frames.map((f) => f.text)).toEqual([P17.dataAnswer]);
    expect(run([lf], { bareLf: true }).frames.map((f) => [f.text.length, f.leniencies])).toEqual([
      [P17.appendixA.length - 1, ['bare-lf']],
      [P17.dataAnswer.length, []],
    ]);
  });

  it('cuts an SM4 frame at CR LF whatever LLLL says, and leaves its CRC to the decoder', () => {
    const transmitted = P25.realtimeEncrypted.replace('##0140', '##0333');
    const r = run([bytes(transmitted, P25.realtimeEncrypted)]);
    expect(r.frames.map((f) => [f.encrypted, f.text])).toEqual([[true, transmitted], [true, P25.realtimeEncrypted]]);
    const off = run([bytes(P25.realtimeEncrypted)], { encryptedFallback: false });
    expect(off.frames).toEqual([]);
    expect(off.errors[0]).toMatchObject({ code: 'tail' });
  });
});

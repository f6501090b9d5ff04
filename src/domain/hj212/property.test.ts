import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMER_OPTIONS, Hj212Framer } from './framer';
import { fuzzInput, prng, runStream } from './fuzz-corpus';
import type { FactorValues, Packet } from './model';
import { decodeFrame, decodePacket, encodePacket, formatSegment } from './packet';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const time14 = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}${pad(d.getUTCSeconds(), 2)}`);
const decimal = fc.stringMatching(/^-?\d{1,8}(\.\d{1,4})?$/);
const word = fc.stringMatching(/^[A-Za-z0-9]{1,10}$/);
const infoText = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ';', ',', '=', '&', ' ', '清', '洗', '管', '路', '-'), maxLength: 12 }).map((s) => `//${s}//`);

const factor: fc.Arbitrary<Omit<FactorValues, 'code'>> = fc
  .record(
    {
      rtd: decimal, min: decimal, avg: decimal, max: decimal, cou: decimal, zsRtd: decimal, zsAvg: decimal,
      flag: fc.constantFrom('N', 'F', 'M', 'S', 'D', 'C', 'T', 'B', 'Td', 'P'),
      eflag: word, sampleTime: time14, info: infoText,
      other: fc.dictionary(fc.constantFrom('SN', 'RS', 'RT', 'RawAvg'), word, { maxKeys: 2 }),
    },
    { requiredKeys: ['other'] },
  )
  .filter((f) => Object.keys(f).length > 1 || Object.keys(f.other).length > 0);

const packet: fc.Arbitrary<Packet> = fc
  .record({
    raw: fc.option(fc.integer({ min: 0, max: 255 }), { nil: null, freq: 8 }),
    qn: fc.stringMatching(/^\d{17}$/),
    dropQn: fc.boolean(),
    st: fc.constantFrom('21', '22', '31', '32', '91', 'A1'),
    cn: fc.stringMatching(/^\d{4}$/),
    pw: fc.stringMatching(/^[A-Za-z0-9]{0,24}$/),
    mn: fc.stringMatching(/^[0-9A-Za-z_]{1,24}$/),
    pnum: fc.integer({ min: 1, max: 9999 }),
    pnoShare: fc.double({ min: 0, max: 1, noNaN: true }),
    rf: fc.option(fc.constant('1'), { nil: null }),
    dataTime: fc.option(time14, { nil: null }),
    params: fc.dictionary(fc.constantFrom('PolId', 'InfoId', 'NewPW', 'VaseNo', 'Ctime'), word, { maxKeys: 3 }),
    factors: fc.uniqueArray(fc.tuple(fc.stringMatching(/^[aw]\d{5}$/), factor), { selector: ([code]) => code, maxLength: 5 }),
  })
  .map((g) => {
    const version = g.raw === null ? 0 : g.raw >> 2;
    const split = g.raw !== null && (g.raw & 2) !== 0;
    const pno = Math.max(1, Math.ceil(g.pnoShare * g.pnum));
    return {
      qn: version === 0 && g.dropQn ? null : g.qn,
      st: g.st, cn: g.cn, pw: g.pw, mn: g.mn,
      flag: { raw: g.raw, version, split, answer: g.raw !== null && (g.raw & 1) !== 0 },
      pnum: split ? g.pnum : null,
      pno: split ? pno : null,
      rf: g.rf,
      cp: { dataTime: g.dataTime, params: g.params, factors: g.factors.map(([code, f]) => ({ code, ...f })) },
    };
  })
  .filter((p) => Buffer.byteLength(formatSegment(p)) <= 1024);

/** Everything in a decoded packet is well-formed: it re-encodes to bytes that decode to the same packet. */
function expectWellFormed(p: Packet) {
  const again = decodePacket(encodePacket(p));
  expect(again.ok && again.packet).toEqual(p);
}

describe('properties (fast-check)', () => {
  it('encode → decode is the identity', () => {
    fc.assert(
      fc.property(packet, (p) => {
        const r = decodePacket(encodePacket(p));
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}\n${encodePacket(p).toString()}`);
        expect(r.packet).toEqual(p);
      }),
      { numRuns: 1000 },
    );
  });

  it('any single-byte change is rejected, or decodes to a well-formed packet (identical unless the 1-in-256 CRC let it through); never throws', () => {
    let identical = 0;
    let different = 0;
    fc.assert(
      fc.property(packet, fc.nat(), fc.integer({ min: 0, max: 255 }), (p, where, value) => {
        const bytes = encodePacket(p);
        const original = bytes.toString('latin1');
        const at = where % bytes.length;
        const mutated = Buffer.from(bytes);
        mutated[at] = value;
        const framer = new Hj212Framer();
        const frames = [...framer.push(mutated).frames, ...framer.end().frames];
        for (const frame of frames) {
          const r = decodeFrame(frame, undefined, DEFAULT_FRAMER_OPTIONS);
          if (!r.ok) continue;
          expectWellFormed(r.packet);
          if (JSON.stringify(r.packet) === JSON.stringify(p)) identical++;
          else different++;
        }
        if (mutated.toString('latin1') === original) expect(frames).toHaveLength(1);
      }),
      { numRuns: 3000 },
    );
    // a changed byte that still decodes is nearly always a no-op (same byte, CRC case): CRC collisions are rare
    expect(different).toBeLessThan(identical + 50);
  });
});

describe('fuzz (20,000 random and mutated streams)', () => {
  it('never throws, never hangs, never buffers past one frame', () => {
    const random = prng(212);
    const started = performance.now();
    let packets = 0;
    let rejects = 0;
    for (let i = 0; i < 20_000; i++) {
      const outcome = runStream(fuzzInput(random), random);
      packets += outcome.packets;
      rejects += Object.values(outcome.rejects).reduce((a, b) => a + b, 0);
      expect(outcome.maxBuffered).toBeLessThanOrEqual(8192);
    }
    expect(packets).toBeGreaterThan(1000);
    expect(rejects).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

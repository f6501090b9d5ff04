// bench/hj212-codec: HJ 212 decode rate on one core (issue #8), for typical minute packets: CN 2051 from a waste-gas
// station with 10 factors, each with Min/Avg/Max/Cou/Flag where the factor has a cumulative value (~700 bytes).
// Prints packets/s for the whole path (a byte stream in 64 KiB reads → framer (CRC) → decode) and for decode alone.
// Target: ≥ 300,000 packets/s.   Run: npx tsx bench/hj212-codec.ts   (PACKETS=n, ROUNDS=n)
import { type Frame, Hj212Framer, decodeFrame, encodePacket, makeFlag } from '../src/domain/hj212';
import type { FactorValues, Packet } from '../src/domain/hj212';

const PACKETS = Number(process.env.PACKETS ?? 200_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CODES = ['a00000', 'a21026', 'a21002', 'a34013', 'a19001', 'a01011', 'a01012', 'a01013', 'a01014', 'a21005'];
const WITH_COU = new Set(['a00000', 'a21026', 'a21002', 'a34013', 'a21005']);

/** The i-th station's minute packet, with values that vary like real ones (3 decimals, a few digits). */
function minutePacket(i: number): Packet {
  const minute = i % 1440;
  const dataTime = `20261124${String(Math.floor(minute / 60)).padStart(2, '0')}${String(minute % 60).padStart(2, '0')}00`;
  const factors: FactorValues[] = CODES.map((code, k) => {
    const base = 10 + ((i * 7 + k * 13) % 900) / 10;
    const f: FactorValues = { code, min: (base * 0.9).toFixed(3), avg: base.toFixed(3), max: (base * 1.1).toFixed(3), flag: 'N', other: {} };
    if (WITH_COU.has(code)) f.cou = (base * 0.06).toFixed(3);
    return f;
  });
  return {
    qn: `20261124${String(100000000 + i).slice(-9)}`, st: '31', cn: '2051', pw: '123456',
    mn: `33010000A89000${String(1000000000 + (i % 5000)).slice(-10)}`, flag: makeFlag(1, { answer: true }),
    pnum: null, pno: null, rf: null, cp: { dataTime, params: {}, factors },
  };
}

const distinct = Array.from({ length: 5000 }, (_, i) => encodePacket(minutePacket(i)));
const stream = Buffer.concat(Array.from({ length: PACKETS }, (_, i) => distinct[i % distinct.length]!));
console.log(`input: ${PACKETS.toLocaleString('en')} packets, ${distinct[0]!.length} bytes each (10 factors), ${(stream.length / 2 ** 20).toFixed(1)} MiB`);

function framedAndDecoded(): number {
  const framer = new Hj212Framer();
  let ok = 0;
  for (let at = 0; at < stream.length; at += 65536) {
    for (const frame of framer.push(stream.subarray(at, at + 65536)).frames) if (decodeFrame(frame).ok) ok++;
  }
  return ok;
}

const frames: Frame[] = new Hj212Framer().push(stream).frames;
function decodedOnly(): number {
  let ok = 0;
  for (const frame of frames) if (decodeFrame(frame).ok) ok++;
  return ok;
}

/**
 * Rates by wall time and by the process's CPU time: on a shared machine the wall figure drops whenever another
 * job takes the core, while CPU time counts only the time this (single-threaded) loop actually ran.
 */
function measure(name: string, run: () => number) {
  run(); // warm up the JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const ok = run();
    const c1 = process.cpuUsage(c0);
    const seconds = (performance.now() - t0) / 1000;
    if (ok !== PACKETS) throw new Error(`${name}: ${ok} of ${PACKETS} decoded`);
    wall.push(PACKETS / seconds);
    cpu.push(PACKETS / ((c1.user + c1.system) / 1e6));
  }
  const fmt = (x: number) => Math.round(x).toLocaleString('en');
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${name}: median ${fmt(median(wall))} packets/s wall (best ${fmt(Math.max(...wall))}), ${fmt(median(cpu))} packets per CPU-second (best ${fmt(Math.max(...cpu))}); ${ROUNDS} rounds`);
}

measure('stream → framer (CRC) → decode', framedAndDecoded);
measure('decode only (frames already cut)', decodedOnly);

import { z } from 'zod';
import {
  type DecodeResult,
  type Edition,
  type FactorValues,
  type Frame,
  Hj212Framer,
  type Packet,
  type Rejection,
  type StationProfile,
  DEFAULT_PROFILE,
  decodeFrame,
  decodePacket,
  encodePacket,
  makeFlag,
  parseCp,
  parseSm4Key,
} from '../domain/hj212';
import { InputError, parseJsonInput } from './input';

/** Options of `ecer hj212 decode`, as commander hands them over. */
export type DecodeCliOptions = { key: string[]; lenient: boolean; edition: string; lengthMode: string; maxLength: number };

/** The station profile the options describe (one profile for the whole stream, as for one station). */
export function profileFromOptions(o: DecodeCliOptions): StationProfile {
  const keys = o.key.map((k) => {
    const key = parseSm4Key(k);
    if (!key) throw new InputError(`--key “${k}”应为 16 个 ASCII 字符或 32 位十六进制数字`);
    return key;
  });
  if (!['auto', '2005', '2017', '2025'].includes(o.edition)) throw new InputError(`--edition 只能是 auto、2005、2017 或 2025，收到 ${o.edition}`);
  if (!['plaintext', 'transmitted', 'either'].includes(o.lengthMode)) throw new InputError(`--length-mode 只能是 plaintext、transmitted 或 either，收到 ${o.lengthMode}`);
  if (!(Number.isInteger(o.maxLength) && o.maxLength >= 0 && o.maxLength <= 9999)) throw new InputError('--max-length 须为 0–9999 的整数');
  return {
    ...DEFAULT_PROFILE,
    edition: o.edition as Edition | 'auto', // checked against the list above
    lengthMode: o.lengthMode as StationProfile['lengthMode'], // checked against the list above
    keys,
    lenient: { bareLf: o.lenient },
  };
}

/**
 * `ecer hj212 decode < stream`: raw stream bytes on stdin (any number of packets, any garbage between them); one
 * JSON line per packet or rejection, in stream order. Exit 0 when every packet decoded, 1 when any was rejected.
 */
export async function runHj212Decode(input: AsyncIterable<Uint8Array>, o: DecodeCliOptions, out: NodeJS.WritableStream): Promise<number> {
  const profile = profileFromOptions(o);
  const framer = new Hj212Framer({ bareLf: o.lenient, maxDataLength: o.maxLength });
  let rejected = 0;
  const write = (frames: Frame[], errors: Rejection[]) => {
    const lines: Array<{ offset: number; line: string }> = errors.map((e) => ({ offset: e.offset, line: rejectionLine(e) }));
    for (const f of frames) {
      const r = decodeFrame(f, profile, { maxDataLength: o.maxLength });
      lines.push({ offset: f.offset, line: r.ok ? packetLine(f.offset, r) : rejectionLine(r.error) });
      if (!r.ok) rejected++;
    }
    rejected += errors.length;
    lines.sort((a, b) => a.offset - b.offset);
    if (lines.length > 0) out.write(lines.map((l) => `${l.line}\n`).join(''));
  };
  for await (const chunk of input) {
    const r = framer.push(chunk);
    write(r.frames, r.errors);
  }
  const end = framer.end();
  write(end.frames, end.errors);
  return rejected > 0 ? 1 : 0;
}

function packetLine(offset: number, r: Extract<DecodeResult, { ok: true }>): string {
  return JSON.stringify({ offset, ...r.packet, encrypted: r.encrypted, warnings: r.warnings });
}

function rejectionLine(e: Rejection): string {
  return JSON.stringify({ error: e.code, reason: e.reason, offset: e.offset, ...(e.length === undefined ? {} : { length: e.length }) });
}

const Text = z.string().max(1024);
const Factor = z
  .object({
    code: z.string().min(1).max(64),
    rtd: Text, min: Text, avg: Text, max: Text, cou: Text, zsRtd: Text, zsMin: Text, zsAvg: Text, zsMax: Text,
    flag: Text, eflag: Text, sampleTime: Text, info: Text,
    other: z.record(z.string(), Text),
  })
  .partial()
  .required({ code: true });
const FlagIn = z.union([
  z.number().int().min(0).max(255),
  z.null(),
  z.object({ raw: z.number().int().min(0).max(255).nullable() }).loose(),
  z.object({ version: z.number().int().min(0).max(63), split: z.boolean().optional(), answer: z.boolean().optional() }),
]);
/** A packet to encode: the fields `decode` prints (extra ones such as offset or warnings are ignored). */
const PacketIn = z.object({
  qn: z.string().nullable().optional(),
  st: z.string(),
  cn: z.string(),
  pw: z.string(),
  mn: z.string(),
  flag: FlagIn,
  pnum: z.number().int().nullable().optional(),
  pno: z.number().int().nullable().optional(),
  rf: z.string().nullable().optional(),
  /** The CP area as its text (`DataTime=…;a21026-Rtd=1`) or as `decode` prints it. */
  cp: z.union([
    z.string(),
    z.object({ dataTime: z.string().nullable().optional(), params: z.record(z.string(), Text).optional(), factors: z.array(Factor).optional() }),
  ]),
});
type PacketIn = z.infer<typeof PacketIn>;

export type EncodeCliOptions = { encryptKey?: string; lengthMode: string };

/**
 * `ecer hj212 encode < packets.json`: one JSON object, an array, or one object per line; the packets on stdout with
 * LLLL and CRC computed. All or nothing: any bad object → InputError naming each (exit 2, nothing printed).
 */
export function runHj212Encode(text: string, o: EncodeCliOptions): Buffer {
  const key = o.encryptKey === undefined ? undefined : parseSm4Key(o.encryptKey);
  if (key === null) throw new InputError(`--encrypt-key “${o.encryptKey}”应为 16 个 ASCII 字符或 32 位十六进制数字`);
  if (o.lengthMode !== 'plaintext' && o.lengthMode !== 'transmitted') throw new InputError(`--length-mode 只能是 plaintext 或 transmitted，收到 ${o.lengthMode}`);
  const inputs = parseJsonInput(asJsonArray(text), z.array(PacketIn).min(1));
  const problems: string[] = [];
  const out: Buffer[] = [];
  const profile: StationProfile = { ...DEFAULT_PROFILE, keys: key ? [key] : [], lengthMode: o.lengthMode };
  inputs.forEach((input, i) => {
    const built = toPacket(input);
    if (typeof built === 'string') return void problems.push(`[${i}] ${built}`);
    let bytes: Buffer;
    try {
      bytes = encodePacket(built, { encryptKey: key, lengthMode: o.lengthMode as 'plaintext' | 'transmitted' });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      return void problems.push(`[${i}] ${err.message}`);
    }
    // what we send must be what a receiver accepts: decode it back with the same rules
    const check = decodePacket(bytes, profile);
    if (!check.ok) return void problems.push(`[${i}] ${check.error.code}: ${check.error.reason}`);
    out.push(bytes);
  });
  if (problems.length > 0) throw new InputError(`有 ${problems.length} 个报文无法编码：\n${problems.slice(0, 20).join('\n')}`);
  return Buffer.concat(out);
}

/** One object, an array, or JSON lines, as the text of one JSON array. */
function asJsonArray(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return trimmed;
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.length > 1 && lines.every((l) => l.trim().startsWith('{')) ? `[${lines.join(',')}]` : `[${trimmed}]`;
}

function toPacket(p: PacketIn): Packet | string {
  const f = p.flag;
  const flag =
    f === null ? { raw: null, version: 0, split: false, answer: false }
    : typeof f === 'number' ? makeFlagFromRaw(f)
    : 'raw' in f ? (f.raw === null ? { raw: null, version: 0, split: false, answer: false } : makeFlagFromRaw(f.raw))
    : makeFlag(f.version, f);
  let cp: Packet['cp'];
  if (typeof p.cp === 'string') {
    const parsed = parseCp(p.cp, 0, { map2005: false });
    if (!parsed.ok) return `cp 第 ${parsed.error.offset} 字节：${parsed.error.reason}`;
    cp = parsed.cp;
  } else {
    const factors: FactorValues[] = (p.cp.factors ?? []).map((x) => ({ ...x, other: x.other ?? {} }));
    cp = { dataTime: p.cp.dataTime ?? null, params: p.cp.params ?? {}, factors };
  }
  return { qn: p.qn ?? null, st: p.st, cn: p.cn, pw: p.pw, mn: p.mn, flag, pnum: p.pnum ?? null, pno: p.pno ?? null, rf: p.rf ?? null, cp };
}

const makeFlagFromRaw = (raw: number) => ({ raw, version: raw >> 2, split: (raw & 2) !== 0, answer: (raw & 1) !== 0 });

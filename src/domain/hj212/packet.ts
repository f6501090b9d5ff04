import { type Edition, isEncryptedCommand } from './codes';
import { type Codes, type CpOptions, charCodes, formatCp, parseCpIn } from './cp';
import { clip, isAlphanumeric, isUnsignedInteger } from './values';
import { formatCrc, hj212Crc } from './crc';
import { DEFAULT_FRAMER_OPTIONS, type Frame, Hj212Framer } from './framer';
import { DEFAULT_PROFILE, type Packet, type PacketFlag, type Rejection, type StationProfile, type Warning } from './model';
import { decryptCpArea, encryptCpArea, isSm4Available, parseCipherWire } from './sm4';

/**
 * Packets (HJ 212-2017 §6.3, Table 3; HJ 212-2025 per hj212-2025.md §2–§3): a frame's data segment decoded into
 * its header fields and parsed CP area, and packets encoded back to bytes with the length and CRC computed.
 */

export type Decoded = {
  ok: true;
  packet: Packet;
  /** The CP area arrived SM4-encrypted and was decrypted. */
  encrypted: boolean;
  warnings: Warning[];
};
export type DecodeResult = Decoded | { ok: false; error: Rejection };

export type DecodeOptions = {
  /** Largest plaintext data segment (Table 2: 1024), as the framer's. */
  maxDataLength: number;
};

const MAP_2005: Readonly<CpOptions> = { map2005: true };
const AS_IS: Readonly<CpOptions> = { map2005: false };
const EDITION_VERSION: Readonly<Record<Edition, number>> = { '2005': 0, '2017': 1, '2025': 2 };
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Decodes a frame from the framer (CRC already checked unless SM4) into a packet; never throws. */
export function decodeFrame(frame: Frame, profile: Readonly<StationProfile> = DEFAULT_PROFILE, options: DecodeOptions = DEFAULT_FRAMER_OPTIONS): DecodeResult {
  const warnings: Warning[] = [];
  for (const l of frame.leniencies) warnings.push({ code: l, message: '包尾只有 LF（宽松模式接受）' });
  if (frame.encrypted) return decodeEncrypted(frame, profile, options, warnings);
  const r = decodeSegment(frame.bytes, 6, frame.dataEnd, frame.offset + 6, profile, warnings);
  if (!r.ok && r.error.code === 'cp-syntax' && frame.bytes.subarray(6, frame.dataEnd).includes('CP=&&{0x', 0, 'latin1')) {
    // an SM4 packet whose LLLL counts the transmitted text and whose cipher text happened to hit the CRC (1 in 256)
    return decodeEncrypted({ ...frame, encrypted: true, crcChecked: false }, profile, options, warnings);
  }
  if (r.ok && profile.encryption === 'require' && isEncryptedCommand(r.packet.cn)) {
    // hj212-2025.md §6.3 and §10.8: still stored and answered (private networks may send plaintext), but raised
    warnings.push({ code: 'plaintext-under-require', message: `本站要求 SM4 加密，但 CN=${r.packet.cn} 以明文上传` });
  }
  return r;
}

/** Decodes one whole packet (`##` to CR LF) on its own, e.g. from a test or the CLI; offsets are within `bytes`. */
export function decodePacket(bytes: Uint8Array, profile: Readonly<StationProfile> = DEFAULT_PROFILE): DecodeResult {
  const framer = new Hj212Framer({ bareLf: profile.lenient.bareLf });
  const pushed = framer.push(bytes);
  const ended = framer.end();
  const errors = [...pushed.errors, ...ended.errors];
  const frame = pushed.frames[0];
  if (!frame) return { ok: false, error: errors[0] ?? { code: 'truncated', reason: '没有报文', offset: 0 } };
  if (errors.length > 0 || pushed.frames.length > 1) {
    const extra = errors[0] ?? { code: 'garbage' as const, reason: '报文之后还有数据', offset: frame.offset + frame.bytes.length };
    return { ok: false, error: extra };
  }
  return decodeFrame(frame, profile);
}

/** SM4 frame: try each key; a key is right only if CRC(plaintext), LLLL and the whole CP grammar hold (§10.2). */
function decodeEncrypted(frame: Frame, profile: Readonly<StationProfile>, options: DecodeOptions, warnings: Warning[]): DecodeResult {
  const bytes = frame.bytes;
  const segment = bytes.subarray(6, frame.dataEnd);
  const cpAt = segment.indexOf('CP=&&{0x', 0, 'latin1');
  const areaStart = cpAt + 5;
  const areaEnd = segment.length - 2;
  const refuse = (reason: string, at = areaStart): DecodeResult => ({ ok: false, error: { code: 'decrypt', reason, offset: frame.offset + 6 + at } });
  if (profile.encryption === 'off') return refuse('本站未启用 SM4 加密，拒收加密报文（HJ 212-2025 §6.4）');
  if (segment[areaEnd] !== 0x26 || segment[areaEnd + 1] !== 0x26 || areaEnd < areaStart) {
    return { ok: false, error: { code: 'cp-syntax', reason: 'CP 数据区应以“&&”结束', offset: frame.offset + frame.dataEnd } };
  }
  const wire = parseCipherWire(segment.subarray(areaStart, areaEnd));
  if (!wire.ok) return refuse(wire.reason, areaStart + wire.at);
  if (profile.keys.length === 0) return refuse('本站未配置 SM4 密钥，无法解密');
  if (!isSm4Available()) return refuse('本机 OpenSSL 不支持 SM4（sm4-ecb）');
  const transmitted = segment.length;
  let firstFailure: Rejection | null = null;
  for (let k = 0; k < profile.keys.length; k++) {
    const area = decryptCpArea(wire, profile.keys[k]!);
    const plain = Buffer.concat([segment.subarray(0, areaStart), area, segment.subarray(areaEnd)]);
    if (hj212Crc(plain) !== frame.crc) continue; // a wrong key, most of the time
    const lengthOk =
      (profile.lengthMode !== 'transmitted' && frame.declaredLength === plain.length) ||
      (profile.lengthMode !== 'plaintext' && frame.declaredLength === transmitted);
    if (!lengthOk) {
      firstFailure ??= { code: 'length', reason: `数据段长度 ${frame.declaredLength} 与明文长度 ${plain.length}${profile.lengthMode === 'plaintext' ? '' : `或传输长度 ${transmitted}`}不符（本站长度口径：${profile.lengthMode}）`, offset: frame.offset + 2 };
      continue;
    }
    if (plain.length > options.maxDataLength) {
      firstFailure ??= { code: 'oversize', reason: `明文数据段 ${plain.length} 字节超过上限 ${options.maxDataLength}（§6.3 表2）`, offset: frame.offset + 2 };
      continue;
    }
    const keyWarnings = k > 0 ? [...warnings, { code: 'key-previous', message: `用第 ${k + 1} 个（较旧的）密钥解密成功` }] : [...warnings];
    const r = decodeSegment(plain, 0, plain.length, frame.offset + 6, profile, keyWarnings);
    if (r.ok) return { ...r, encrypted: true };
    // else: 1 wrong key in 256 passes the CRC (Appendix A has 256 values); only the full parse proves a key (§10.2)
  }
  if (firstFailure) return { ok: false, error: firstFailure };
  const tail = wire.cipher.length > 0 ? decryptCpArea(wire, profile.keys[0]!) : Buffer.alloc(0);
  const looksPadded = tail.length >= 16 && tail.at(-1)! >= 1 && tail.at(-1)! <= 16;
  return refuse(
    `用所配 ${profile.keys.length} 个密钥解密后 CRC 或 CP 语法均不符（密钥错误或密文损坏${looksPadded ? '；末块像 PKCS#7 填充，HJ 212-2025 要求无填充' : ''}）`,
  );
}

/** A plaintext data segment (`QN=…;…;CP=&&…&&`, bytes[start, end)) to a packet; `base` is its stream offset. */
function decodeSegment(bytes: Buffer, start: number, end: number, base: number, profile: Readonly<StationProfile>, warnings: Warning[]): DecodeResult {
  // UTF-8 by the standard (Table C.40); as many characters as bytes means plain ASCII, the usual case
  let text = bytes.toString('utf8', start, end);
  const isAscii = text.length === end - start;
  if (!isAscii) {
    const segment = bytes.subarray(start, end);
    try {
      text = utf8.decode(segment); // fatal: invalid UTF-8 throws instead of turning into U+FFFD
    } catch {
      // legacy DAS send GBK/GB2312 (hj212.md §7)
      try {
        text = gb18030.decode(segment);
        warnings.push({ code: 'gb18030', message: '数据段不是 UTF-8，已按 GB18030 解码' });
      } catch {
        return { ok: false, error: { code: 'encoding', reason: '数据段既不是 UTF-8 也不是 GB18030 文本', offset: base } };
      }
    }
  }
  const cpIndex = findCp(text);
  if (cpIndex < 0) return { ok: false, error: { code: 'cp-syntax', reason: '数据段缺少“CP=&&”', offset: base } };
  const cpEnd = text.length - 2;
  if (cpEnd < cpIndex + 5 || text.charCodeAt(cpEnd) !== 0x26 || text.charCodeAt(cpEnd + 1) !== 0x26) {
    return { ok: false, error: { code: 'cp-syntax', reason: 'CP 数据区应以“&&”结束，且其后直接是 CRC', offset: byteOffset(text, isAscii, base, Math.max(cpEnd, cpIndex)) } };
  }
  // ASCII: the frame's bytes are the text's character codes, scanned in place (parseCpIn)
  const codes = isAscii ? bytes : charCodes(text);
  const d = isAscii ? start : 0;
  const header = parseHeader(text, codes, d, cpIndex, profile, warnings);
  if (!header.ok) return { ok: false, error: { code: 'header-field', reason: header.reason, offset: byteOffset(text, isAscii, base, header.index) } };
  const map2005 = profile.edition === '2005' || (profile.edition === 'auto' && header.flag.version === 0);
  const cp = parseCpIn(text, codes, d, cpIndex + 5, cpEnd, byteOffset(text, isAscii, base, cpIndex + 5), map2005 ? MAP_2005 : AS_IS, warnings);
  if (!cp.ok) return cp;
  const { qn, st, cn, pw, mn, flag, pnum, pno, rf } = header;
  return { ok: true, packet: { qn, st, cn, pw, mn, flag, pnum, pno, rf, cp: cp.cp }, encrypted: false, warnings };
}

/** Stream offset of a character: its UTF-8 bytes counted when the text is not ASCII. */
function byteOffset(text: string, isAscii: boolean, base: number, charIndex: number): number {
  return base + (isAscii ? charIndex : Buffer.byteLength(text.slice(0, charIndex), 'utf8'));
}

/** Index of the `CP=&&` that opens the CP area: the first one at the start or after a `;`. */
function findCp(text: string): number {
  let i = text.indexOf('CP=&&');
  while (i > 0 && text.charCodeAt(i - 1) !== 0x3b) i = text.indexOf('CP=&&', i + 1);
  return i;
}

const enum HeaderName { Other, QN, ST, CN, PW, MN, Flag, PNUM, PNO, RF }

/** Which Table 3 field the name codes[at, at + length) is, without slicing it (names are case-sensitive). */
function headerName(codes: Codes, at: number, length: number): HeaderName {
  if (length === 2) {
    const c0 = codes[at]!;
    const c1 = codes[at + 1]!;
    if ((c0 | c1) > 0x7f) return HeaderName.Other; // packed 8 bits a character: ASCII only
    switch ((c0 << 8) | c1) {
      case 0x514e: return HeaderName.QN;
      case 0x5354: return HeaderName.ST;
      case 0x434e: return HeaderName.CN;
      case 0x5057: return HeaderName.PW;
      case 0x4d4e: return HeaderName.MN;
      case 0x5246: return HeaderName.RF;
      default: return HeaderName.Other;
    }
  }
  if (length === 3) return codes[at] === 0x50 && codes[at + 1] === 0x4e && codes[at + 2] === 0x4f ? HeaderName.PNO : HeaderName.Other; // PNO
  if (length === 4) {
    const c0 = codes[at]!;
    const c1 = codes[at + 1]!;
    const c2 = codes[at + 2]!;
    const c3 = codes[at + 3]!;
    if ((c0 | c1 | c2 | c3) > 0x7f) return HeaderName.Other;
    const four = ((c0 << 24) | (c1 << 16) | (c2 << 8) | c3) >>> 0;
    return four === 0x466c6167 ? HeaderName.Flag : four === 0x504e554d ? HeaderName.PNUM : HeaderName.Other; // Flag, PNUM
  }
  return HeaderName.Other;
}

type HeaderProblem = { ok: false; index: number; reason: string };
const headerProblem = (index: number, reason: string): HeaderProblem => ({ ok: false, index, reason });

type Header = { ok: true; qn: string | null; st: string; cn: string; pw: string; mn: string; flag: PacketFlag; pnum: number | null; pno: number | null; rf: string | null };

/** The header fields before `CP=&&`, in any order, empty items ignored (hj212.md §7). */
function parseHeader(text: string, codes: Codes, d: number, cpIndex: number, profile: Readonly<StationProfile>, warnings: Warning[]): Header | HeaderProblem {
  let qn: string | null = null;
  let st: string | null = null;
  let cn: string | null = null;
  let pw: string | null = null;
  let mn: string | null = null;
  let flagText: string | null = null;
  let pnumText: string | null = null;
  let pnoText: string | null = null;
  let rf: string | null = null;
  // where each field starts, so a malformed one is reported at its own byte
  let qnAt = 0, stAt = 0, cnAt = 0, mnAt = 0, flagAt = 0, pnumAt = 0, pnoAt = 0;
  let i = 0;
  while (i < cpIndex) {
    // the field: to the next `;` (or the CP), its name to the first `=`, in one scan of the character codes
    let semi = i;
    let eq = -1;
    for (; semi < cpIndex; semi++) {
      const c = codes[d + semi]!;
      if (c === 0x3b) break; // ;
      if (c === 0x3d && eq < 0) eq = semi; // =
    }
    if (semi === i) {
      i++;
      continue;
    }
    if (eq < 0) return headerProblem(i, `包头字段“${clip(text.slice(i, semi))}”缺少“=”`);
    const value = text.slice(eq + 1, semi);
    let seen: string | null;
    switch (headerName(codes, d + i, eq - i)) {
      case HeaderName.QN: seen = qn; qn = value; qnAt = i; break;
      case HeaderName.ST: seen = st; st = value; stAt = i; break;
      case HeaderName.CN: seen = cn; cn = value; cnAt = i; break;
      case HeaderName.PW: seen = pw; pw = value; break;
      case HeaderName.MN: seen = mn; mn = value; mnAt = i; break;
      case HeaderName.Flag: seen = flagText; flagText = value; flagAt = i; break;
      case HeaderName.PNUM: seen = pnumText; pnumText = value; pnumAt = i; break;
      case HeaderName.PNO: seen = pnoText; pnoText = value; pnoAt = i; break;
      case HeaderName.RF: seen = rf; rf = value; break;
      default:
        warnings.push({ code: 'header-unknown', message: `未知包头字段 ${clip(text.slice(i, eq))} 已忽略` });
        seen = null;
    }
    if (seen !== null) return headerProblem(i, `包头字段 ${text.slice(i, eq)} 重复出现`);
    i = semi + 1;
  }
  // Flag (Table 3): version = flag >> 2, bit 1 = PNUM/PNO present, bit 0 = answer required; absent in 2005
  let flag: PacketFlag;
  if (flagText === null) flag = { raw: null, version: 0, split: pnumText !== null, answer: false };
  else {
    const raw = flagText.length <= 3 && isUnsignedInteger(flagText) ? Number(flagText) : -1;
    if (raw < 0 || raw > 255) return headerProblem(flagAt, `Flag“${clip(flagText)}”应为 0–255 的整数`);
    flag = { raw, version: raw >> 2, split: (raw & 2) !== 0, answer: (raw & 1) !== 0 };
  }
  if (qn === null) {
    if (flag.version !== 0) return headerProblem(0, '缺少 QN（HJ 212-2017 起必填）');
  } else if (qn.length !== 17 || !isUnsignedInteger(qn)) return headerProblem(qnAt, `QN“${clip(qn)}”应为 17 位数字 YYYYMMDDhhmmsszzz`);
  if (st === null || st.length !== 2 || !isAlphanumeric(st)) return headerProblem(stAt, st === null ? '缺少 ST' : `ST“${clip(st)}”应为 2 位系统编码（表5）`);
  if (cn === null || cn.length !== 4 || !isUnsignedInteger(cn)) return headerProblem(cnAt, cn === null ? '缺少 CN' : `CN“${clip(cn)}”应为 4 位命令编码（表9）`);
  if (pw === null) return headerProblem(0, '缺少 PW');
  if (mn === null) return headerProblem(0, '缺少 MN');
  // HJ 212-2025 registration (CN 1001) comes before the platform assigns an MN (hj212-2025.md §10.5)
  if (mn === '' && cn !== '1001') return headerProblem(mnAt, 'MN 为空（仅 CN=1001 入网注册可以为空）');
  let pnum: number | null = null;
  let pno: number | null = null;
  if (pnumText !== null || pnoText !== null) {
    // any number of digits: 2025's Table 3 widths read literally as one digit (hj212-2025.md §2)
    if (pnumText === null || pnoText === null) return headerProblem(pnumText === null ? pnoAt : pnumAt, 'PNUM 与 PNO 须同时出现');
    if (!isUnsignedInteger(pnumText) || !isUnsignedInteger(pnoText) || pnumText.length > 4 || pnoText.length > 4) return headerProblem(pnumAt, `PNUM“${clip(pnumText)}”/PNO“${clip(pnoText)}”应为整数`);
    pnum = Number(pnumText);
    pno = Number(pnoText);
    if (pnum < 1 || pno < 1 || pno > pnum) return headerProblem(pnumAt, `PNO=${pno} 应在 1 到 PNUM=${pnum} 之间`);
    if (!flag.split) warnings.push({ code: 'split-flag', message: `有 PNUM/PNO 但 Flag=${flag.raw} 未置分包位` });
  } else if (flag.split) return headerProblem(flagAt, `Flag=${flag.raw} 置了分包位，但缺少 PNUM/PNO`);
  if (rf !== null && rf !== '1') warnings.push({ code: 'rf-value', message: `RF=${clip(rf)}：HJ 212-2025 只定义 RF=1（补传）` });
  if (profile.edition !== 'auto' && flag.raw !== null && flag.version !== EDITION_VERSION[profile.edition]) {
    // Flag is a hint only; the station's profile decides (hj212-2025.md §2, §6.1)
    warnings.push({ code: 'edition-mismatch', message: `Flag=${flag.raw} 表示版本号 ${flag.version}，与本站配置的 HJ 212-${profile.edition} 不符` });
  }
  return { ok: true, qn, st, cn, pw, mn, flag, pnum, pno, rf };
}

/** The HJ 212 edition a Flag's version bits name, or null for versions the standards do not define. */
export function editionOf(flag: PacketFlag): Edition | null {
  return flag.version === 0 ? '2005' : flag.version === 1 ? '2017' : flag.version === 2 ? '2025' : null;
}

/** A Flag from its parts (Table 3). */
export function makeFlag(version: number, bits: { split?: boolean; answer?: boolean } = {}): PacketFlag {
  const raw = (version << 2) | (bits.split ? 2 : 0) | (bits.answer ? 1 : 0);
  return { raw, version, split: bits.split === true, answer: bits.answer === true };
}

export type EncodeOptions = {
  /** SM4 key: encrypt the CP area after the length and CRC are computed on the plaintext (HJ 212-2025 §6.4). */
  encryptKey?: Uint8Array;
  /** What LLLL counts for an encrypted packet: the plaintext (A.2, default) or the transmitted text. */
  lengthMode?: 'plaintext' | 'transmitted';
  /** Largest plaintext data segment (Table 2: 1024; over it a packet must be split, HJ 212-2025 §8.1.2). */
  maxDataLength?: number;
};

/** The data segment's text: header fields in Table 3 order, then `CP=&&…&&`. */
export function formatSegment(packet: Packet): string {
  let s = '';
  if (packet.qn !== null) s += `QN=${packet.qn};`;
  s += `ST=${packet.st};CN=${packet.cn};PW=${packet.pw};MN=${packet.mn};`;
  if (packet.flag.raw !== null) s += `Flag=${packet.flag.raw};`;
  if (packet.pnum !== null && packet.pno !== null) s += `PNUM=${packet.pnum};PNO=${packet.pno};`;
  if (packet.rf !== null) s += `RF=${packet.rf};`;
  return `${s}CP=&&${formatCp(packet.cp)}&&`;
}

/**
 * A packet as bytes: `##`, LLLL (bytes of the data segment, zero-padded), the segment, the CRC as upper-case %04X
 * (Appendix A), CR LF. Throws RangeError when the segment exceeds the limit: a caller's bug, or input to refuse.
 */
export function encodePacket(packet: Packet, options: EncodeOptions = {}): Buffer {
  const segment = Buffer.from(formatSegment(packet), 'utf8');
  const limit = options.maxDataLength ?? 1024;
  if (segment.length > limit) throw new RangeError(`数据段 ${segment.length} 字节超过上限 ${limit}，须分包（§6.3 表2）`);
  const crc = formatCrc(hj212Crc(segment));
  let wire: Uint8Array = segment;
  if (options.encryptKey) {
    const areaStart = segment.indexOf('CP=&&') + 5;
    const areaEnd = segment.length - 2;
    wire = Buffer.concat([segment.subarray(0, areaStart), encryptCpArea(segment.subarray(areaStart, areaEnd), options.encryptKey), segment.subarray(areaEnd)]);
  }
  const length = options.lengthMode === 'transmitted' ? wire.length : segment.length;
  if (length > 9999) throw new RangeError(`数据段长度 ${length} 超过 4 位数字`);
  return Buffer.concat([Buffer.from(`##${String(length).padStart(4, '0')}`, 'latin1'), wire, Buffer.from(`${crc}\r\n`, 'latin1')]);
}

/** The version an answer carries: the station's configured edition, else the packet's own (hj212-2025.md §6.5). */
function answerVersion(to: Packet, edition: Edition | 'auto'): number {
  return edition === 'auto' ? to.flag.version : EDITION_VERSION[edition];
}

function answer(to: Packet, cn: string, cp: Packet['cp'], edition: Edition | 'auto'): Packet {
  const version = answerVersion(to, edition);
  // answers carry Flag = version << 2: no answer bit, no split (2017: 4, 2025: 8); ST=91 (§6.5)
  return { qn: to.qn, st: '91', cn, pw: to.pw, mn: to.mn, flag: makeFlag(version), pnum: null, pno: null, rf: null, cp };
}

const emptyCp = (): Packet['cp'] => ({ dataTime: null, params: {}, factors: [] });

/** 9014 数据应答 to an upload with the answer bit set (§6.5, Table C.14): same QN, PW, MN; `CP=&&&&`. */
export function dataAnswer(to: Packet, edition: Edition | 'auto' = 'auto'): Packet {
  return answer(to, '9014', emptyCp(), edition);
}

/** 9013 通知应答 to a notification: 1013, the 2025 heartbeat 9015, 1001, a station's 1014 (hj212-2025.md §6.5). */
export function notificationAnswer(to: Packet, edition: Edition | 'auto' = 'auto'): Packet {
  return answer(to, '9013', emptyCp(), edition);
}

/** 9011 请求应答 to a request (Table 7 QnRtn; 1 = ready to execute). */
export function requestAnswer(to: Packet, qnRtn = '1', edition: Edition | 'auto' = 'auto'): Packet {
  return answer(to, '9011', { dataTime: null, params: { QnRtn: qnRtn }, factors: [] }, edition);
}

/** 9012 执行结果 for a request (Table 6 ExeRtn; 1 = success). */
export function executionResult(to: Packet, exeRtn = '1', edition: Edition | 'auto' = 'auto'): Packet {
  return answer(to, '9012', { dataTime: null, params: { ExeRtn: exeRtn }, factors: [] }, edition);
}

const NOTIFICATIONS = new Set(['1013', '9015', '1001', '1014', '2012', '2022']);
const ANSWERS = new Set(['9011', '9012', '9013', '9014']);

/**
 * What the platform sends back for a packet it accepted, or null: nothing unless the answer bit is set; answers are
 * never answered; notifications get 9013, everything else (uploads) 9014 (§6.5; hj212-2025.md §6.5).
 */
export function answerFor(packet: Packet, edition: Edition | 'auto' = 'auto'): Packet | null {
  if (!packet.flag.answer || ANSWERS.has(packet.cn)) return null;
  return NOTIFICATIONS.has(packet.cn) ? notificationAnswer(packet, edition) : dataAnswer(packet, edition);
}

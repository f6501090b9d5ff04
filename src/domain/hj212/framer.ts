import { hj212Crc, readCrc } from './crc';
import type { Rejection } from './model';

/**
 * The stream framer (HJ 212-2017 §6.3 Table 2; hj212.md §7 "Stream decoder"): `##` + 4-digit LLLL + LLLL data bytes
 * + 4 hex CRC + CR LF, cut out of a TCP byte stream however it was segmented. It works on bytes only and never
 * decodes a partial read to text (a UTF-8 character may span reads). Bad input is reported with its byte offset in
 * the stream, then 2 bytes are dropped and the next `##` is sought (hj212.md §7). It never holds more than one
 * pending frame: at most maxDataLength + 12 bytes, or maxEncryptedFrame for an SM4 frame.
 *
 * HJ 212-2025 SM4 frames (hj212-2025.md §3.5, §6.2, §10.1): the standard's own examples keep the plaintext length in
 * LLLL while sending `{0x..,..}` text about 5× longer, so when the CP area starts with `{0x` the frame is cut at
 * CR LF instead, within maxEncryptedFrame bytes; the decoder checks LLLL and the CRC after decryption.
 *
 * Frames view the pushed chunks (no copy): do not reuse a chunk's memory after pushing it.
 */

export type FramerOptions = {
  /** Largest data segment accepted (Table 2: 1024; some tools allow 9999, hj212.md §7). */
  maxDataLength: number;
  /** Cut `CP=&&{0x` frames at CR LF (HJ 212-2025 encryption). */
  encryptedFallback: boolean;
  /** Cap on an encrypted frame, whole (hj212-2025.md §6.2: ~8 KiB, since `{0x..}` is ~5× the plaintext). */
  maxEncryptedFrame: number;
  /** Lenient: accept a bare LF as the tail (hj212.md §7); the frame then lists 'bare-lf' in its leniencies. */
  bareLf: boolean;
};

export const DEFAULT_FRAMER_OPTIONS: Readonly<FramerOptions> = { maxDataLength: 1024, encryptedFallback: true, maxEncryptedFrame: 8192, bareLf: false };

export type Leniency = 'bare-lf';

export type Frame = {
  /** Stream offset of the `##`. */
  offset: number;
  /** The whole packet, `##` to the tail. */
  bytes: Buffer;
  /** LLLL as sent. */
  declaredLength: number;
  /** Index in `bytes` where the data segment ends and the 4 CRC characters begin (the segment starts at 6). */
  dataEnd: number;
  /** The CRC as sent. */
  crc: number;
  /** Whether the CRC was verified here; false for SM4 frames, whose CRC covers the plaintext (hj212-2025.md §3.3). */
  crcChecked: boolean;
  encrypted: boolean;
  leniencies: readonly Leniency[];
};

export type FramerOutput = { frames: Frame[]; errors: Rejection[] };

const HASH = 0x23;
const CR = 0x0d;
const LF = 0x0a;
/** How far into the data segment `CP=&&` may start: the longest plausible header (Table 3 fields, long PW/MN). */
const CP_WINDOW = 256;
const CP_ENCRYPTED = Buffer.from('CP=&&{0x', 'latin1');
const EMPTY = Buffer.alloc(0);
/** The leniencies of a frame that needed none (almost all): one shared array rather than one each. */
const STRICT: readonly Leniency[] = Object.freeze([]);
const BARE_LF: readonly Leniency[] = Object.freeze(['bare-lf'] as const);

type Attempt =
  | { kind: 'need' }
  | { kind: 'frame'; frame: Frame; size: number }
  | { kind: 'error'; error: Rejection; extent: number };
const NEED: Attempt = { kind: 'need' };
const NEED_MORE = -2;

export class Hj212Framer {
  private readonly options: FramerOptions;
  private buffer: Buffer = EMPTY;
  private position = 0;
  /** Stream offset of buffer[0]. */
  private base = 0;
  /** The current garbage run, reported when the next `##` (or the end) shows where it stops. */
  private garbage: { offset: number; length: number } | null = null;
  /** Bytes before this stream offset belong to a rejected frame already reported, so are not garbage too. */
  private quietUntil = 0;
  /** Finished garbage runs not yet reported. */
  private pendingGarbage: Array<{ offset: number; length: number }> = [];

  constructor(options: Partial<FramerOptions> = {}) {
    this.options = { ...DEFAULT_FRAMER_OPTIONS, ...options };
  }

  /** Bytes held for an incomplete frame; bounded by the pending frame's size (see the class comment). */
  get buffered(): number {
    return this.buffer.length - this.position;
  }

  /** Feeds the next bytes of the stream; returns the frames completed and the errors found, in stream order. */
  push(chunk: Uint8Array): FramerOutput {
    const incoming = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: FramerOutput = { frames: [], errors: [] };
    const held = this.buffer.length - this.position;
    if (held <= 0) {
      this.base += this.buffer.length;
      this.buffer = incoming;
      this.position = 0;
    } else {
      this.base += this.position;
      const bridge = this.bridgeLength();
      if (incoming.length > 2 * bridge) {
        // a large read after held bytes: rather than copy it all behind them, scan the held bytes joined to its first
        // `bridge` bytes (enough to settle any frame starting in the held bytes), then go on in the read itself
        this.buffer = Buffer.concat([this.buffer.subarray(this.position), incoming.subarray(0, bridge)]);
        this.position = 0;
        this.scan(out, held);
        if (this.position >= held) {
          this.base += held;
          this.buffer = incoming;
          this.position -= held;
        } else {
          // not settled within the bridge (cannot happen by bridgeLength, kept for safety): join the rest too
          this.base += this.position;
          this.buffer = Buffer.concat([this.buffer.subarray(this.position), incoming.subarray(bridge)]);
          this.position = 0;
        }
      } else {
        this.buffer = Buffer.concat([this.buffer.subarray(this.position), incoming]);
        this.position = 0;
      }
    }
    this.scan(out, this.buffer.length);
    return out;
  }

  /** Bytes after a frame's start that settle it either way: the largest plaintext or SM4 frame, and some. */
  private bridgeLength(): number {
    return Math.max(this.options.maxDataLength + 12, this.options.maxEncryptedFrame, CP_WINDOW + 32) + 16;
  }

  /** Cuts frames out of this.buffer from this.position until more bytes are needed or a `##` at or past `limit`. */
  private scan(out: FramerOutput, limit: number): void {
    const buf = this.buffer;
    while (this.position < limit) {
      // packets back to back: the next `##` is where the last one ended, found without a native search (a C++ call)
      const at = this.position;
      let header = buf[at] === HASH && buf[at + 1] === HASH ? at : buf.indexOf('##', at, 'latin1');
      if (header < 0) {
        // keep a last '#': it may be the first half of the next `##`
        const end = buf.length > this.position && buf[buf.length - 1] === HASH ? buf.length - 1 : buf.length;
        this.addGarbage(this.position, end);
        this.position = end;
        break;
      }
      // in a run of '#' only the last two can open a packet (`###0087…`): the ones before are garbage
      while (header + 2 < buf.length && buf[header + 2] === HASH) header++;
      this.addGarbage(this.position, header);
      this.position = header;
      if (header >= limit) break;
      const attempt = this.tryFrame(header);
      if (attempt.kind === 'need') break; // the garbage run may still go on (`#` `#` `#`… across reads)
      this.flushGarbage(out.errors);
      if (attempt.kind === 'frame') {
        out.frames.push(attempt.frame);
        this.position += attempt.size;
      } else {
        out.errors.push(attempt.error);
        this.quietUntil = Math.max(this.quietUntil, this.base + header + attempt.extent);
        this.position = header + 2; // drop 2 bytes and resync on the next `##` (hj212.md §7)
      }
    }
  }

  /** The stream has ended: reports a packet cut short and any trailing garbage. */
  end(): FramerOutput {
    const out: FramerOutput = { frames: [], errors: [] };
    const left = this.buffer.length - this.position;
    if (left >= 2 && this.buffer[this.position] === HASH && this.buffer[this.position + 1] === HASH) {
      this.flushGarbage(out.errors);
      out.errors.push({ code: 'truncated', reason: `数据流在报文中途结束（已收 ${left} 字节）`, offset: this.base + this.position, length: left });
    } else {
      this.addGarbage(this.position, this.buffer.length);
      this.flushGarbage(out.errors);
    }
    this.base += this.buffer.length;
    this.buffer = EMPTY;
    this.position = 0;
    return out;
  }

  private tryFrame(at: number): Attempt {
    const buf = this.buffer;
    const available = buf.length - at;
    if (available < 6) return NEED;
    const d0 = buf[at + 2]! - 0x30;
    const d1 = buf[at + 3]! - 0x30;
    const d2 = buf[at + 4]! - 0x30;
    const d3 = buf[at + 5]! - 0x30;
    if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || d3 < 0 || d3 > 9) {
      const shown = buf.toString('latin1', at + 2, at + 6).replace(/[^\x20-\x7e]/g, '?');
      return this.reject('length', `数据段长度“${shown}”应为 4 位十进制数字（§6.3 表2）`, at + 2, 6);
    }
    const length = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
    const { maxDataLength, encryptedFallback, maxEncryptedFrame } = this.options;
    if (length > maxDataLength && (!encryptedFallback || length + 12 > maxEncryptedFrame)) {
      // too long for any frame this framer accepts: no need to wait for the CP area to say so
      return this.reject('oversize', `数据段长度 ${length} 超过上限 ${maxDataLength} 字节（§6.3 表2）`, at + 2, 6);
    }
    if (length > maxDataLength) {
      // an SM4 frame whose LLLL counts the transmitted text may pass the plaintext limit (hj212-2025.md §10.1)
      const cp = this.findEncryptedCp(at, length);
      if (cp === NEED_MORE) return NEED;
      if (cp >= 0) return this.tryEncryptedFrame(at, length, cp);
      return this.reject('oversize', `数据段长度 ${length} 超过上限 ${maxDataLength} 字节（§6.3 表2）`, at + 2, 6);
    }
    const plain = this.tryPlainFrame(at, length);
    if (plain.kind !== 'error' || !encryptedFallback) return plain;
    // not a plaintext frame: an SM4 one, cut at CR LF, if its CP area starts with `{0x` (hj212-2025.md §6.2)
    const cp = this.findEncryptedCp(at, length);
    return cp >= 0 ? this.tryEncryptedFrame(at, length, cp) : plain;
  }

  /**
   * Index of `CP=&&{0x` in this frame, -1 if absent, or NEED_MORE. It lies within the first LLLL data bytes of any
   * SM4 packet, whichever length LLLL counts, and after at most CP_WINDOW bytes of header.
   */
  private findEncryptedCp(at: number, length: number): number {
    if (length === 0) return -1;
    const buf = this.buffer;
    const windowEnd = at + 6 + Math.min(length, CP_WINDOW) + CP_ENCRYPTED.length;
    const found = buf.subarray(at + 6, Math.min(windowEnd, buf.length)).indexOf(CP_ENCRYPTED);
    if (found >= 0) return at + 6 + found;
    return buf.length < windowEnd ? NEED_MORE : -1;
  }

  /** A frame by its length (§6.3 Table 2): tail, CRC format, CRC (Appendix A). */
  private tryPlainFrame(at: number, length: number): Attempt {
    const buf = this.buffer;
    const available = buf.length - at;
    const crcAt = at + 6 + length;
    const tailAt = crcAt + 4;
    if (available < length + 11) return NEED;
    let size: number;
    let leniencies = STRICT;
    if (buf[tailAt] === CR) {
      if (available < length + 12) return NEED;
      if (buf[tailAt + 1] !== LF) return this.reject('tail', '包尾应为 CR LF（0D 0A），CR 之后缺 LF', tailAt, length + 12);
      size = length + 12;
    } else if (buf[tailAt] === LF && this.options.bareLf) {
      leniencies = BARE_LF;
      size = length + 11;
    } else {
      return this.reject('tail', `按数据段长度 ${length}，包尾应在第 ${length + 10} 字节处为 CR LF，实际不是`, tailAt, length + 12);
    }
    const sent = readCrc(buf, crcAt);
    if (sent < 0) return this.reject('crc-format', `CRC“${buf.toString('latin1', crcAt, crcAt + 4)}”应为 4 位十六进制数字（附录A）`, crcAt, size);
    const computed = hj212Crc(buf, at + 6, crcAt);
    if (computed !== sent) {
      return this.reject('crc', `CRC 校验失败：报文为 ${buf.toString('latin1', crcAt, crcAt + 4)}，按附录A 计算应为 ${computed.toString(16).toUpperCase().padStart(4, '0')}`, crcAt, size);
    }
    const frame: Frame = { offset: this.base + at, bytes: buf.subarray(at, at + size), declaredLength: length, dataEnd: 6 + length, crc: sent, crcChecked: true, encrypted: false, leniencies };
    return { kind: 'frame', frame, size };
  }

  /** An SM4 frame, cut at CR LF (hj212-2025.md §10.1); `cp` is the index of its `CP=&&{0x`. */
  private tryEncryptedFrame(at: number, length: number, cp: number): Attempt {
    const buf = this.buffer;
    const cap = this.options.maxEncryptedFrame;
    const searchEnd = Math.min(buf.length, at + cap);
    const from = cp + CP_ENCRYPTED.length;
    const found = from < searchEnd ? buf.subarray(from, searchEnd).indexOf(LF) : -1;
    const lf = found < 0 ? -1 : from + found;
    if (lf < 0) {
      if (buf.length >= at + cap) return this.reject('oversize', `加密报文在 ${cap} 字节内没有包尾 CR LF（HJ 212-2025 §6.4）`, at, cap);
      return NEED;
    }
    let leniencies = STRICT;
    let tailAt = lf - 1;
    if (buf[tailAt] !== CR) {
      if (!this.options.bareLf) return this.reject('tail', '加密报文的包尾应为 CR LF，LF 前缺 CR', lf, lf + 1 - at);
      leniencies = BARE_LF;
      tailAt = lf;
    }
    const size = lf + 1 - at;
    const crcAt = tailAt - 4;
    if (crcAt < cp + CP_ENCRYPTED.length) return this.reject('tail', '加密报文在 CP 数据区结束前出现包尾', lf, size);
    const sent = readCrc(buf, crcAt);
    if (sent < 0) return this.reject('crc-format', `CRC“${buf.toString('latin1', crcAt, crcAt + 4)}”应为 4 位十六进制数字（附录A）`, crcAt, size);
    const frame: Frame = { offset: this.base + at, bytes: buf.subarray(at, at + size), declaredLength: length, dataEnd: crcAt - at, crc: sent, crcChecked: false, encrypted: true, leniencies };
    return { kind: 'frame', frame, size };
  }

  private reject(code: Rejection['code'], reason: string, where: number, extent: number): Attempt {
    return { kind: 'error', error: { code, reason, offset: this.base + where }, extent };
  }

  private addGarbage(from: number, to: number): void {
    const start = Math.max(this.base + from, this.quietUntil);
    const end = this.base + to;
    if (end <= start) return;
    if (this.garbage && this.garbage.offset + this.garbage.length === start) this.garbage.length += end - start;
    else {
      // a quiet stretch split the run: the two pieces are reported separately
      if (this.garbage) this.pendingGarbage.push(this.garbage);
      this.garbage = { offset: start, length: end - start };
    }
  }

  private flushGarbage(errors: Rejection[]): void {
    if (this.garbage) this.pendingGarbage.push(this.garbage);
    for (const g of this.pendingGarbage) errors.push({ code: 'garbage', reason: `报文之间有 ${g.length} 字节无法识别的数据（不以“##”开头）`, offset: g.offset, length: g.length });
    this.pendingGarbage = [];
    this.garbage = null;
  }
}

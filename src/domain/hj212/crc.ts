/**
 * The HJ 212 check code (HJ 212-2017 Appendix A, unchanged in HJ 212-2025 and, per the 2017 preface, in HJ/T 212-2005).
 * The standard calls it "ANSI CRC16", but each step XORs the byte into the register's HIGH byte shifted down and
 * drops the low byte, so it is neither CRC-16/MODBUS nor CRC-16/ARC: `reg = T[(reg >> 8) ^ b]` with the ordinary
 * reflected-0xA001 table. Only 256 results are possible, so a CRC match never proves a packet (hj212.md §2).
 */

/** The reflected-0xA001 CRC-16 table (T[1] = 0xC0C1). */
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let reg = i;
    for (let bit = 0; bit < 8; bit++) reg = reg & 1 ? (reg >>> 1) ^ 0xa001 : reg >>> 1;
    table[i] = reg;
  }
  return table;
})();

/**
 * Because each step keeps only T's value, the register between steps is T[x] and only its high byte carries on:
 * s' = HIGH[s ^ b] with HIGH[x] = T[x] >> 8, and the result is T[s ^ last byte]. T is linear over GF(2)
 * (T[a ^ b] = T[a] ^ T[b]), so HIGH is too, and eight steps unroll to
 *   s8 = H8[s ^ b0] ^ H7[b1] ^ H6[b2] ^ … ^ H1[b7],   Hk = HIGH applied k times,
 * where only the first lookup depends on the register ("slicing by 8"): the other seven run in parallel. The eight
 * 256-byte tables (2 KiB) stay in L1. SLICES[(k - 1) * 256 + x] = Hk[x].
 */
const HIGH: Uint8Array = Uint8Array.from(TABLE, (t) => t >>> 8);
const SLICES: Uint8Array = (() => {
  const slices = new Uint8Array(8 * 256);
  slices.set(HIGH, 0);
  for (let k = 1; k < 8; k++) for (let x = 0; x < 256; x++) slices[k * 256 + x] = HIGH[slices[(k - 1) * 256 + x]!]!;
  return slices;
})();

/** CRC of bytes[start, end) by Appendix A; 16-bit unsigned number. */
export function hj212Crc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (end <= start) return 0xffff;
  const last = end - 1;
  const h = SLICES;
  let s = 0xff; // the high byte of the initial register 0xFFFF
  let i = start;
  for (; i + 8 <= last; i += 8) {
    s =
      h[1792 + (s ^ bytes[i]!)]! ^ h[1536 + bytes[i + 1]!]! ^ h[1280 + bytes[i + 2]!]! ^ h[1024 + bytes[i + 3]!]! ^
      h[768 + bytes[i + 4]!]! ^ h[512 + bytes[i + 5]!]! ^ h[256 + bytes[i + 6]!]! ^ h[bytes[i + 7]!]!;
  }
  for (; i < last; i++) s = h[s ^ bytes[i]!]!;
  return TABLE[s ^ bytes[last]!]!;
}

const HEX = '0123456789ABCDEF';

/** The CRC as sent: 4 upper-case hex digits, high byte first, zero-padded (`0880`, never `880`; hj212.md §7). */
export function formatCrc(crc: number): string {
  return HEX[(crc >>> 12) & 15]! + HEX[(crc >>> 8) & 15]! + HEX[(crc >>> 4) & 15]! + HEX[crc & 15]!;
}

/** Value of one hex digit byte (either case), or -1. */
export function hexDigitValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/** The 4 CRC characters at bytes[at, at+4) as a number (compared numerically, so `1c80` = `1C80`), or -1 if not hex. */
export function readCrc(bytes: Uint8Array, at: number): number {
  const a = hexDigitValue(bytes[at]!);
  const b = hexDigitValue(bytes[at + 1]!);
  const c = hexDigitValue(bytes[at + 2]!);
  const d = hexDigitValue(bytes[at + 3]!);
  if ((a | b | c | d) < 0) return -1;
  return (a << 12) | (b << 8) | (c << 4) | d;
}

import { createCipheriv, createDecipheriv, getCiphers } from 'node:crypto';

/**
 * SM4 (GB/T 32907) for the HJ 212-2025 CP area (§6.4, Appendix A.2; hj212-2025.md §3): ECB, no padding, 16-byte
 * blocks; a final group shorter than 16 bytes stays plaintext. On the wire the cipher bytes are written
 * `{0xE4,0x3E,…}` (upper-case hex, comma-separated) followed directly by the plaintext tail. The cipher itself is
 * node:crypto's (OpenSSL), which has no I/O; nothing here is hand-rolled.
 */

export const SM4_BLOCK = 16;
const ALGORITHM = 'sm4-ecb';

let available: boolean | null = null;
/** Whether this Node's OpenSSL has SM4 (builds without it, or FIPS mode, lack it; hj212-2025.md §8). */
export function isSm4Available(): boolean {
  available ??= getCiphers().includes(ALGORITHM);
  return available;
}

/** SM4-ECB over whole blocks, no padding. */
export function sm4EcbEncrypt(key: Uint8Array, blocks: Uint8Array): Buffer {
  const cipher = createCipheriv(ALGORITHM, key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(blocks), cipher.final()]);
}

/** SM4-ECB decryption over whole blocks, no padding. */
export function sm4EcbDecrypt(key: Uint8Array, blocks: Uint8Array): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, null).setAutoPadding(false);
  return Buffer.concat([decipher.update(blocks), decipher.final()]);
}

const HEX = '0123456789ABCDEF';

/**
 * Encrypts a plaintext CP area (the bytes between `CP=&&` and `&&`) into its wire form: the whole 16-byte groups as
 * `{0x..,…}`, then the remaining < 16 bytes as they are (A.2). An area shorter than one block has nothing to encrypt
 * and is returned unchanged (our choice: `{}` would not be recognisable as SM4).
 */
export function encryptCpArea(plain: Uint8Array, key: Uint8Array): Buffer {
  const whole = plain.length - (plain.length % SM4_BLOCK);
  if (whole === 0) return Buffer.from(plain);
  const cipher = sm4EcbEncrypt(key, plain.subarray(0, whole));
  let text = '{';
  for (let i = 0; i < cipher.length; i++) text += `${i === 0 ? '' : ','}0x${HEX[cipher[i]! >>> 4]}${HEX[cipher[i]! & 15]}`;
  return Buffer.concat([Buffer.from(`${text}}`, 'latin1'), plain.subarray(whole)]);
}

export type CipherWire = { ok: true; cipher: Buffer; tail: Uint8Array } | { ok: false; reason: string; at: number };

/**
 * Reads the `{0xHH,0xHH,…}tail` wire form (hj212-2025.md §6.3: `^\{0x[0-9A-Fa-f]{2}(,0x[0-9A-Fa-f]{2})*\}`); the
 * cipher must be whole blocks. `at` in a failure is the index in `wire`.
 */
export function parseCipherWire(wire: Uint8Array): CipherWire {
  if (wire[0] !== 0x7b) return { ok: false, reason: '加密 CP 数据区应以“{0x”开头', at: 0 };
  const bytes: number[] = [];
  let i = 1;
  for (;;) {
    if (wire[i] !== 0x30 || (wire[i + 1] !== 0x78 && wire[i + 1] !== 0x58)) return { ok: false, reason: '加密 CP 数据区的每个字节应写作“0x”加 2 位十六进制', at: i };
    const hi = hexValue(wire[i + 2]);
    const lo = hexValue(wire[i + 3]);
    if (hi < 0 || lo < 0) return { ok: false, reason: '加密 CP 数据区的每个字节应写作“0x”加 2 位十六进制', at: i };
    bytes.push((hi << 4) | lo);
    i += 4;
    if (wire[i] === 0x2c) i++;
    else if (wire[i] === 0x7d) break;
    else return { ok: false, reason: '加密 CP 数据区的字节之间应以“,”分隔、以“}”结束', at: i };
  }
  if (bytes.length % SM4_BLOCK !== 0) {
    return { ok: false, reason: `密文 ${bytes.length} 字节不是 16 的整数倍（SM4-ECB 无填充，A.2；PKCS#7/Base64 形式不接受）`, at: 0 };
  }
  return { ok: true, cipher: Buffer.from(bytes), tail: wire.subarray(i + 1) };
}

function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** Decrypts a parsed wire form back to the plaintext CP area bytes (cipher blocks + tail). */
export function decryptCpArea(wire: { cipher: Uint8Array; tail: Uint8Array }, key: Uint8Array): Buffer {
  return Buffer.concat([sm4EcbDecrypt(key, wire.cipher), wire.tail]);
}

/**
 * A station key as configured: 32 hex digits, or 16 ASCII characters (the standard's test key is 16 × '0', 0x30;
 * hj212-2025.md §3.7). Returns the 16 bytes, or null.
 */
export function parseSm4Key(text: string): Uint8Array | null {
  if (/^[0-9A-Fa-f]{32}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[\x20-\x7e]{16}$/.test(text)) return Buffer.from(text, 'latin1');
  return null;
}

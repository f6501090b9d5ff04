import { describe, expect, it } from 'vitest';
import { formatCrc, hj212Crc, readCrc } from './crc';
import { HJ212_2017_PACKETS, HJ212_2025_PACKETS } from './worked-packets';

/** The bit-by-bit form printed in Appendix A (hj212.md §2), to check the table form against. */
function appendixA(bytes: Uint8Array): number {
  let reg = 0xffff;
  for (const b of bytes) {
    reg = (reg >>> 8) ^ b;
    for (let i = 0; i < 8; i++) {
      const lsb = reg & 1;
      reg >>>= 1;
      if (lsb) reg ^= 0xa001;
    }
  }
  return reg;
}

/** CRC-16/MODBUS, which the standard's "ANSI CRC16" is often mistaken for. */
function modbus(bytes: Uint8Array): number {
  let reg = 0xffff;
  for (const b of bytes) {
    reg ^= b;
    for (let i = 0; i < 8; i++) reg = reg & 1 ? (reg >>> 1) ^ 0xa001 : reg >>> 1;
  }
  return reg;
}

const segmentOf = (packet: string) => {
  const bytes = Buffer.from(packet, 'utf8');
  return { segment: bytes.subarray(6, bytes.length - 6), crc: bytes.toString('latin1', bytes.length - 6, bytes.length - 2) };
};

describe('HJ 212 CRC (Appendix A)', () => {
  it.each([
    ['', 'FFFF'],
    ['A', '7080'],
    ['123456789', '2F80'],
  ])('check value of %j is %s', (text, crc) => {
    expect(formatCrc(hj212Crc(Buffer.from(text)))).toBe(crc);
  });

  it('is not CRC-16/MODBUS ("123456789" → 4B37 under MODBUS)', () => {
    expect(modbus(Buffer.from('123456789')).toString(16).toUpperCase()).toBe('4B37');
    expect(formatCrc(modbus(segmentOf(HJ212_2017_PACKETS.appendixA).segment))).toBe('0759');
  });

  it.each(Object.entries({ ...HJ212_2017_PACKETS, ...HJ212_2025_PACKETS }).filter(([name]) => name !== 'realtimeEncrypted'))(
    'gives the printed CRC of the worked packet %s, over bytes',
    (_, packet) => {
      const { segment, crc } = segmentOf(packet);
      expect(formatCrc(hj212Crc(segment))).toBe(crc);
    },
  );

  it('the table form equals the bitwise form; the low byte is one of 00 01 40 41 80 81 C0 C1', () => {
    const lowBytes = new Set<number>();
    let seed = 1;
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(1 + (n % 97)); // non-empty: "" gives FFFF
      for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
      const crc = hj212Crc(bytes);
      expect(crc).toBe(appendixA(bytes));
      expect(hj212Crc(Buffer.concat([Buffer.from('##'), bytes, Buffer.from('x')]), 2, 2 + bytes.length)).toBe(crc);
      lowBytes.add(crc & 0xff);
    }
    expect([...lowBytes].every((b) => [0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xc0, 0xc1].includes(b))).toBe(true);
  });

  it('formats zero-padded upper case and reads either case, rejecting non-hex', () => {
    expect(formatCrc(0x880)).toBe('0880');
    expect(readCrc(Buffer.from('1c80'), 0)).toBe(0x1c80);
    expect(readCrc(Buffer.from('1C80'), 0)).toBe(0x1c80);
    expect(readCrc(Buffer.from('880\r'), 0)).toBe(-1);
    expect(readCrc(Buffer.from('1G80'), 0)).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { formatCrc, hj212Crc } from './crc';
import { DEFAULT_PROFILE, type StationProfile } from './model';
import { decodePacket, encodePacket } from './packet';
import { decryptCpArea, encryptCpArea, isSm4Available, parseCipherWire, parseSm4Key, sm4EcbDecrypt, sm4EcbEncrypt } from './sm4';
import { A2_EXAMPLE_4, HJ212_2025_PACKETS as P25 } from './worked-packets';

const testKey = parseSm4Key(A2_EXAMPLE_4.key)!;
const wrongKey = parseSm4Key('1111111111111111')!;
const profile = (over: Partial<StationProfile> = {}): StationProfile => ({ ...DEFAULT_PROFILE, keys: [testKey], ...over });

describe.runIf(isSm4Available())('SM4 CP area (HJ 212-2025 §6.4, Appendix A.2)', () => {
  it('the test key is 16 × 0x30; keys are 16 ASCII characters or 32 hex digits', () => {
    expect(Buffer.from(testKey).toString('hex')).toBe('30'.repeat(16));
    expect(parseSm4Key('30'.repeat(16))).toEqual(testKey);
    expect(parseSm4Key('short')).toBeNull();
    expect(parseSm4Key('中'.repeat(16))).toBeNull();
  });

  it('reproduces the official A.2 example 4 vector: 144 cipher bytes and the plaintext tail "g=N"', () => {
    const segment = Buffer.from(A2_EXAMPLE_4.plaintextSegment);
    expect(segment.length).toBe(234);
    expect(formatCrc(hj212Crc(segment))).toBe(A2_EXAMPLE_4.crc);
    const area = segment.subarray(segment.indexOf('CP=&&') + 5, segment.length - 2);
    const cipher = Buffer.from(A2_EXAMPLE_4.cipherHex, 'hex');
    expect(cipher.length).toBe(144);
    expect(sm4EcbEncrypt(testKey, area.subarray(0, 144))).toEqual(cipher);
    expect(sm4EcbDecrypt(testKey, cipher)).toEqual(area.subarray(0, 144));
    expect(area.subarray(144).toString()).toBe(A2_EXAMPLE_4.tail);
  });

  it('decodes the A.2 packet as printed (LLLL 0234 = plaintext length, CRC B541 of the plaintext) and re-encodes it', () => {
    const cipher = Buffer.from(A2_EXAMPLE_4.cipherHex, 'hex');
    const wire = `{${[...cipher].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(',')}}g=N`;
    const head = A2_EXAMPLE_4.plaintextSegment.slice(0, A2_EXAMPLE_4.plaintextSegment.indexOf('CP=&&') + 5);
    const packet = `##0234${head}${wire}&&B541\r\n`;
    const r = decodePacket(Buffer.from(packet), profile());
    expect(r).toMatchObject({ ok: true, encrypted: true, packet: { cn: '2051', cp: { dataTime: '20240520210600' } } });
    if (r.ok) expect(encodePacket(r.packet, { encryptKey: testKey }).toString()).toBe(packet);
  });

  it('decodes the §7 worked encrypted packet to the plaintext one, and encrypts it back byte for byte', () => {
    const plain = decodePacket(Buffer.from(P25.realtime));
    const r = decodePacket(Buffer.from(P25.realtimeEncrypted), profile());
    expect(r.ok && plain.ok && r.packet).toEqual(plain.ok && plain.packet);
    expect(r.ok && r.encrypted).toBe(true);
    if (r.ok) expect(encodePacket(r.packet, { encryptKey: testKey }).toString()).toBe(P25.realtimeEncrypted);
  });

  it('LLLL: plaintext length by default; the transmitted length (S1 style, ##0333) only when the station says so', () => {
    const transmitted = Buffer.from(P25.realtimeEncrypted.replace('##0140', '##0333'));
    expect(decodePacket(transmitted, profile())).toMatchObject({ ok: false, error: { code: 'length', offset: 2 } });
    expect(decodePacket(transmitted, profile({ lengthMode: 'transmitted' }))).toMatchObject({ ok: true });
    expect(decodePacket(transmitted, profile({ lengthMode: 'either' }))).toMatchObject({ ok: true });
    expect(decodePacket(Buffer.from(P25.realtimeEncrypted), profile({ lengthMode: 'transmitted' }))).toMatchObject({ ok: false, error: { code: 'length' } });
    const plain = decodePacket(Buffer.from(P25.realtime));
    expect(plain.ok && encodePacket(plain.packet, { encryptKey: testKey, lengthMode: 'transmitted' }).toString()).toBe(transmitted.toString());
  });

  it('an SM4 packet framed by its transmitted length is decrypted even when its cipher text happens to pass the CRC', () => {
    // find a QN for which CRC(cipher text segment) = CRC(plaintext segment): the framer then takes it as plaintext
    const plain = decodePacket(Buffer.from(P25.realtime));
    if (!plain.ok) throw new Error(plain.error.reason);
    let lucky: Buffer | null = null;
    for (let n = 0; n < 5000 && !lucky; n++) {
      const bytes = encodePacket({ ...plain.packet, qn: `20260315103${String(n).padStart(6, '0')}` }, { encryptKey: testKey, lengthMode: 'transmitted' });
      if (hj212Crc(bytes, 6, bytes.length - 6) === Number.parseInt(bytes.toString('latin1', bytes.length - 6, bytes.length - 2), 16)) lucky = bytes;
    }
    expect(lucky).not.toBeNull();
    expect(decodePacket(lucky!, profile({ lengthMode: 'transmitted' }))).toMatchObject({ ok: true, encrypted: true });
  });

  it('a CRC over the encrypted text (6D40) is wrong', () => {
    const crcOverCipher = Buffer.from(P25.realtimeEncrypted.replace('D081', '6D40'));
    expect(decodePacket(crcOverCipher, profile())).toMatchObject({ ok: false, error: { code: 'decrypt' } });
  });

  it('a wrong key is caught by requiring the decrypted CP to pass the CRC and parse (§10.2), a previous key still works', () => {
    expect(decodePacket(Buffer.from(P25.realtimeEncrypted), profile({ keys: [wrongKey] }))).toMatchObject({ ok: false, error: { code: 'decrypt', offset: P25.realtimeEncrypted.indexOf('{') } });
    const r = decodePacket(Buffer.from(P25.realtimeEncrypted), profile({ keys: [wrongKey, testKey] }));
    expect(r).toMatchObject({ ok: true, warnings: [{ code: 'key-previous' }] });
  });

  it('a wrong key that passes the 256-valued CRC is still refused when the CP does not parse', () => {
    // search for a key under which the garbage plaintext happens to hit the CRC (about 1 in 256)
    const frame = Buffer.from(P25.realtimeEncrypted);
    const area = frame.subarray(frame.indexOf('{'), frame.lastIndexOf('&&'));
    const wire = parseCipherWire(area);
    if (!wire.ok) throw new Error(wire.reason);
    const head = frame.subarray(6, frame.indexOf('{'));
    let lucky: Uint8Array | null = null;
    for (let i = 0; i < 5000 && !lucky; i++) {
      const key = Buffer.from(i.toString(16).padStart(32, '0'), 'hex');
      const plain = Buffer.concat([head, decryptCpArea(wire, key), Buffer.from('&&')]);
      if (formatCrc(hj212Crc(plain)) === 'D081') lucky = key;
    }
    expect(lucky).not.toBeNull();
    expect(decodePacket(frame, profile({ keys: [lucky!] }))).toMatchObject({ ok: false, error: { code: 'decrypt' } });
  });

  it('refuses SM4 when the station has it off or no key; takes plaintext under "require" with a warning', () => {
    const enc = Buffer.from(P25.realtimeEncrypted);
    expect(decodePacket(enc, profile({ encryption: 'off' }))).toMatchObject({ ok: false, error: { code: 'decrypt', reason: expect.stringContaining('未启用') } });
    expect(decodePacket(enc, profile({ keys: [] }))).toMatchObject({ ok: false, error: { code: 'decrypt', reason: expect.stringContaining('未配置') } });
    expect(decodePacket(Buffer.from(P25.realtime), profile({ encryption: 'require' }))).toMatchObject({ ok: true, warnings: [{ code: 'plaintext-under-require' }] });
    expect(decodePacket(Buffer.from(P25.heartbeat), profile({ encryption: 'require' }))).toMatchObject({ ok: true, warnings: [] });
  });

  it('rejects malformed wire forms: not 0xHH, not whole blocks, no closing brace', () => {
    expect(parseCipherWire(Buffer.from('{0x1,0x22}'))).toMatchObject({ ok: false });
    expect(parseCipherWire(Buffer.from('{0x11,0x22}'))).toMatchObject({ ok: false, reason: expect.stringContaining('16 的整数倍') });
    expect(parseCipherWire(Buffer.from(`{${'0x11,'.repeat(15)}0x11`))).toMatchObject({ ok: false });
    const broken = P25.realtimeEncrypted.replace('0x6B', '0xZZ');
    expect(decodePacket(Buffer.from(broken), profile())).toMatchObject({ ok: false, error: { code: 'decrypt', offset: broken.indexOf('0xZZ') } });
  });

  it('a CP area shorter than one block is sent as it is; longer ones keep their < 16-byte tail in plaintext', () => {
    expect(encryptCpArea(Buffer.from('QnRtn=1'), testKey).toString()).toBe('QnRtn=1');
    const wire = encryptCpArea(Buffer.from('DataTime=20260315103000;a21026-Rtd=18.5,a21026-Flag=N'), testKey).toString();
    expect(wire).toMatch(/^\{(0x[0-9A-F]{2},){47}0x[0-9A-F]{2}\}lag=N$/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatCrc, hj212Crc } from './crc';
import { DEFAULT_PROFILE, type StationProfile } from './model';
import { answerFor, dataAnswer, decodePacket, encodePacket, executionResult, notificationAnswer, requestAnswer } from './packet';
import { HJ212_2017_PACKETS, HJ212_2025_PACKETS } from './worked-packets';

const lenient: StationProfile = { ...DEFAULT_PROFILE, lenient: { bareLf: true } };

/** Frames a data segment with its byte length and CRC (optionally lower-case, another tail). */
function frame(segment: string, options: { crcCase?: 'upper' | 'lower'; tail?: string } = {}): Buffer {
  const bytes = Buffer.from(segment, 'utf8');
  const crc = formatCrc(hj212Crc(bytes));
  return Buffer.concat([
    Buffer.from(`##${String(bytes.length).padStart(4, '0')}`),
    bytes,
    Buffer.from(options.crcCase === 'lower' ? crc.toLowerCase() : crc),
    Buffer.from(options.tail ?? '\r\n'),
  ]);
}

function decoded(bytes: Buffer | string, profile: StationProfile = DEFAULT_PROFILE) {
  const r = decodePacket(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, profile);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r;
}

const HEAD = 'QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=4;';

describe('worked packets (hj212.md §2, hj212-2025.md §7)', () => {
  it.each(Object.entries(HJ212_2017_PACKETS))('2017 %s decodes and re-encodes byte for byte', (_, text) => {
    const r = decoded(text);
    expect(r.warnings).toEqual([]);
    expect(encodePacket(r.packet).toString('utf8')).toBe(text);
  });

  it.each(Object.entries(HJ212_2025_PACKETS).filter(([name]) => name !== 'realtimeEncrypted'))('2025 %s decodes and re-encodes byte for byte', (_, text) => {
    const r = decoded(text);
    expect(r.warnings).toEqual([]);
    expect(encodePacket(r.packet).toString('utf8')).toBe(text);
  });

  it('reads the header and CP of the Appendix A example', () => {
    expect(decoded(HJ212_2017_PACKETS.appendixA).packet).toEqual({
      qn: '20160801085857223', st: '32', cn: '1062', pw: '100000', mn: '010000A8900016F000169DC0',
      flag: { raw: 5, version: 1, split: false, answer: true }, pnum: null, pno: null, rf: null,
      cp: { dataTime: null, params: { RtdInterval: '30' }, factors: [] },
    });
  });

  it('reads hour data: factors in order, values as decimal strings', () => {
    const { cp } = decoded(HJ212_2017_PACKETS.hourAir).packet;
    expect(cp.dataTime).toBe('20190924220000');
    expect(cp.factors.map((f) => [f.code, f.avg, f.flag])).toEqual([
      ['a34006', '2.69700', 'N'], ['a34007', '7.96600', 'N'], ['a34048', '3.30600', 'N'], ['a34047', '7.35700', 'N'], ['a34049', '10.66300', 'N'],
    ]);
  });

  it('counts the Table C.40 log in bytes (144 characters, 152 bytes) and keeps the Chinese text whole', () => {
    expect([...HJ212_2017_PACKETS.infoLog.slice(6, -6)].length).toBe(144);
    const { cp } = decoded(HJ212_2017_PACKETS.infoLog).packet;
    expect(cp).toEqual({ dataTime: '20100301145000', params: { PolId: 'w01018' }, factors: [{ code: 'i11001', info: '//清洗管路//', other: {} }] });
  });

  it('reads the 2025 version bits, RF=1 and the heartbeat', () => {
    expect(decoded(HJ212_2025_PACKETS.realtime).packet.flag).toEqual({ raw: 9, version: 2, split: false, answer: true });
    expect(decoded(HJ212_2025_PACKETS.resentHour).packet).toMatchObject({ rf: '1', cp: { factors: [{ code: 'a21026', min: '15.2', avg: '18.3', max: '21.0', flag: 'N' }] } });
    expect(decoded(HJ212_2025_PACKETS.heartbeat).packet).toMatchObject({ cn: '9015', st: '31' });
  });
});

describe('answers (§6.5; hj212-2025.md §6.5)', () => {
  it('9014 to a 2017 upload: Flag 4, ST 91, same QN/PW/MN (Table C.14)', () => {
    const upload = decoded(frame(`QN=20160801085857223;ST=32;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085800;w01018-Rtd=12&&`)).packet;
    expect(encodePacket(dataAnswer(upload)).toString()).toBe(HJ212_2017_PACKETS.dataAnswer);
    expect(encodePacket(answerFor(upload)!).toString()).toBe(HJ212_2017_PACKETS.dataAnswer);
  });

  it('9014 to a 2025 upload carries Flag 8; 9013 answers the heartbeat', () => {
    const upload = decoded(HJ212_2025_PACKETS.realtime).packet;
    expect(encodePacket(dataAnswer(upload)).toString()).toBe(HJ212_2025_PACKETS.dataAnswer);
    expect(encodePacket(answerFor(decoded(HJ212_2025_PACKETS.heartbeat).packet)!).toString()).toBe(HJ212_2025_PACKETS.heartbeatAnswer);
    expect(encodePacket(notificationAnswer(decoded(HJ212_2025_PACKETS.heartbeat).packet)).toString()).toBe(HJ212_2025_PACKETS.heartbeatAnswer);
  });

  it('mirrors the station\'s configured edition over the packet\'s Flag', () => {
    const upload = decoded(HJ212_2025_PACKETS.realtime).packet;
    expect(dataAnswer(upload, '2017').flag.raw).toBe(4);
    expect(dataAnswer(decoded(HJ212_2017_PACKETS.hourAir).packet, '2025').flag.raw).toBe(8);
  });

  it('9011 and 9012 carry QnRtn and ExeRtn', () => {
    const request = decoded(HJ212_2017_PACKETS.appendixA).packet;
    expect(encodePacket(requestAnswer(request)).toString()).toContain(';CN=9011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&');
    expect(encodePacket(executionResult(request, '100')).toString()).toContain(';CN=9012;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&ExeRtn=100&&');
  });

  it('answers nothing without the answer bit, and never answers an answer', () => {
    expect(answerFor(decoded(HJ212_2017_PACKETS.minuteAir).packet)).toBeNull(); // Flag=4
    expect(answerFor(decoded(frame(`${HEAD.replace('CN=2011', 'CN=9014').replace('Flag=4', 'Flag=5')}CP=&&&&`)).packet)).toBeNull();
  });
});

describe('field deviations to tolerate (hj212.md §7 table)', () => {
  it('lower-case CRC: compared as a number', () => {
    const lower = frame(`${HEAD}CP=&&DataTime=20160801085800;w01018-Rtd=12&&`, { crcCase: 'lower' });
    expect(lower.toString()).toMatch(/[a-f]/);
    expect(decoded(lower).packet.cn).toBe('2011');
  });

  it('CRC without its leading zero, a MODBUS CRC, a CRC over characters: rejected', () => {
    const text = HJ212_2017_PACKETS.appendixA;
    expect(decodePacket(Buffer.from(text.replace('1C80\r\n', '880\r\n')))).toMatchObject({ ok: false, error: { code: 'tail' } });
    expect(decodePacket(Buffer.from(text.replace('1C80', '0759')))).toMatchObject({ ok: false, error: { code: 'crc', offset: 107 } });
    // the CRC a parser iterating characters (runes) would send for the C.40 log, whose Chinese text is multi-byte
    const log = HJ212_2017_PACKETS.infoLog;
    const runes = Uint8Array.from([...log.slice(6, -6)].map((ch) => ch.codePointAt(0)! & 0xff));
    const overRunes = formatCrc(hj212Crc(runes));
    expect(overRunes).not.toBe('9741');
    expect(decodePacket(Buffer.from(log.replace('9741', overRunes)))).toMatchObject({ ok: false, error: { code: 'crc' } });
  });

  it('length counted in characters instead of bytes: rejected (the frame does not end where LLLL says)', () => {
    expect(decodePacket(Buffer.from(HJ212_2017_PACKETS.infoLog.replace('##0152', '##0144')))).toMatchObject({ ok: false, error: { code: 'tail' } });
  });

  it('GBK text from a legacy DAS: framed and checked on bytes, decoded as GB18030 with a warning', () => {
    const gbk = Buffer.from([0xc7, 0xe5, 0xcf, 0xb4]); // 清洗 in GBK
    const segment = Buffer.concat([Buffer.from(`${HEAD.replace('CN=2011', 'CN=3020')}CP=&&i11001-Info=//`), gbk, Buffer.from('//&&')]);
    const bytes = Buffer.concat([Buffer.from(`##${String(segment.length).padStart(4, '0')}`), segment, Buffer.from(`${formatCrc(hj212Crc(segment))}\r\n`)]);
    const r = decoded(bytes);
    expect(r.packet.cp.factors[0]!.info).toBe('//清洗//');
    expect(r.warnings.map((w) => w.code)).toEqual(['gb18030']);
  });

  it('2005-style packets: no QN, no Flag, 14-char MN, codes B01/011/060 mapped and reported', () => {
    const r = decoded(frame('ST=32;CN=2011;PW=123456;MN=88888880000001;CP=&&DataTime=20080101120000;B01-Rtd=12.5,B01-Flag=N;011-Rtd=30.1,011-Flag=N;060-Rtd=1.2,060-Flag=P&&'));
    expect(r.packet).toMatchObject({ qn: null, mn: '88888880000001', flag: { raw: null, version: 0, split: false, answer: false } });
    expect(r.packet.cp.factors.map((f) => [f.code, f.code2005, f.rtd, f.flag])).toEqual([
      ['w00000', 'B01', '12.5', 'N'], ['w01018', '011', '30.1', 'N'], ['w21003', '060', '1.2', 'P'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['factor-2005', 'factor-2005', 'factor-2005']);
    expect(answerFor(r.packet)).toBeNull();
  });

  it('17-digit DataTime: accepted, truncated, warned', () => {
    const r = decoded(frame(`${HEAD}CP=&&DataTime=20160801085800123;w01018-Rtd=12&&`));
    expect(r.packet.cp.dataTime).toBe('20160801085800');
    expect(r.warnings.map((w) => w.code)).toEqual(['datatime-ms']);
  });

  it('header fields out of order, a trailing ; before &&, non-standard factor codes: kept', () => {
    const r = decoded(frame('ST=32;MN=010000A8900016F000169DC0;QN=20160801085857223;PW=123456;CN=2011;Flag=4;;CP=&&DataTime=20160801085800;CONC-Rtd=1.5;O3-Rtd=20;a2106-Rtd=3;&&'));
    expect(r.packet).toMatchObject({ qn: '20160801085857223', mn: '010000A8900016F000169DC0', pw: '123456' });
    expect(r.packet.cp.factors.map((f) => f.code)).toEqual(['CONC', 'O3', 'a2106']);
  });

  it('Flag values outside 0/1/4–7 (8 in 2021 data): read the A and D bits, never reject on version bits', () => {
    for (const raw of [8, 13, 252, 255]) {
      const text = `QN=20210801085857223;ST=32;CN=2011;PW=123456;MN=X1;Flag=${raw};${raw & 2 ? 'PNUM=2;PNO=1;' : ''}CP=&&&&`;
      expect(decoded(frame(text)).packet.flag).toEqual({ raw, version: raw >> 2, split: (raw & 2) !== 0, answer: (raw & 1) !== 0 });
    }
  });

  it('data segment over 1024 bytes: rejected by default', () => {
    const big = `${HEAD}CP=&&DataTime=20160801085800;${Array.from({ length: 60 }, (_, i) => `w${String(10000 + i)}-Rtd=12345.678`).join(';')}&&`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024);
    expect(decodePacket(frame(big))).toMatchObject({ ok: false, error: { code: 'oversize', offset: 2 } });
  });

  it('answer packets with the upload\'s ST instead of 91: accepted', () => {
    expect(decoded(frame(`${HEAD.replace('CN=2011', 'CN=9014')}CP=&&&&`)).packet.st).toBe('32');
  });

  it('LF-only tail: strict mode rejects, lenient mode accepts and says so', () => {
    const bareLf = frame(`${HEAD}CP=&&DataTime=20160801085800;w01018-Rtd=12&&`, { tail: '\n' });
    expect(decodePacket(bareLf)).toMatchObject({ ok: false, error: { code: 'tail' } });
    expect(decoded(bareLf, lenient).warnings.map((w) => w.code)).toEqual(['bare-lf']);
  });
});

describe('header rejections name the field and its byte offset (Table 3)', () => {
  const at = (segment: string, field: string) => 6 + segment.indexOf(field);
  it.each([
    [`QN=2016080108585722;ST=32;CN=2011;PW=1;MN=M;Flag=4;CP=&&&&`, 'QN=', 'QN'],
    [`ST=32;CN=2011;PW=1;MN=M;Flag=4;CP=&&&&`, 'ST=', '缺少 QN'],
    [`QN=20160801085857223;ST=321;CN=2011;PW=1;MN=M;Flag=4;CP=&&&&`, 'ST=', 'ST'],
    [`QN=20160801085857223;CN=2011;PW=1;MN=M;Flag=4;CP=&&&&`, 'QN=', '缺少 ST'],
    [`QN=20160801085857223;ST=32;CN=20x1;PW=1;MN=M;Flag=4;CP=&&&&`, 'CN=', 'CN'],
    [`QN=20160801085857223;ST=32;CN=2011;MN=M;Flag=4;CP=&&&&`, 'QN=', '缺少 PW'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;Flag=4;CP=&&&&`, 'QN=', '缺少 MN'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=;Flag=4;CP=&&&&`, 'MN=', 'MN 为空'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;Flag=256;CP=&&&&`, 'Flag=', 'Flag'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;Flag=x;CP=&&&&`, 'Flag=', 'Flag'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;Flag=6;CP=&&&&`, 'Flag=', 'PNUM/PNO'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;Flag=6;PNUM=2;CP=&&&&`, 'PNUM=', 'PNUM 与 PNO'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;Flag=6;PNUM=2;PNO=3;CP=&&&&`, 'PNUM=', 'PNO=3'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;MN=N;Flag=4;CP=&&&&`, 'MN=N', 'MN 重复'],
    [`QN=20160801085857223;ST=32;CN=2011;PW=1;MN=M;Flag4;CP=&&&&`, 'Flag4', 'Flag4'],
  ])('%s', (segment, field, named) => {
    const r = decodePacket(frame(segment));
    expect(r).toMatchObject({ ok: false, error: { code: 'header-field', offset: at(segment, field) } });
    if (!r.ok) expect(r.error.reason).toContain(named);
  });

  it('an empty MN is allowed only for HJ 212-2025 registration (CN 1001)', () => {
    expect(decoded(frame('QN=20260315103000123;ST=31;CN=1001;PW=123456;MN=;Flag=9;CP=&&i23005-Info=DAS01&&')).packet.mn).toBe('');
  });

  it('CP area errors carry the stream offset of the bad byte', () => {
    const segment = `${HEAD}CP=&&DataTime=20160801085800;w01018-Rtd=abc&&`;
    expect(decodePacket(frame(segment))).toMatchObject({ ok: false, error: { code: 'value', offset: 6 + segment.indexOf('abc') } });
    const noCp = `${HEAD}XP=&&&&`;
    expect(decodePacket(frame(noCp))).toMatchObject({ ok: false, error: { code: 'cp-syntax', offset: 6 } });
    const noEnd = `${HEAD}CP=&&DataTime=20160801085800&`;
    expect(decodePacket(frame(noEnd))).toMatchObject({ ok: false, error: { code: 'cp-syntax' } });
    const badTime = `${HEAD}CP=&&DataTime=20161301085800&&`;
    expect(decodePacket(frame(badTime))).toMatchObject({ ok: false, error: { code: 'datatime', offset: 6 + badTime.indexOf('20161301') } });
  });

  it('warns on unknown header fields, RF other than 1, PNUM without the split bit, and a Flag against the profile', () => {
    const r = decoded(frame('QN=20260315103000123;ST=31;CN=2011;PW=1;MN=M;Flag=9;XX=1;RF=2;PNUM=1;PNO=1;CP=&&&&'), { ...DEFAULT_PROFILE, edition: '2017' });
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['edition-mismatch', 'header-unknown', 'rf-value', 'split-flag']);
  });
});

describe('encode', () => {
  it('refuses a data segment over 1024 bytes (it must be split)', () => {
    const p = decoded(HJ212_2017_PACKETS.minuteAir).packet;
    const many = { ...p, cp: { ...p.cp, factors: Array.from({ length: 40 }, (_, i) => ({ code: `a${String(30000 + i)}`, avg: '12345.678', flag: 'N', other: {} })) } };
    expect(() => encodePacket(many)).toThrow(RangeError);
    expect(encodePacket(many, { maxDataLength: 4096 }).length).toBeGreaterThan(1024);
  });
});

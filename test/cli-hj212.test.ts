import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { A2_EXAMPLE_4, HJ212_2017_PACKETS as P17, HJ212_2025_PACKETS as P25 } from '../src/domain/hj212/worked-packets';

const root = path.resolve(import.meta.dirname, '..');
const ecer = (args: string[], input: string | Buffer) => spawnSync(process.execPath, ['bin/ecer.mjs', 'hj212', ...args], { cwd: root, input, encoding: 'utf8' });
const jsonLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

describe('ecer hj212', () => {
  it('decode: one JSON line per packet or rejection, in stream order, with stream offsets; exit 1 when any is rejected', () => {
    const stream = `junk${P17.appendixA}${P17.dataAnswer.replace('3240', '3241')}${P25.realtimeEncrypted}${P17.infoLog}`;
    const run = ecer(['decode', '--key', A2_EXAMPLE_4.key], stream);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.error ?? l.cn)).toEqual(['garbage', '1062', 'crc', '2011', '3020']);
    expect(lines[0]).toEqual({ error: 'garbage', reason: expect.stringContaining('4 字节'), offset: 0, length: 4 });
    expect(lines[1]).toMatchObject({ offset: 4, qn: '20160801085857223', flag: { raw: 5, version: 1, split: false, answer: true }, cp: { params: { RtdInterval: '30' } }, encrypted: false, warnings: [] });
    expect(lines[2]).toMatchObject({ error: 'crc', offset: 4 + P17.appendixA.length + P17.dataAnswer.length - 6 });
    expect(lines[3]).toMatchObject({ encrypted: true, cp: { dataTime: '20260315103000', factors: [{ code: 'a21026', rtd: '18.5', flag: 'N' }] } });
    expect(lines[4].cp.factors[0].info).toBe('//清洗管路//');
  });

  it('decode: exit 0 when all decode; --lenient takes a bare LF and says so; without the key an SM4 packet is refused', () => {
    const ok = ecer(['decode', '--lenient'], `${P17.hourAir}${P17.appendixA.replace('\r\n', '\n')}`);
    expect(ok.status).toBe(0);
    expect(jsonLines(ok.stdout).map((l) => l.warnings.map((w: { code: string }) => w.code))).toEqual([[], ['bare-lf']]);
    const noKey = ecer(['decode'], P25.realtimeEncrypted);
    expect(jsonLines(noKey.stdout)).toEqual([{ error: 'decrypt', reason: expect.stringContaining('密钥'), offset: P25.realtimeEncrypted.indexOf('{') }]);
  });

  it('encode: decode output (or a CP text) back to bytes, length and CRC computed, byte for byte; --encrypt-key gives the SM4 form', () => {
    const decoded = ecer(['decode'], `${P17.minuteAir}${P25.resentHour}${P17.infoLog}`);
    const encoded = ecer(['encode'], decoded.stdout);
    expect(encoded.stderr).toBe('');
    expect(encoded.stdout).toBe(`${P17.minuteAir}${P25.resentHour}${P17.infoLog}`);
    const fromText = { qn: '20260315103000123', st: '31', cn: '2011', pw: '123456', mn: '010000A8900016F000169DC0', flag: 9, cp: 'DataTime=20260315103000;a21026-Rtd=18.5,a21026-Flag=N' };
    expect(ecer(['encode', '--encrypt-key', A2_EXAMPLE_4.key], JSON.stringify(fromText)).stdout).toBe(P25.realtimeEncrypted);
  });

  it('encode: all or nothing; each bad object named on stderr, exit 2, nothing on stdout', () => {
    const good = { qn: '20260315103000123', st: '31', cn: '9015', pw: '1', mn: 'M', flag: 9, cp: '' };
    const run = ecer(['encode'], JSON.stringify([good, { ...good, qn: '123' }, { ...good, cp: 'a21026-Rtd=abc' }]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[1] header-field: QN“123”');
    expect(run.stderr).toContain('[2] cp');
    expect(run.stderr).toContain('a21026-Rtd');
    const badKey = ecer(['decode', '--key', 'short'], P25.heartbeat);
    expect(badKey.status).toBe(2);
    expect(badKey.stderr).toContain('--key');
  });
});

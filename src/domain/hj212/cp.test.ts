import { describe, expect, it } from 'vitest';
import { formatCp, parseCp } from './cp';
import { isSignedDecimal } from './values';

const parse = (text: string, map2005 = false) => parseCp(text, 100, { map2005 });

describe('CP grammar (§6.3.3 Table 4)', () => {
  it('splits on ; then , then the first =, grouping a factor\'s values', () => {
    const r = parse('DataTime=20220513162600;a21026-Min=15.2,a21026-Avg=18.3,a21026-Max=21.0,a21026-Cou=0.5,a21026-Flag=N;a19001-Avg=8.1,a19001-Flag=D');
    expect(r).toMatchObject({
      ok: true,
      cp: {
        dataTime: '20220513162600',
        factors: [
          { code: 'a21026', min: '15.2', avg: '18.3', max: '21.0', cou: '0.5', flag: 'N' },
          { code: 'a19001', avg: '8.1', flag: 'D' },
        ],
      },
    });
  });

  it('keeps every suffix: Zs*, EFlag, SampleTime, Info and unknown ones under other', () => {
    const r = parse('a34013-Rtd=7.1,a34013-ZsRtd=9.2,a34013-ZsMin=1,a34013-ZsAvg=2,a34013-ZsMax=3,a34013-EFlag=A1,a34013-SampleTime=20260101120000,a34013-RawAvg=7.1;SB1-RS=1;i12001-Info=2');
    expect(r.ok && r.cp.factors).toEqual([
      { code: 'a34013', rtd: '7.1', zsRtd: '9.2', zsMin: '1', zsAvg: '2', zsMax: '3', eflag: 'A1', sampleTime: '20260101120000', other: { RawAvg: '7.1' } },
      { code: 'SB1', other: { RS: '1' } },
      { code: 'i12001', info: '2', other: {} },
    ]);
  });

  it('names a suffix only by its exact characters: near misses, other cases and non-ASCII look-alikes go to other', () => {
    // '@' U+1274 'd' packs to the same 24 bits as 'Rtd' if char codes over 255 were packed 8 bits each
    const r = parse('a1-Rtx=1,a1-rtd=2,a1-@\u1274d=3,a1-Zsmax=4,a1-ZsR\u7464=5,a1-EFlax=A,a1-SampleTimx=6,a1-Rtd=7;b2-Zs-Rtd=8;b2-Min=9');
    expect(r.ok && r.cp.factors).toEqual([
      { code: 'a1', rtd: '7', other: { Rtx: '1', rtd: '2', '@\u1274d': '3', Zsmax: '4', 'ZsR\u7464': '5', EFlax: 'A', SampleTimx: '6' } },
      { code: 'b2-Zs', rtd: '8', other: {} },
      { code: 'b2', min: '9', other: {} },
    ]);
  });

  it('takes //…// text whole, separators inside included', () => {
    const r = parse('PolId=w01018;i11001-Info=//清洗;管路,a=b//;i11002-Info=//x//');
    expect(r.ok && r.cp.params).toEqual({ PolId: 'w01018' });
    expect(r.ok && r.cp.factors.map((f) => f.info)).toEqual(['//清洗;管路,a=b//', '//x//']);
  });

  it('ignores empty items (a trailing ; before &&, ;;)', () => {
    expect(parse('DataTime=20220513162600;;a21026-Rtd=1;').ok).toBe(true);
    expect(parse('').ok).toBe(true);
    expect(parse(';').ok).toBe(true);
  });

  it('accepts a 17-digit DataTime with a warning, truncated to seconds (hj212.md §7)', () => {
    const r = parse('DataTime=20220513162600123');
    expect(r).toMatchObject({ ok: true, cp: { dataTime: '20220513162600' }, warnings: [{ code: 'datatime-ms' }] });
  });

  it('keeps values as decimal strings, signs and all', () => {
    const r = parse('a01012-Rtd=-0.120;a01013-Rtd=+101.94;a01014-Rtd=.5');
    expect(r.ok && r.cp.factors.map((f) => f.rtd)).toEqual(['-0.120', '+101.94', '.5']);
  });

  it('allows non-numeric values only on text-type factors (ST 45 conditions p991xx)', () => {
    expect(parse('p99101-Rtd=St').ok).toBe(true);
    expect(parse('a21026-Rtd=St')).toMatchObject({ ok: false, error: { code: 'value', offset: 100 + 'a21026-Rtd='.length } });
  });

  it('maps 2005 factor codes when asked, and reports each mapping', () => {
    const r = parse('B01-Rtd=12.5;011-Rtd=30;060-Rtd=1.2;02-Rtd=5', true);
    expect(r.ok && r.cp.factors.map((f) => [f.code, f.code2005])).toEqual([
      ['w00000', 'B01'],
      ['w01018', '011'],
      ['w21003', '060'],
      ['a21026', '02'],
    ]);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['factor-2005', 'factor-2005', 'factor-2005', 'factor-2005']);
    expect(parse('011-Rtd=30').ok && parse('011-Rtd=30')).toMatchObject({ cp: { factors: [{ code: '011' }] } });
  });

  it.each([
    ['DataTime', 'cp-syntax', 0, '缺少“='],
    ['a21026-Rtd=1;junk', 'cp-syntax', 13, '缺少“='],
    ['=5', 'cp-syntax', 0, '缺少名称'],
    ['-Rtd=5', 'cp-syntax', 0, '因子编码-后缀'],
    ['a21026-=5', 'cp-syntax', 0, '因子编码-后缀'],
    ['a21026-Rtd=1,a21026-Rtd=2', 'cp-syntax', 13, '重复'],
    ['DataTime=20220513162600;DataTime=20220513162600', 'cp-syntax', 24, '重复'],
    ['i11001-Info=//unterminated', 'cp-syntax', 12, '结束'],
    ['i11001-Info=//x//y', 'cp-syntax', 17, '之后'],
    ['DataTime=2022051316260', 'datatime', 9, 'DataTime'],
    ['DataTime=20221313162600', 'datatime', 9, 'DataTime'],
    ['DataTime=20230229000000', 'datatime', 9, 'DataTime'],
    ['DataTime=20220513246000', 'datatime', 9, 'DataTime'],
    ['a21026-SampleTime=2022', 'datatime', 18, 'SampleTime'],
    ['BeginTime=x', 'datatime', 10, 'BeginTime'],
    ['a21026-Avg=1e5', 'value', 11, 'a21026-Avg'],
    ['a21026-Avg=', 'value', 11, 'a21026-Avg'],
    ['a21026-Avg=1.2.3', 'value', 11, 'a21026-Avg'],
    ['a21026-Flag=', 'value', 12, 'a21026-Flag'],
    ['a21026-Flag=N N', 'value', 12, 'a21026-Flag'],
    ['QnRtn=ok', 'value', 6, 'QnRtn'],
  ])('rejects %j as %s at offset +%i, naming the field', (text, code, at, named) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.offset).toBe(100 + at);
      expect(r.error.reason).toContain(named);
    }
  });

  it('counts error offsets in bytes past multi-byte text', () => {
    const r = parse('i11001-Info=//清洗//;a21026-Rtd=x');
    expect(r).toMatchObject({ ok: false, error: { code: 'value', offset: 100 + Buffer.byteLength('i11001-Info=//清洗//;a21026-Rtd=') } });
  });

  it('treats __proto__ as an ordinary name', () => {
    const r = parse('__proto__=1;x-__proto__=2');
    expect(r.ok && r.cp.params.__proto__).toBe('1');
    expect(r.ok && r.cp.factors[0]!.other.__proto__).toBe('2');
  });

  it('formats canonically: DataTime, plain names, then one item per factor', () => {
    const text = 'DataTime=20100301145000;PolId=w01018;i11001-Info=//清洗管路//';
    const r = parse(text);
    expect(r.ok && formatCp(r.cp)).toBe(text);
  });

  it('signed decimals', () => {
    for (const s of ['0', '-1', '+1', '1.', '.5', '-0.120', '123456789012.34']) expect(isSignedDecimal(s)).toBe(true);
    for (const s of ['', '-', '+', '.', '1e5', '1.2.3', ' 1', '1 ', 'NaN', '0x10', '--1']) expect(isSignedDecimal(s)).toBe(false);
  });
});

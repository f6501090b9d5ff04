import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv (RFC 4180, BOM for Excel)', () => {
  it('starts with a BOM, ends rows with CRLF and leaves plain fields bare', () => {
    expect(toCsv(['地区', '值'], [['章贡区', 1.5], ['南康区', null]])).toBe('\uFEFF地区,值\r\n章贡区,1.5\r\n南康区,\r\n');
  });
  it.each([
    ['a,b', '"a,b"'],
    ['说"好"', '"说""好"""'],
    ['两\n行', '"两\n行"'],
    ['=1+1', "'=1+1"],
    ['-x', "'-x"],
  ])('quotes %j as %j', (input, out) => {
    expect(toCsv(['h'], [[input]])).toBe(`\uFEFFh\r\n${out}\r\n`);
  });
  it('keeps negative numbers as numbers', () => {
    expect(toCsv(['h'], [[-0.5]])).toBe('\uFEFFh\r\n-0.5\r\n');
  });
});

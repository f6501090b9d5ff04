import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sniffEvidence } from './evidence';

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffEvidence', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['GIF', bytes('GIF89a\x01\x00'), 'image/gif'],
    ['WebP', bytes('RIFF\x00\x00\x00\x00WEBPVP8 '), 'image/webp'],
    ['legacy Office', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/x-ole-storage'],
  ])('recognises %s by content', (_n, b, type) => {
    expect(sniffEvidence(b)?.mediaType).toBe(type);
  });

  it('recognises a real .xlsx as a spreadsheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('指标').addRow(['I03', 8100]);
    const b = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(sniffEvidence(b)?.extension).toBe('xlsx');
  });

  it.each([
    ['a Windows program', bytes('MZ\x90\x00')],
    ['HTML', bytes('<!doctype html><script>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a plain ZIP', bytes([0x50, 0x4b, 0x03, 0x04], 'evil.exe')],
    ['nothing', bytes()],
  ])('refuses %s whatever it is named', (_n, b) => {
    expect(sniffEvidence(b)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { fileTypeLabel, formatFileSize } from './evidence';

describe('formatFileSize', () => {
  it('uses B, KB and MB', () => {
    expect(formatFileSize(14, 'zh-CN')).toBe('14 B');
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB');
    expect(formatFileSize(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(formatFileSize(1024 * 1024 * 1.25, 'zh-CN')).toBe('1.3 MB');
  });
});

describe('fileTypeLabel', () => {
  it('names known types and keeps unknown ones', () => {
    expect(fileTypeLabel('application/pdf')).toBe('PDF');
    expect(fileTypeLabel('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('Excel');
    expect(fileTypeLabel('text/plain')).toBe('text/plain');
  });
});

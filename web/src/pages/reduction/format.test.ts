import { describe, expect, it } from 'vitest';
import { clampYear, formatMonth, formatShare, formatTonnes, monthOf, progressPercent } from './format';

describe('reduction formatting', () => {
  it('shows tonnes with 2 decimals, grouped, never "-0.00"', () => {
    expect(formatTonnes(985.5, 'zh-CN')).toBe('985.50');
    expect(formatTonnes(13451, 'zh-CN')).toBe('13,451.00');
    expect(formatTonnes(-0.001, 'zh-CN')).toBe('0.00');
    expect(formatTonnes(-12.345, 'en')).toBe('-12.35');
    expect(formatTonnes(null, 'zh-CN')).toBe('—');
  });

  it('shows a share as a percentage with 2 decimals (reduction.md §7 example 15: 87.00 %)', () => {
    expect(formatShare(174 / 200)).toBe('87.00%');
    expect(formatShare(null)).toBe('—');
  });

  it('gives the progress bar a percent within 0–100', () => {
    expect(progressPercent(496.8, 13451)).toBe(3.7);
    expect(progressPercent(200, 100)).toBe(100);
    expect(progressPercent(5, 0)).toBe(0);
  });

  it('keeps the year within the 14th FYP and defaults the month to last month', () => {
    expect(clampYear(2023, new Date(2026, 10, 24))).toBe(2023);
    expect(clampYear(Number.NaN, new Date(2026, 10, 24))).toBe(2025);
    expect(clampYear(0, new Date(2022, 5, 1))).toBe(2022);
    expect(monthOf('2025-10', new Date(2026, 10, 24))).toBe('2025-10');
    expect(monthOf('2025-13', new Date(2026, 10, 24))).toBe('2026-10');
    expect(monthOf(null, new Date(2026, 0, 5))).toBe('2025-12');
    expect(formatMonth('2025-03', 'zh-CN')).toBe('2025 年 3 月');
  });
});

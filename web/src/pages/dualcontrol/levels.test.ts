import { describe, expect, it } from 'vitest';
import { FALLBACK_COLOURS, formatAmount, formatRate, fractionToPercent, isWarning, levelColour, levelColours, levelLabelKey, percentToFraction, warningSince } from './levels';

describe('level colours', () => {
  const colours = levelColours({ level1: '#f00', level2: '#ff0', level3: '#0f0', unrated: '#ccc' });
  it('takes the rule set\'s colours and greys anything not rated', () => {
    expect([1, 2, 3].map((l) => levelColour(l as 1 | 2 | 3, colours))).toEqual(['#f00', '#ff0', '#0f0']);
    expect(levelColour(null, colours)).toBe('#ccc');
    expect(levelColour(undefined, colours)).toBe('#ccc');
  });
  it('never paints a region green for want of a colour', () => {
    expect(levelColours(null)).toEqual(FALLBACK_COLOURS);
    expect(levelColours({ level3: '#0f0' })).toEqual({ ...FALLBACK_COLOURS, level3: '#0f0' });
    expect(levelColour(null, levelColours({}))).not.toBe(FALLBACK_COLOURS.level3);
  });
  it('names each level', () => {
    expect([1, 2, 3, null].map((l) => levelLabelKey(l as 1 | null))).toEqual(['energy.level.1', 'energy.level.2', 'energy.level.3', 'energy.level.unrated']);
    expect([1, 2, 3, null].map((l) => isWarning(l as 1 | null))).toEqual([true, true, false, false]);
  });
});

describe('percent and fraction', () => {
  it('converts both ways without float noise', () => {
    expect(percentToFraction(8)).toBe(0.08);
    expect(percentToFraction(7)).toBe(0.07);
    expect(percentToFraction(12.5)).toBe(0.125);
    expect(percentToFraction(-3.3)).toBe(-0.033);
    expect(fractionToPercent(0.07)).toBe(7);
    expect(fractionToPercent(0.125)).toBe(12.5);
    expect(fractionToPercent(0.029)).toBe(2.9);
  });
  it('keeps empty empty', () => {
    expect(percentToFraction(null)).toBeNull();
    expect(percentToFraction(undefined)).toBeNull();
    expect(fractionToPercent(null)).toBeNull();
    expect(percentToFraction(Number.NaN)).toBeNull();
  });
  it('formats rates and amounts for reading', () => {
    expect(formatRate(0.037037)).toBe('3.70%');
    expect(formatRate(-0.0198, 1)).toBe('-2.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatAmount(420.615582)).toBe('420.62');
    expect(formatAmount(1000)).toBe('1,000');
    expect(formatAmount(null)).toBe('—');
  });
});

describe('warningSince', () => {
  const row = (year: number, overall: 1 | 2 | 3 | null) => ({ year, level: { overall } });
  it('finds the first year of the run of warnings ending in the year', () => {
    const rows = [row(2021, 2), row(2022, 3), row(2023, 2), row(2024, 1)];
    expect(warningSince(rows, 2024)).toBe(2023);
    expect(warningSince(rows, 2023)).toBe(2023);
    expect(warningSince(rows, 2021)).toBe(2021);
  });
  it('is null when the year is green or not rated, and a gap breaks the run', () => {
    expect(warningSince([row(2021, 2), row(2022, 3)], 2022)).toBeNull();
    expect(warningSince([row(2021, 2), row(2022, null)], 2022)).toBeNull();
    expect(warningSince([row(2021, 2)], 2023)).toBeNull();
    expect(warningSince([row(2020, 1), row(2022, 2)], 2022)).toBe(2022);
  });
});

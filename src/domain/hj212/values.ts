/** Value checks of the CP area (HJ 212-2017 §6.3.3, Table 4; hj212.md §4): times, decimals, integers, flags. */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the first 14 digits are a real time (month, day of that month and year, hh < 24, mm and ss < 60). */
export function isCalendarTime(digits: string): boolean {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const hour = Number(digits.slice(8, 10));
  const minute = Number(digits.slice(10, 12));
  const second = Number(digits.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && !isLeap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

/** isCalendarTime for a string known to start with 14 digits, by arithmetic on the character codes (no slices). */
export function isCalendarDigits(digits: string): boolean {
  const year = twoDigits(digits, 0) * 100 + twoDigits(digits, 2);
  const month = twoDigits(digits, 4);
  const day = twoDigits(digits, 6);
  if (month < 1 || month > 12 || day < 1 || twoDigits(digits, 8) > 23 || twoDigits(digits, 10) > 59 || twoDigits(digits, 12) > 59) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && !isLeap ? 28 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * The number of the two digits at k. A top-level function, not a closure: tsx (esbuild's keepNames) wraps every
 * closure it creates in a naming call, which on this hot path cost more than the arithmetic.
 */
function twoDigits(digits: string, k: number): number {
  return (digits.charCodeAt(k) - 0x30) * 10 + digits.charCodeAt(k + 1) - 0x30;
}

/** Signed decimal as HJ 212 writes it (N14.2 style: `-0.12`, `101.94`, `.5`, `3.`); no exponent, no spaces. */
export function isSignedDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 0x2d || c === 0x2b) c = s.charCodeAt(++i);
  let digits = 0;
  let dot = false;
  for (; i < n; c = s.charCodeAt(++i)) {
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

export function isUnsignedInteger(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A data flag: N, Td, 2005's P, air stations' 0–3, and any unknown short code kept verbatim (hj212-2025.md §5). */
export function isFlag(s: string): boolean {
  return s.length > 0 && s.length <= 4 && isAlphanumeric(s);
}

/** Only ASCII letters and digits (a flag, a 2-character ST code). */
export function isAlphanumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

/** Quotes at most 40 characters of outside text in a reason. */
export const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

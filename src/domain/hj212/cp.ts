import { FACTOR_2005_TO_2017, isTextFactor } from './codes';
import type { Cp, FactorValues, Rejection, Warning } from './model';

/**
 * The CP data area grammar (HJ 212-2017 §6.3.3, Table 4): items split on `;`, values of one item on `,`, a name
 * from its value at the first `=`. Nothing is escaped; only a log between `//` and `//` (`i11001-Info=//…//`) is
 * taken whole. Names are case-sensitive. Values stay decimal strings (never floats). This is the hot path of
 * decoding, so it scans character codes once instead of splitting or running a regex per field.
 */

export type CpOptions = {
  /** Map HJ/T 212-2005 factor codes (B01, 011, 060 …) to 2017 ones; only for 2005 packets, where they cannot clash. */
  map2005: boolean;
};

export type CpParse = { ok: true; cp: Cp; warnings: Warning[] } | { ok: false; error: Rejection };

const SEMI = 0x3b;
const COMMA = 0x2c;
const EQ = 0x3d;
const SLASH = 0x2f;

/** Plain names holding a YYYYMMDDhhmmss time (Table 4 / Appendix C). SKCreateTime carries milliseconds by design. */
const TIME_PARAMS = new Set(['SystemTime', 'BeginTime', 'EndTime', 'RestartTime']);
/** Plain names holding an unsigned integer (Tables 6, 7; CN 1000, 1062, 1064). */
const INTEGER_PARAMS = new Set(['QnRtn', 'ExeRtn', 'RtdInterval', 'MinInterval', 'OverTime', 'ReCount']);

type NumericSuffixKey = 'rtd' | 'min' | 'avg' | 'max' | 'cou' | 'zsRtd' | 'zsMin' | 'zsAvg' | 'zsMax';
/** Suffixes whose values are signed decimals (hj212.md §4), by the property they fill. */
const NUMERIC_SUFFIXES: ReadonlyMap<string, NumericSuffixKey> = new Map([
  ['Rtd', 'rtd'], ['Min', 'min'], ['Avg', 'avg'], ['Max', 'max'], ['Cou', 'cou'], ['ZsRtd', 'zsRtd'], ['ZsMin', 'zsMin'], ['ZsAvg', 'zsAvg'], ['ZsMax', 'zsMax'],
]);

/** Parses a CP area's text; `baseOffset` is the byte offset of its first character in the frame, for error offsets. */
export function parseCp(text: string, baseOffset: number, options: CpOptions): CpParse {
  const cp: Cp = { dataTime: null, params: emptyRecord(), factors: [] };
  const warnings: Warning[] = [];
  const byCode = new Map<string, FactorValues>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    const nameStart = i;
    let c = text.charCodeAt(i);
    while (i < n && c !== EQ && c !== SEMI && c !== COMMA) c = text.charCodeAt(++i);
    if (i === n || c !== EQ) {
      // an empty item (`;;`, a trailing `;` before `&&`) is ignored (hj212.md §7); anything else lacks its `=`
      if (i === nameStart) {
        i++;
        continue;
      }
      return fail(text, baseOffset, nameStart, 'cp-syntax', `CP 数据区“${clip(text.slice(nameStart, i))}”缺少“=”`);
    }
    const name = text.slice(nameStart, i);
    if (name.length === 0) return fail(text, baseOffset, nameStart, 'cp-syntax', 'CP 数据区有一项缺少名称（“=”前为空）');
    const valueStart = ++i;
    let value: string;
    if (text.charCodeAt(i) === SLASH && text.charCodeAt(i + 1) === SLASH) {
      // `//…//` is taken whole, `;` `,` `=` inside included (§6.3.3)
      const close = text.indexOf('//', i + 2);
      if (close < 0) return fail(text, baseOffset, valueStart, 'cp-syntax', `${name} 的 //…// 文本没有结束的“//”`);
      i = close + 2;
      value = text.slice(valueStart, i);
      if (i < n && (c = text.charCodeAt(i)) !== SEMI && c !== COMMA) {
        return fail(text, baseOffset, i, 'cp-syntax', `${name} 的 //…// 文本之后应为“;”或“,”`);
      }
    } else {
      c = text.charCodeAt(i);
      while (i < n && c !== SEMI && c !== COMMA) c = text.charCodeAt(++i);
      value = text.slice(valueStart, i);
    }
    const problem = addPair(cp, byCode, name, value, options, warnings);
    if (problem) return fail(text, baseOffset, problem.at === 'name' ? nameStart : valueStart, problem.code, problem.reason);
    i++; // past the separator (or the end)
  }
  return { ok: true, cp, warnings };
}

type PairProblem = { code: 'cp-syntax' | 'datatime' | 'value'; reason: string; at: 'name' | 'value' };

/** Files one `name=value` pair into the CP; returns what is wrong with it, if anything. */
function addPair(cp: Cp, byCode: Map<string, FactorValues>, name: string, value: string, options: CpOptions, warnings: Warning[]): PairProblem | null {
  const dash = name.lastIndexOf('-');
  if (dash < 0) return addParam(cp, name, value, warnings);
  if (dash === 0 || dash === name.length - 1) return { code: 'cp-syntax', reason: `CP 数据区名称“${clip(name)}”应为“因子编码-后缀”`, at: 'name' };
  let code = name.slice(0, dash);
  const suffix = name.slice(dash + 1);
  let factor = byCode.get(code);
  if (!factor) {
    const mapped = options.map2005 ? FACTOR_2005_TO_2017.get(code) : undefined;
    if (mapped) {
      factor = byCode.get(mapped);
      if (!factor) {
        warnings.push({ code: 'factor-2005', message: `HJ/T 212-2005 因子编码 ${code} 按 HJ 212-2017 附录B 记为 ${mapped}` });
        factor = newFactor(mapped, code);
        byCode.set(mapped, factor);
        cp.factors.push(factor);
      }
      byCode.set(code, factor);
      code = mapped;
    } else {
      factor = newFactor(code, undefined);
      byCode.set(code, factor);
      cp.factors.push(factor);
    }
  }
  const key = NUMERIC_SUFFIXES.get(suffix);
  if (key !== undefined) {
    if (factor[key] !== undefined) return duplicate(name);
    if (!isSignedDecimal(value) && !isTextFactor(code)) return { code: 'value', reason: `${name} 的值“${clip(value)}”不是数值`, at: 'value' };
    factor[key] = value;
    return null;
  }
  switch (suffix) {
    case 'Flag':
      if (factor.flag !== undefined) return duplicate(name);
      if (!isFlag(value)) return { code: 'value', reason: `${name} 的数据标记“${clip(value)}”应为 1–4 位字母或数字`, at: 'value' };
      factor.flag = value;
      return null;
    case 'EFlag':
      if (factor.eflag !== undefined) return duplicate(name);
      factor.eflag = value;
      return null;
    case 'SampleTime': {
      if (factor.sampleTime !== undefined) return duplicate(name);
      const t = readTime(name, value, warnings);
      if (t === null) return { code: 'datatime', reason: `${name}“${clip(value)}”应为 14 位 YYYYMMDDhhmmss 的有效时间`, at: 'value' };
      factor.sampleTime = t;
      return null;
    }
    case 'Info':
      if (factor.info !== undefined) return duplicate(name);
      factor.info = value;
      return null;
    default:
      if (Object.hasOwn(factor.other, suffix)) return duplicate(name);
      factor.other[suffix] = value;
      return null;
  }
}

function addParam(cp: Cp, name: string, value: string, warnings: Warning[]): PairProblem | null {
  if (name === 'DataTime') {
    if (cp.dataTime !== null) return duplicate(name);
    const t = readTime(name, value, warnings);
    if (t === null) return { code: 'datatime', reason: `DataTime“${clip(value)}”应为 14 位 YYYYMMDDhhmmss 的有效时间`, at: 'value' };
    cp.dataTime = t;
    return null;
  }
  if (Object.hasOwn(cp.params, name)) return duplicate(name);
  if (TIME_PARAMS.has(name)) {
    const t = readTime(name, value, warnings);
    if (t === null) return { code: 'datatime', reason: `${name}“${clip(value)}”应为 14 位 YYYYMMDDhhmmss 的有效时间`, at: 'value' };
    cp.params[name] = t;
    return null;
  }
  if (INTEGER_PARAMS.has(name) && !isUnsignedInteger(value)) return { code: 'value', reason: `${name} 的值“${clip(value)}”应为整数`, at: 'value' };
  cp.params[name] = value;
  return null;
}

/** Every property present from the start: one object shape for all factors, and JSON in the table's order. */
function newFactor(code: string, code2005: string | undefined): FactorValues {
  return {
    code, code2005, rtd: undefined, min: undefined, avg: undefined, max: undefined, cou: undefined, zsRtd: undefined, zsMin: undefined,
    zsAvg: undefined, zsMax: undefined, flag: undefined, eflag: undefined, sampleTime: undefined, info: undefined, other: emptyRecord(),
  };
}

/** A record without a prototype, so a station's `__proto__=…` is a name like any other. */
export const emptyRecord = (): Record<string, string> => Object.create(null) as Record<string, string>; // Object.create returns any

const duplicate = (name: string): PairProblem => ({ code: 'cp-syntax', reason: `CP 数据区重复出现 ${clip(name)}`, at: 'name' });

/**
 * A time field: 14 digits YYYYMMDDhhmmss forming a real calendar time; 17 digits (milliseconds, hj212.md §7) are
 * accepted, truncated to seconds, with a warning. Returns the 14-digit time or null.
 */
function readTime(name: string, value: string, warnings: Warning[]): string | null {
  if (value.length === 17 && isUnsignedInteger(value) && isCalendarTime(value)) {
    warnings.push({ code: 'datatime-ms', message: `${name}“${value}”带毫秒，已截为 ${value.slice(0, 14)}` });
    return value.slice(0, 14);
  }
  return value.length === 14 && isUnsignedInteger(value) && isCalendarTime(value) ? value : null;
}

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
function isFlag(s: string): boolean {
  if (s.length === 0 || s.length > 4) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
}

/** Quotes at most 40 characters of outside text in a reason. */
export const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

function fail(text: string, baseOffset: number, charIndex: number, code: PairProblem['code'], reason: string): CpParse {
  // offsets are bytes: count the UTF-8 bytes before the character (only Info text is ever non-ASCII)
  return { ok: false, error: { code, reason, offset: baseOffset + Buffer.byteLength(text.slice(0, charIndex), 'utf8') } };
}

/** Serialises a CP area canonically: DataTime, the plain names in order, then one `;` item per factor. */
export function formatCp(cp: Cp): string {
  const items: string[] = [];
  if (cp.dataTime !== null) items.push(`DataTime=${cp.dataTime}`);
  for (const name of Object.keys(cp.params)) items.push(`${name}=${cp.params[name]}`);
  for (const f of cp.factors) {
    const pairs: string[] = [];
    const c = f.code;
    if (f.rtd !== undefined) pairs.push(`${c}-Rtd=${f.rtd}`);
    if (f.min !== undefined) pairs.push(`${c}-Min=${f.min}`);
    if (f.avg !== undefined) pairs.push(`${c}-Avg=${f.avg}`);
    if (f.max !== undefined) pairs.push(`${c}-Max=${f.max}`);
    if (f.cou !== undefined) pairs.push(`${c}-Cou=${f.cou}`);
    if (f.zsRtd !== undefined) pairs.push(`${c}-ZsRtd=${f.zsRtd}`);
    if (f.zsMin !== undefined) pairs.push(`${c}-ZsMin=${f.zsMin}`);
    if (f.zsAvg !== undefined) pairs.push(`${c}-ZsAvg=${f.zsAvg}`);
    if (f.zsMax !== undefined) pairs.push(`${c}-ZsMax=${f.zsMax}`);
    if (f.flag !== undefined) pairs.push(`${c}-Flag=${f.flag}`);
    if (f.eflag !== undefined) pairs.push(`${c}-EFlag=${f.eflag}`);
    if (f.sampleTime !== undefined) pairs.push(`${c}-SampleTime=${f.sampleTime}`);
    if (f.info !== undefined) pairs.push(`${c}-Info=${f.info}`);
    for (const suffix of Object.keys(f.other)) pairs.push(`${c}-${suffix}=${f.other[suffix]}`);
    if (pairs.length > 0) items.push(pairs.join(','));
  }
  return items.join(';');
}

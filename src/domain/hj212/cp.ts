import { FACTOR_2005_TO_2017, isTextFactor } from './codes';
import type { Cp, FactorValues, Rejection, Warning } from './model';
import { clip, isCalendarDigits, isFlag, isSignedDecimal, isUnsignedInteger } from './values';

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
type CpParseIn = { ok: true; cp: Cp } | { ok: false; error: Rejection };

const SEMI = 0x3b;
const COMMA = 0x2c;
const SLASH = 0x2f;
const DASH = 0x2d;
const EQUALS = 0x3d;

/** Plain names holding a YYYYMMDDhhmmss time (Table 4 / Appendix C). SKCreateTime carries milliseconds by design. */
const TIME_PARAMS = new Set(['SystemTime', 'BeginTime', 'EndTime', 'RestartTime']);
/** Plain names holding an unsigned integer (Tables 6, 7; CN 1000, 1062, 1064). */
const INTEGER_PARAMS = new Set(['QnRtn', 'ExeRtn', 'RtdInterval', 'MinInterval', 'OverTime', 'ReCount']);

/** Parses a CP area's text; `baseOffset` is the byte offset of its first character in the frame, for error offsets. */
export function parseCp(text: string, baseOffset: number, options: CpOptions): CpParse {
  const warnings: Warning[] = [];
  const r = parseCpIn(text, charCodes(text), 0, 0, text.length, baseOffset, options, warnings);
  return r.ok ? { ok: true, cp: r.cp, warnings } : r;
}

/** A string's character codes, to scan as numbers (see parseCpIn). */
export function charCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) codes[k] = text.charCodeAt(k);
  return codes;
}

/** Character codes to scan: the frame's own bytes when the text is ASCII, else charCodes(text). */
export type Codes = Uint8Array | Uint16Array;

/**
 * Parses the CP area text[start, end) in place: the decoder passes the whole data segment and, for ASCII, the frame's
 * bytes as `codes`, with codes[d + k] = text.charCodeAt(k): the scans read a typed array (a load each) rather than
 * String#charCodeAt (a string-representation dispatch each), and only the values are sliced out of `text`.
 * `baseOffset` is text[start]'s. Warnings are appended to the caller's `warnings`.
 * One character loop per pair finds the `=`, the name's last `-` and the separator, and checks the value is a
 * signed decimal on the way (hj212.md §4), so no value is scanned twice.
 */
export function parseCpIn(text: string, codes: Codes, d: number, start: number, end: number, baseOffset: number, options: Readonly<CpOptions>, warnings: Warning[]): CpParseIn {
  const cp: Cp = { dataTime: null, params: {}, factors: [] };
  let current: FactorValues | null = null;
  // where the code `current` was looked up under sits in text: the next pair's code is compared with it in place
  let currentAt = 0;
  let currentLength = -1;
  let i = start;
  while (i < end) {
    const nameStart = i;
    let c = codes[d + i]!;
    if (c === SEMI || c === COMMA) {
      i++; // an empty item (`;;`, a trailing `;` before `&&`) is ignored (hj212.md §7)
      continue;
    }
    // the name: up to the first `=`, remembering its last `-` (where the factor code ends)
    let dash = -1;
    let eq = i;
    // a factor's values normally sit together (`a21026-Min=…,a21026-Avg=…`): when the name starts with the last
    // pair's code and a `-`, that part is compared rather than scanned (it holds no `=`, `;` or `,`)
    let sameCode = false;
    if (currentLength > 0 && nameStart + currentLength < end && codes[d + nameStart + currentLength] === DASH && isSameText(codes, d + nameStart, d + currentAt, currentLength)) {
      dash = nameStart + currentLength;
      eq = dash + 1;
      sameCode = true;
    }
    // then the usual suffixes (Rtd, Flag, ZsAvg…) are 3–5 letters: their `=` is looked for where it must be, and a
    // suffix that is one of them holds no separator, so the name needs no scan
    let suffix = Suffix.Other;
    if (sameCode) {
      const s = d + eq;
      const length = codes[s + 3] === EQUALS ? 3 : codes[s + 4] === EQUALS ? 4 : codes[s + 5] === EQUALS ? 5 : 0;
      if (length > 0 && eq + length < end) {
        suffix = suffixAt(codes, s, s + length);
        if (suffix !== Suffix.Other) {
          eq += length;
          c = EQUALS;
        }
      }
    }
    if (suffix === Suffix.Other) for (; eq < end; eq++) {
      c = codes[d + eq]!;
      if (c === EQUALS || c === SEMI || c === COMMA) break;
      if (c === DASH) {
        dash = eq;
        sameCode = false; // a longer code (`SB-1-RS`)
      }
    }
    if (eq >= end || c !== EQUALS) return fail(text, start, baseOffset, nameStart, 'cp-syntax', `CP 数据区“${clip(text.slice(nameStart, eq))}”缺少“=”`);
    if (eq === nameStart) return fail(text, start, baseOffset, nameStart, 'cp-syntax', 'CP 数据区有一项缺少名称（“=”前为空）');
    const valueStart = eq + 1;
    let value: string;
    let decimal = false;
    if (valueStart + 1 < end && codes[d + valueStart] === SLASH && codes[d + valueStart + 1] === SLASH) {
      // `//…//` is taken whole, `;` `,` `=` inside included (§6.3.3)
      const close = text.indexOf('//', valueStart + 2);
      if (close < 0 || close + 2 > end) return fail(text, start, baseOffset, valueStart, 'cp-syntax', `${text.slice(nameStart, eq)} 的 //…// 文本没有结束的“//”`);
      i = close + 2;
      value = text.slice(valueStart, i);
      if (i < end && (c = codes[d + i]!) !== SEMI && c !== COMMA) return fail(text, start, baseOffset, i, 'cp-syntax', `${text.slice(nameStart, eq)} 的 //…// 文本之后应为“;”或“,”`);
    } else {
      // the value, to the next `;` or `,`, checked as a signed decimal (isSignedDecimal) while it is scanned
      i = valueStart;
      c = i < end ? codes[d + i]! : 0;
      if (c === 0x2d || c === 0x2b) i++;
      let digits = 0;
      let dot = false;
      for (; i < end; i++) {
        c = codes[d + i]!;
        if (c >= 0x30 && c <= 0x39) digits++;
        else if (c === 0x2e && !dot) dot = true;
        else break;
      }
      if (i < end && c !== SEMI && c !== COMMA) {
        digits = 0; // not a decimal: on to the separator
        for (i++; i < end; i++) {
          c = codes[d + i]!;
          if (c === SEMI || c === COMMA) break;
        }
      }
      decimal = digits > 0;
      value = text.slice(valueStart, i);
    }
    let problem: PairProblem | null;
    if (dash < 0) problem = addParam(cp, text.slice(nameStart, eq), value, warnings);
    else if (dash === nameStart || dash === eq - 1) problem = { code: 'cp-syntax', reason: `CP 数据区名称“${clip(text.slice(nameStart, eq))}”应为“因子编码-后缀”`, at: 'name' };
    else {
      // the same code as the last pair's: the same factor (factorFor would give it again, and no new warning)
      if (!sameCode || current === null) {
        current = options.map2005 ? factorFor(cp, text.slice(nameStart, dash), options, warnings) : factorIn(cp, text, codes, d, nameStart, dash);
        currentAt = nameStart;
        currentLength = dash - nameStart;
      }
      problem = setSuffix(current, suffix !== Suffix.Other ? suffix : suffixAt(codes, d + dash + 1, d + eq), text, dash + 1, eq, value, decimal, warnings);
      if (problem !== null) problem.reason = `${text.slice(nameStart, eq)} ${problem.reason}`;
    }
    if (problem) return fail(text, start, baseOffset, problem.at === 'name' ? nameStart : valueStart, problem.code, problem.reason);
    i++; // past the separator (or the end)
  }
  return { ok: true, cp };
}

type PairProblem = { code: 'cp-syntax' | 'datatime' | 'value'; reason: string; at: 'name' | 'value' };

/** Whether codes[a, a + length) and codes[b, b + length) are the same characters. */
function isSameText(codes: Codes, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/**
 * isSameText from the last character: factor codes of one packet share their first characters (a21026, a21002,
 * a01011, a01012) and differ at the end, so a new code is told apart from each earlier one in about one comparison.
 */
function isSameTextBackward(codes: Codes, a: number, b: number, length: number): boolean {
  for (let k = length - 1; k >= 0; k--) if (codes[a + k] !== codes[b + k]) return false;
  return true;
}

/**
 * Where each factor's code sits in the codes being parsed (factor k of the CP area being parsed, not mapping 2005
 * codes, so each code is its text): new codes are compared there rather than as strings. parseCpIn is synchronous
 * and never re-entered, so one scratch pair serves every parse; it grows for a CP area with more factors.
 */
let factorAt = new Int32Array(64);
let factorLength = new Int32Array(64);

/** factorFor without 2005 mapping, the code being text[start, end) = codes[d + start, d + end). */
function factorIn(cp: Cp, text: string, codes: Codes, d: number, start: number, end: number): FactorValues {
  const length = end - start;
  const n = cp.factors.length;
  for (let k = 0; k < n; k++) if (factorLength[k] === length && isSameTextBackward(codes, factorAt[k]!, d + start, length)) return cp.factors[k]!;
  if (n === factorAt.length) {
    const at = new Int32Array(2 * n);
    const lengths = new Int32Array(2 * n);
    at.set(factorAt);
    lengths.set(factorLength);
    factorAt = at;
    factorLength = lengths;
  }
  factorAt[n] = d + start;
  factorLength[n] = length;
  const factor = newFactor(text.slice(start, end), undefined);
  cp.factors.push(factor);
  return factor;
}

/** The factor with this code, added (and mapped from its 2005 code when asked) if it is new. */
function factorFor(cp: Cp, code: string, options: CpOptions, warnings: Warning[]): FactorValues {
  for (const f of cp.factors) if (f.code === code || f.code2005 === code) return f;
  const mapped = options.map2005 ? FACTOR_2005_TO_2017.get(code) : undefined;
  if (mapped !== undefined) {
    for (const f of cp.factors) if (f.code === mapped) return f;
    warnings.push({ code: 'factor-2005', message: `HJ/T 212-2005 因子编码 ${code} 按 HJ 212-2017 附录B 记为 ${mapped}` });
  }
  const factor = mapped === undefined ? newFactor(code, undefined) : newFactor(mapped, code);
  cp.factors.push(factor);
  return factor;
}

/** Numeric suffixes hold signed decimals, except on text-type factors (hj212-2025.md §10.7). */
const isNumeric = (f: FactorValues, decimal: boolean) => decimal || isTextFactor(f.code);

const DUPLICATE: PairProblem = { code: 'cp-syntax', reason: '重复出现', at: 'name' };
const NOT_A_NUMBER: PairProblem = { code: 'value', reason: '的值不是数值', at: 'value' };

/** The suffixes with a property of their own (hj212.md §4); anything else goes to `other`. */
const enum Suffix { Other, Rtd, Min, Avg, Max, Cou, ZsRtd, ZsMin, ZsAvg, ZsMax, Flag, EFlag, Info, SampleTime }

/** Three characters as one number, for a switch over constants. */
const tri = (a: string): number => (a.charCodeAt(0) << 16) | (a.charCodeAt(1) << 8) | a.charCodeAt(2);
const RTD = tri('Rtd'), MIN = tri('Min'), AVG = tri('Avg'), MAX = tri('Max'), COU = tri('Cou');
const FLA = tri('Fla'), INF = tri('Inf'), EFL = tri('EFl'), ZSR = tri('ZsR'), ZSM = tri('ZsM'), ZSA = tri('ZsA');

/** Which suffix codes[start, end) is, without slicing it: its length and characters compared with constants. */
function suffixAt(codes: Codes, start: number, end: number): Suffix {
  const length = end - start;
  if (length < 3) return Suffix.Other;
  const c0 = codes[start]!;
  const c1 = codes[start + 1]!;
  const c2 = codes[start + 2]!;
  // packed 8 bits a character, so only ASCII may be packed (a char code over 255 would spill into its neighbour)
  if ((c0 | c1 | c2) > 0x7f) return Suffix.Other;
  const head = (c0 << 16) | (c1 << 8) | c2;
  switch (length) {
    case 3:
      return head === RTD ? Suffix.Rtd : head === AVG ? Suffix.Avg : head === MIN ? Suffix.Min : head === MAX ? Suffix.Max : head === COU ? Suffix.Cou : Suffix.Other;
    case 4: {
      const c3 = codes[start + 3];
      if (head === FLA) return c3 === 0x67 ? Suffix.Flag : Suffix.Other; // g
      return head === INF && c3 === 0x6f ? Suffix.Info : Suffix.Other; // o
    }
    case 5: {
      const c3 = codes[start + 3]!;
      const c4 = codes[start + 4]!;
      if ((c3 | c4) > 0x7f) return Suffix.Other;
      const tail = (c3 << 8) | c4;
      if (head === EFL) return tail === 0x6167 ? Suffix.EFlag : Suffix.Other; // ag
      if (head === ZSR) return tail === 0x7464 ? Suffix.ZsRtd : Suffix.Other; // td
      if (head === ZSA) return tail === 0x7667 ? Suffix.ZsAvg : Suffix.Other; // vg
      if (head === ZSM) return tail === 0x696e ? Suffix.ZsMin : tail === 0x6178 ? Suffix.ZsMax : Suffix.Other; // in, ax
      return Suffix.Other;
    }
    case 10:
      return isWordAt(codes, start, 'SampleTime') ? Suffix.SampleTime : Suffix.Other;
    default:
      return Suffix.Other;
  }
}

/** Whether `word` is at codes[start…]. */
function isWordAt(codes: Codes, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (codes[start + k] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Files one factor value by its suffix (hj212.md §4). Plain property writes, one per suffix, keep this hot path
 * monomorphic. The caller puts the pair's name in front of the reason.
 */
function setSuffix(f: FactorValues, suffix: Suffix, text: string, start: number, end: number, value: string, decimal: boolean, warnings: Warning[]): PairProblem | null {
  switch (suffix) {
    case Suffix.Rtd: if (f.rtd !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.rtd = value; return null;
    case Suffix.Min: if (f.min !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.min = value; return null;
    case Suffix.Avg: if (f.avg !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.avg = value; return null;
    case Suffix.Max: if (f.max !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.max = value; return null;
    case Suffix.Cou: if (f.cou !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.cou = value; return null;
    case Suffix.ZsRtd: if (f.zsRtd !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.zsRtd = value; return null;
    case Suffix.ZsMin: if (f.zsMin !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.zsMin = value; return null;
    case Suffix.ZsAvg: if (f.zsAvg !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.zsAvg = value; return null;
    case Suffix.ZsMax: if (f.zsMax !== undefined) return { ...DUPLICATE }; if (!isNumeric(f, decimal)) return { ...NOT_A_NUMBER }; f.zsMax = value; return null;
    case Suffix.Flag:
      if (f.flag !== undefined) return { ...DUPLICATE };
      if (!isFlag(value)) return { code: 'value', reason: `的数据标记“${clip(value)}”应为 1–4 位字母或数字`, at: 'value' };
      f.flag = value;
      return null;
    case Suffix.EFlag: if (f.eflag !== undefined) return { ...DUPLICATE }; f.eflag = value; return null;
    case Suffix.Info: if (f.info !== undefined) return { ...DUPLICATE }; f.info = value; return null;
    case Suffix.SampleTime: {
      if (f.sampleTime !== undefined) return { ...DUPLICATE };
      const t = readTime('SampleTime', value, warnings);
      if (t === null) return { code: 'datatime', reason: `“${clip(value)}”应为 14 位 YYYYMMDDhhmmss 的有效时间`, at: 'value' };
      f.sampleTime = t;
      return null;
    }
    default: {
      const other = text.slice(start, end);
      if (f.other === NO_OTHER) f.other = {};
      else if (Object.hasOwn(f.other, other)) return { ...DUPLICATE };
      setOwn(f.other, other, value);
      return null;
    }
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
  setOwn(cp.params, name, value);
  return null;
}

/** A factor's `other` until it has one: most factors have none, and an object each was a tenth of the garbage. */
const NO_OTHER: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Every property present from the start: one object shape for all factors, and JSON in the table's order. */
function newFactor(code: string, code2005: string | undefined): FactorValues {
  return {
    code, code2005, rtd: undefined, min: undefined, avg: undefined, max: undefined, cou: undefined, zsRtd: undefined, zsMin: undefined,
    zsAvg: undefined, zsMax: undefined, flag: undefined, eflag: undefined, sampleTime: undefined, info: undefined, other: NO_OTHER,
  };
}

/**
 * Stores a station-supplied name as an own property, `__proto__` included (a plain assignment would set the
 * prototype). Plain objects rather than Object.create(null): those are several times slower to create, per factor.
 */
export function setOwn(record: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}

/** A record without a prototype, so a station's `__proto__=…` is a name like any other. */
export const emptyRecord = (): Record<string, string> => Object.create(null) as Record<string, string>; // Object.create returns any

const duplicate = (name: string): PairProblem => ({ code: 'cp-syntax', reason: `CP 数据区重复出现 ${clip(name)}`, at: 'name' });

/**
 * A time field: 14 digits YYYYMMDDhhmmss forming a real calendar time; 17 digits (milliseconds, hj212.md §7) are
 * accepted, truncated to seconds, with a warning. Returns the 14-digit time or null.
 */
function readTime(name: string, value: string, warnings: Warning[]): string | null {
  if (value.length === 17 && isUnsignedInteger(value) && isCalendarDigits(value)) {
    warnings.push({ code: 'datatime-ms', message: `${name}“${value}”带毫秒，已截为 ${value.slice(0, 14)}` });
    return value.slice(0, 14);
  }
  return value.length === 14 && isUnsignedInteger(value) && isCalendarDigits(value) ? value : null;
}

function fail(text: string, start: number, baseOffset: number, charIndex: number, code: PairProblem['code'], reason: string): CpParseIn {
  // offsets are bytes: count the UTF-8 bytes before the character (only Info text is ever non-ASCII)
  return { ok: false, error: { code, reason, offset: baseOffset + Buffer.byteLength(text.slice(start, charIndex), 'utf8') } };
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

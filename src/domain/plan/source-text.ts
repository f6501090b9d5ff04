/**
 * The plan's source text as quotes are matched against it.
 * The seed is a PDF's text: page breaks fall inside sentences ("规模以\n\n上工业单位"),
 * so every run of white space that holds a line break is removed; spaces inside a line stay.
 */
export function normalizeSourceText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\s*\n\s*/g, '').trim();
}

export type Quantity = { text: string; value: number; unit: string; index: number };

// A number followed by a unit the plan uses for targets. Years ("2025 年") are not quantities.
const QUANTITY = /(\d+(?:\.\d+)?)\s*(%|万吨标准煤|万立方米\/日|万吨\/日|吨|个|公里)/g;

/** Every number-with-a-unit in the text: each is a quantitative target that must become an indicator. */
export function findQuantities(normalized: string): Quantity[] {
  return [...normalized.matchAll(QUANTITY)].map((m) => ({
    text: m[0],
    value: Number(m[1]),
    unit: m[2] ?? '',
    index: m.index,
  }));
}

/** The quantities not inside any of the given quotes (each quote located in the text). */
export function uncoveredQuantities(normalized: string, quotes: readonly string[]): Quantity[] {
  const spans: Array<[number, number]> = [];
  for (const q of new Set(quotes)) {
    for (let at = normalized.indexOf(q); at >= 0; at = normalized.indexOf(q, at + 1)) spans.push([at, at + q.length]);
  }
  return findQuantities(normalized).filter((x) => !spans.some(([s, e]) => x.index >= s && x.index + x.text.length <= e));
}

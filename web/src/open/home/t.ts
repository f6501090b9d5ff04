import { publicData } from '../../../../src/i18n/zh-CN/public-data';

/** The home page's strings, from the shared catalog (zh-CN): only this part's messages are bundled. */
export type HomeMessageKey = keyof typeof publicData;

export function t(key: HomeMessageKey, params?: Record<string, string | number>): string {
  const text: string = publicData[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m)) : text;
}

/** A catalog label for a server code (`openHome.status.on-track`), or the code itself. */
export function labelOf(prefix: 'openHome.status' | 'openHome.level', code: string): string {
  const key = `${prefix}.${code}`;
  return Object.hasOwn(publicData, key) ? t(key as HomeMessageKey) : code;
}

const pctFormat = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });
const numFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : pctFormat.format(x));
export const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : numFormat.format(x));

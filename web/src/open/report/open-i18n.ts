import { publicReports } from '../../../../src/i18n/zh-CN/public-reports';

/**
 * The report pages' strings, from the shared catalog (zh-CN): only this part's messages are bundled, so the public
 * site stays light.
 */
export type ReportMessageKey = keyof typeof publicReports;

export function t(key: ReportMessageKey, params?: Record<string, string | number>): string {
  const text: string = publicReports[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m)) : text;
}

/** The label of a code sent by the server (`reports.status.replied`), or the code itself when the catalog lacks it. */
export function labelOf(prefix: 'reports.status' | 'reports.type' | 'reports.action', code: string): string {
  const key = `${prefix}.${code}`;
  // hasOwn has just checked that the key is one of the catalog's.
  return Object.hasOwn(publicReports, key) ? t(key as ReportMessageKey) : code;
}

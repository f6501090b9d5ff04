import { publicParticipation } from '../../../../src/i18n/zh-CN/public-participation';

/** The participation pages' strings from the shared catalog (zh-CN): only this part's messages are bundled. */
export type ParticipationKey = keyof typeof publicParticipation;

export function t(key: ParticipationKey, params?: Record<string, string | number>): string {
  const text: string = publicParticipation[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(params[k] ?? m)) : text;
}

/** The label of a code sent by the server (`commitments.progress.achieved`), or the code when the catalog lacks it. */
export function labelOf(prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return Object.hasOwn(publicParticipation, key) ? t(key as ParticipationKey) : code;
}

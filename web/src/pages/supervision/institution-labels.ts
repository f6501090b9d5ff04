import type { MessageKey } from '../../../../src/i18n/index';
import { isMessageKey } from '../../app/i18n-context';

type Group = 'level' | 'kind' | 'economy' | 'demo' | 'quota' | 'reason';

/** The message key of a code of the institutions part (`supervision.inst.kind.organ`); an unknown code shows as 其他. */
export function instKey(group: Group, code: string): MessageKey {
  const key = `supervision.inst.${group}.${code}`;
  return isMessageKey(key) ? key : 'supervision.inst.kind.other';
}

/** Tag colours of a quota level: over red, warn orange, ok green. */
export const LEVEL_COLOR = { over: 'red', warn: 'orange', ok: 'green' } as const;

/** Years to pick from: the last six, newest first. */
export function recentYears(now: Date, n = 6): number[] {
  return Array.from({ length: n }, (_, i) => now.getFullYear() - i);
}

import { isMessageKey, type Translate } from '../../app/i18n-context';

/** A conflict code as people read it (`relation:employer` → 受雇于该企业); an unknown code as it is. */
export function conflictLabel(t: Translate, code: string): string {
  const key = `supervision.capacity.conflict.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

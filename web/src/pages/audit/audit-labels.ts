import { zhCN } from '../../../../src/i18n/zh-CN';
import { isMessageKey as isKey, type Translate } from '../../app/i18n-context';

/** The catalog's name of an audit action, or the code itself for one the catalog does not know yet. */
export function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isKey(key) ? t(key) : action;
}

export function entityLabel(entity: string, t: Translate): string {
  const key = `audit.entity.${entity}`;
  return isKey(key) ? t(key) : entity;
}

/** The codes the catalog names, for the filter suggestions. */
export function knownCodes(prefix: 'audit.action.' | 'audit.entity.'): string[] {
  return Object.keys(zhCN)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}

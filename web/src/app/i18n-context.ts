import { createContext, useContext } from 'react';
import { type Locale, type MessageKey, translate } from '../../../src/i18n/index';
import { zhCN } from '../../../src/i18n/zh-CN';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type I18n = {
  locale: Locale;
  t: Translate;
  /** Switches zh-CN ⇄ en and remembers the choice. */
  toggleLocale: () => void;
};

export const I18nContext = createContext<I18n>({
  locale: 'zh-CN',
  t: (key, params) => translate('zh-CN', key, params),
  toggleLocale: () => {},
});

/** The current language and its `t(key, params)`. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Whether a computed key (e.g. `audit.action.${code}`) is in the catalog. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

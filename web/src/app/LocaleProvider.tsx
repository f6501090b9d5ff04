import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { config as zodConfig } from 'zod/v4/core';
import zodEn from 'zod/v4/locales/en.js';
import zodZhCN from 'zod/v4/locales/zh-CN.js';
import { type Locale, translate } from '../../../src/i18n/index';
import { setApiLanguage } from '../api/client';
import { type I18n, I18nContext } from './i18n-context';

const STORAGE_KEY = 'ecer.locale';

function initialLocale(): Locale {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** Applies a language everywhere outside React: <html lang>, the API, dayjs and zod messages. */
function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  setApiLanguage(locale);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  zodConfig(locale === 'en' ? zodEn() : zodZhCN());
}

/** Users who ask their system for less motion get none (antd's zoom and slide animations are off). */
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

const theme = {
  token: { colorPrimary: '#15803d', borderRadius: 6, motion: !reducedMotion },
  components: {
    Menu: { itemSelectedBg: '#e3f2e8', itemSelectedColor: '#15803d' },
    Tree: { nodeSelectedBg: '#e3f2e8' },
  },
};

/** The i18n context plus AntD's locale and theme; zh-CN first, English on request. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });
  useEffect(() => applyLocale(locale), [locale]);

  const toggleLocale = useCallback(() => {
    setLocale((current) => {
      const next: Locale = current === 'en' ? 'zh-CN' : 'en';
      window.localStorage.setItem(STORAGE_KEY, next);
      applyLocale(next);
      return next;
    });
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, t: (key, params) => translate(locale, key, params), toggleLocale }),
    [locale, toggleLocale],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }} form={{ validateMessages: { required: translate(locale, 'form.required') } }}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

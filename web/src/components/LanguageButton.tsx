import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../app/i18n-context';

/** “English” in Chinese mode, “中文” in English mode. */
export function LanguageButton() {
  const { t, locale, toggleLocale } = useI18n();
  return (
    <Button icon={<TranslationOutlined />} onClick={toggleLocale} lang={locale === 'en' ? 'zh-CN' : 'en'}>
      {t('app.switchLanguage')}
    </Button>
  );
}

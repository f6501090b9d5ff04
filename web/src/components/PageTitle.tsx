import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../app/i18n-context';

/** The page's h1; also names the browser tab. */
export function PageTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${children} - ${t('app.name')}`;
  }, [children, t]);
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap', marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </div>
  );
}

import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n-context';
import { LanguageButton } from '../../components/LanguageButton';

/** The centred card of the pages a user sees before the app: login, first password change. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f3f6f4', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageButton />
      </div>
      <Typography.Title level={1} style={{ fontSize: 24, marginBottom: 24, textAlign: 'center' }}>
        {t('app.name')}
      </Typography.Title>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}

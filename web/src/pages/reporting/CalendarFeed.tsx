import { CalendarOutlined, CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemDetail } from '../../components/problem-text';
import { feedUrl, icsUrl } from './calendar-feed';
import { useCreateCalendarFeed, useRevokeCalendarFeed } from './feed-queries';

/** 下载日历 (.ics, this year) and 订阅日历: a secret address calendar apps keep polling. */
export function CalendarFeed({ plan, year }: { plan: string; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const url = create.data ? feedUrl(window.location.origin, create.data.token, plan) : null;
  const failed = [create.error, revoke.error].find((e) => e instanceof ApiError) ?? null;

  const onCreate = () => {
    revoke.reset();
    create.mutate();
  };
  const onRevoke = () => {
    create.reset();
    revoke.mutate();
  };
  const onCopy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('settings.feed.copied'));
    } catch {
      // No clipboard (an http:// intranet address, say): the address is selected for Ctrl+C instead.
      const input = document.getElementById('calendar-feed-url');
      if (input instanceof HTMLInputElement) input.select();
      void message.info(t('settings.feed.copyManually'));
    }
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} href={icsUrl(plan, year)} download={`ecer-${year}.ics`}>
        {t('settings.feed.download')}
      </Button>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)}>
        {t('settings.feed.subscribe')}
      </Button>
      <Modal title={t('settings.feed.title')} open={open} onCancel={() => setOpen(false)} footer={null} width={640} destroyOnHidden>
        <Typography.Paragraph>{t('settings.feed.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('settings.feed.secret')}</Typography.Paragraph>
        {url ? (
          <>
            <Typography.Text strong>
              <label htmlFor="calendar-feed-url">{t('settings.feed.address')}</label>
            </Typography.Text>
            <Space.Compact block style={{ marginTop: 4 }}>
              <Input id="calendar-feed-url" readOnly value={url} onFocus={(e) => e.target.select()} />
              <Button icon={<CopyOutlined />} onClick={() => void onCopy()}>
                {t('settings.feed.copy')}
              </Button>
            </Space.Compact>
            <Alert type="warning" showIcon message={t('settings.feed.onlyOnce')} style={{ marginTop: 12 }} />
          </>
        ) : (
          revoke.isSuccess && <Alert type="success" showIcon message={t('settings.feed.revoked')} />
        )}
        {failed && <Alert type="error" showIcon role="alert" message={failed.title} description={problemDetail(failed)} style={{ marginTop: 12 }} />}
        <Flex gap={8} justify="end" style={{ marginTop: 16 }}>
          <Button danger loading={revoke.isPending} onClick={onRevoke}>
            {t('settings.feed.revoke')}
          </Button>
          <Button type="primary" loading={create.isPending} onClick={onCreate}>
            {url ? t('settings.feed.renew') : t('settings.feed.create')}
          </Button>
        </Flex>
      </Modal>
    </>
  );
}

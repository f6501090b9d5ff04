import { useQuery } from '@tanstack/react-query';
import { App, Button, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { managedNewsQuery, type NewsItem, usePublishNews } from './news-api';
import { NewsEditor } from './news-editor';

/** 新闻与活动 (the steering office and admin): drafts, published items and campaign events; publish and unpublish. */
export function NewsTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const list = useQuery(managedNewsQuery());
  const publish = usePublishNews();
  const [editing, setEditing] = useState<NewsItem | null | undefined>(undefined);
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const toggle = (n: NewsItem) =>
    publish.mutate({ id: n.id, publish: !n.publishedAt }, { onSuccess: () => void message.success(t(n.publishedAt ? 'news.draft' : 'news.published')) });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setEditing(null)}>
          {t('news.new')}
        </Button>
        <a href="/open/news" target="_blank" rel="noreferrer">
          {t('commitments.viewPublic')}
        </a>
        <a href="/api/public/news/feed.atom" target="_blank" rel="noreferrer">
          {t('news.feed')}
        </a>
      </Space>
      <Table<NewsItem>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.data}
        columns={[
          { title: t('news.field.title'), dataIndex: 'title' },
          { title: t('news.field.kind'), key: 'kind', render: (_, n) => (n.campaign ? t(`news.campaign.${n.campaign}`) : t(`news.kind.${n.kind}`)) },
          { title: t('news.field.startDate'), key: 'dates', render: (_, n) => (n.startDate ? t('news.dates', { start: n.startDate, end: n.endDate ?? n.startDate }) : '—') },
          { title: t('news.col.status'), key: 'status', render: (_, n) => <Tag color={n.publishedAt ? 'green' : 'default'}>{t(n.publishedAt ? 'news.published' : 'news.draft')}</Tag> },
          { title: t('news.col.updatedAt'), key: 'updated', render: (_, n) => new Date(n.updatedAt).toLocaleString(locale) },
          {
            title: '',
            key: 'actions',
            render: (_, n) => (
              <Space>
                <Button size="small" onClick={() => setEditing(n)} aria-label={`${t('news.edit')} ${n.title}`}>
                  {t('news.edit')}
                </Button>
                <Button size="small" type={n.publishedAt ? 'default' : 'primary'} loading={publish.isPending && publish.variables?.id === n.id} onClick={() => toggle(n)} aria-label={`${t(n.publishedAt ? 'news.unpublish' : 'news.publish')} ${n.title}`}>
                  {t(n.publishedAt ? 'news.unpublish' : 'news.publish')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <NewsEditor item={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../app/i18n-context';
import { type Notice, noticesQuery, useReadNotice } from '../pages/notifications/queries';

/** 通知: the header bell with the unread count; opening a notice marks it read and goes to its page. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const notices = useQuery(noticesQuery());
  const read = useReadNotice();
  const unread = notices.data?.unread ?? 0;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const openNotice = (n: Notice) => {
    if (!n.readAt) read.mutate(n.id);
    setOpen(false);
    if (n.link) navigate(n.link);
  };
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }}>
      {notices.data?.notices.length ? (
        <List
          size="small"
          dataSource={notices.data.notices}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => openNotice(n)}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{time.format(new Date(n.createdAt))}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notice.empty')} />
      )}
    </div>
  );
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between' }}>
          {t('notice.title')}
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => read.mutate(null)}>
              {t('notice.readAll')}
            </Button>
          )}
        </span>
      }
      content={content}
    >
      <Badge count={unread} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={t('notice.title')} title={t('notice.unread', { count: unread })} />
      </Badge>
    </Popover>
  );
}

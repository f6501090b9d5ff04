import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../../../src/i18n/index';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { OrderDrawer } from './order-drawer';
import { ordersQuery, transfersQuery, useTransferAction } from './inspection-queries';

/**
 * 整改通知 (issue #11): an enterprise sees its own orders and answers them; inspectors see every order of their scope
 * with overdue flags; a department sees the cases transferred to it (移送) and accepts and answers them here.
 */
export function OrdersTab({ inspects }: { inspects: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  // A department that is no inspection body has no orders of its own: it sees only the cases transferred to it.
  const seesOrders = me.role === 'enterprise' || inspects;
  const orders = useQuery({ ...ordersQuery(overdueOnly ? { status: 'overdue' } : {}), enabled: seesOrders });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {seesOrders && !orders.error && (
        <Card size="small" title={me.role === 'enterprise' ? t('supervision.orders.mine') : t('supervision.orders.title')} extra={me.role !== 'enterprise' && <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>{t('supervision.orders.overdueOnly')}</Checkbox>}>
          <Table
            size="small"
            rowKey="id"
            loading={orders.isLoading}
            dataSource={orders.data}
            columns={[
              { title: t('supervision.field.orderNo'), dataIndex: 'orderNo' },
              { title: t('supervision.field.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('supervision.field.region'), dataIndex: 'regionName' },
              { title: t('supervision.field.deadline'), dataIndex: 'deadline' },
              { title: t('supervision.field.status'), render: (_: unknown, o) => <>{t(`supervision.order.status.${o.status}` as MessageKey)} {o.overdue && <Tag color="red">{t('supervision.order.overdue')}</Tag>}</> },
              { title: '', render: (_: unknown, o) => <Button size="small" onClick={() => setOpen(o.id)}>{t('supervision.orders.open')}</Button> },
            ]}
          />
        </Card>
      )}
      {me.role !== 'enterprise' && <Transfers />}
      {open !== null && <OrderDrawer id={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}

function Transfers() {
  const { t } = useI18n();
  const me = useMe();
  const q = useQuery(transfersQuery());
  const act = useTransferAction();
  const [answers, setAnswers] = useState<Record<number, string>>({});
  if (q.error) return null;
  return (
    <Card size="small" title={me.role === 'department' ? t('supervision.transfers.mine') : t('supervision.transfers.title')}>
      <Table
        size="small"
        rowKey="id"
        dataSource={q.data}
        locale={{ emptyText: me.role === 'department' ? t('supervision.transfers.emptyMine') : t('supervision.transfers.empty') }}
        columns={[
          { title: t('supervision.field.enterprise'), render: (_: unknown, x) => `${x.enterpriseName}（${x.regionName}）` },
          { title: t('supervision.field.description'), dataIndex: 'findingDescription' },
          { title: t('supervision.field.department'), dataIndex: 'toDepartmentName' },
          { title: t('supervision.field.reason'), dataIndex: 'reason' },
          { title: t('supervision.field.status'), render: (_: unknown, x) => t(`supervision.transfer.status.${x.status}` as MessageKey) },
          {
            title: t('supervision.field.answer'),
            render: (_: unknown, x) =>
              x.answer ??
              (me.role === 'department' && me.departmentId === x.toDepartmentId ? (
                x.status === 'sent' ? (
                  <Button size="small" onClick={() => act.mutate({ id: x.id, action: 'accept' })}>{t('supervision.transfers.accept')}</Button>
                ) : (
                  <Space.Compact>
                    <Input size="small" value={answers[x.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [x.id]: e.target.value })} />
                    <Button size="small" onClick={() => act.mutate({ id: x.id, action: 'answer', answer: answers[x.id] ?? '' })}>{t('supervision.transfers.answer')}</Button>
                  </Space.Compact>
                )
              ) : null),
          },
        ]}
      />
    </Card>
  );
}

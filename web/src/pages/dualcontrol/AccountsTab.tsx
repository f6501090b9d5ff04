import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Flex, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { localRegions, regionsQuery } from '../org/queries';
import { AccountForm } from './AccountForm';
import { AccountsImport } from './AccountsImport';
import { AccountThreadView, useAccountColumns } from './AccountThreadView';
import { type Account, accountsQuery } from './queries';
import { ReviewModal } from './ReviewModal';

const isCity = (me: Me) => me.role === 'admin' || me.role === 'steering';

/** 能源数据: a county enters its figures; everyone who may read sees the list; the city approves or returns. */
export function AccountsTab({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const accounts = useQuery(accountsQuery());
  const regions = useQuery(regionsQuery());
  const [cityRegion, setCityRegion] = useState<string | null>(null);
  const [open, setOpen] = useState<Account | null>(null);
  const [review, setReview] = useState<{ account: Account; action: 'approve' | 'return' } | null>(null);
  const figureColumns = useAccountColumns();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  const nameOf = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  const canEnter = me.role === 'county' ? me.regionCode !== null : isCity(me);
  const canReview = isCity(me);

  const rows = useMemo(() => [...(accounts.data ?? [])].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || b.periodKey.localeCompare(a.periodKey) || b.revision - a.revision), [accounts.data]);
  const regionName = (code: string) => nameOf.get(code) ?? code;
  const columns: ExportColumn<Account>[] = [
    { title: t('energy.col.region'), dataIndex: 'regionCode', width: 110, render: (code: string) => regionName(code), exportValue: (r) => regionName(r.regionCode) },
    ...figureColumns,
    { title: t('energy.col.revision'), dataIndex: 'revision', width: 64 },
    { title: t('energy.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (at: string) => time.format(new Date(at)), exportValue: (r) => time.format(new Date(r.submittedAt)) },
    {
      title: t('energy.col.actions'),
      key: 'actions',
      fixed: 'right',
      width: canReview ? 190 : 80,
      render: (_, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setOpen(r)} aria-label={t('energy.account.viewOf', { name: regionName(r.regionCode), period: r.periodKey, n: r.revision })}>
            {t('energy.account.view')}
          </Button>
          {canReview && r.status === 'submitted' && (
            <>
              <Button size="small" type="primary" onClick={() => setReview({ account: r, action: 'approve' })} aria-label={t('energy.review.approveOf', { name: regionName(r.regionCode), period: r.periodKey })}>
                {t('energy.review.approve')}
              </Button>
              <Button size="small" danger onClick={() => setReview({ account: r, action: 'return' })} aria-label={t('energy.review.returnOf', { name: regionName(r.regionCode), period: r.periodKey })}>
                {t('energy.review.return')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  const formRegion = me.role === 'county' ? me.regionCode : cityRegion;
  const listName = t('energy.accounts');
  return (
    <Flex vertical gap={16}>
      {canEnter && (
        <Card title={t('energy.account.new')} size="small">
          {me.role === 'county' && <Typography.Paragraph type="secondary">{t('energy.account.forRegion', { name: regionName(me.regionCode ?? '') })}</Typography.Paragraph>}
          <AccountForm
            regionCode={formRegion}
            regions={isCity(me) && regions.data ? localRegions(regions.data) : null}
            accounts={accounts.data ?? []}
            onRegion={setCityRegion}
          />
        </Card>
      )}
      {canEnter && <AccountsImport isCounty={me.role === 'county'} />}
      {me.role === 'county' && !me.regionCode && <Typography.Text type="warning">{t('energy.account.noRegion')}</Typography.Text>}
      {accounts.isError ? (
        <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <Table<Account>
          rowKey="id"
          size="small"
          loading={accounts.isPending}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1500 }}
          title={() => <TableTitle extra={<ExportButton name={listName} columns={columns} rows={rows} />}>{listName}</TableTitle>}
        />
      )}
      <Drawer open={open !== null} width={880} title={open ? t('energy.threadOf', { name: regionName(open.regionCode), period: open.periodKey }) : ''} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <AccountThreadView id={open.id} exportName={t('energy.threadOf', { name: regionName(open.regionCode), period: open.periodKey })} />}
      </Drawer>
      <ReviewModal account={review?.account ?? null} action={review?.action ?? 'approve'} onClose={() => setReview(null)} />
    </Flex>
  );
}

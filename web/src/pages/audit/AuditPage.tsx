import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, DatePicker, Flex, Form, Input, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { actionLabel, entityLabel, knownCodes } from './audit-labels';
import { AuditDetails } from './AuditDetails';
import { type AuditEvent, type AuditFilters, auditEventsQuery, useVerifyChain } from './queries';

const LIMIT = 200;
type FilterForm = { entity?: string; action?: string; actor?: string; range?: [Dayjs | null, Dayjs | null] | null };

function toFilters(v: FilterForm): AuditFilters {
  const [from, to] = v.range ?? [];
  return {
    entity: v.entity?.trim() || undefined,
    action: v.action?.trim() || undefined,
    actor: v.actor?.trim() || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
    limit: LIMIT,
  };
}

function VerifyResult({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const { t } = useI18n();
  if (verify.isError) return <QueryError error={verify.error} />;
  if (!verify.data) return null;
  const r = verify.data;
  return r.ok ? (
    <Alert type="success" showIcon role="status" message={t('audit.verifyOk', { count: r.count })} style={{ marginBottom: 16 }} />
  ) : (
    <Alert type="error" showIcon role="alert" message={t('audit.verifyBroken', { id: r.brokenAt ?? '?' })} description={r.reason} style={{ marginBottom: 16 }} />
  );
}

/** The audit trail: who changed what, when; filterable, each change expandable, the hash chain checkable. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FilterForm>();
  const [filters, setFilters] = useState<AuditFilters>({ limit: LIMIT });
  const events = useQuery(auditEventsQuery(filters));
  const verify = useVerifyChain();
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', hour12: false }), [locale]);
  const codeOptions = (prefix: 'audit.action.' | 'audit.entity.', label: (c: string) => string) =>
    knownCodes(prefix).map((c) => ({ value: c, label: `${label(c)} · ${c}` }));

  const columns: ExportColumn<AuditEvent>[] = [
    { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => time.format(new Date(at)), exportValue: (e) => time.format(new Date(e.at)) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 160 },
    { title: t('audit.action'), dataIndex: 'action', width: 140, render: (a: string) => <span title={a}>{actionLabel(a, t)}</span>, exportValue: (e) => actionLabel(e.action, t) },
    { title: t('audit.entity'), dataIndex: 'entity', width: 120, render: (e: string) => <span title={e}>{entityLabel(e, t)}</span>, exportValue: (e) => entityLabel(e.entity, t) },
    { title: t('audit.entityId'), dataIndex: 'entityId', width: 160, render: (id: string | null) => id ?? '—', exportValue: (e) => e.entityId },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—', exportValue: (e) => e.ip },
  ];

  return (
    <>
      <PageTitle
        extra={
          <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('audit.verify')}
          </Button>
        }
      >
        {t('audit.title')}
      </PageTitle>
      <VerifyResult verify={verify} />
      <Form<FilterForm> form={form} layout="inline" onFinish={(v) => setFilters(toFilters(v))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('audit.filterEntity')} name="entity">
          <AutoComplete allowClear style={{ width: 170 }} options={codeOptions('audit.entity.', (c) => entityLabel(c, t))} />
        </Form.Item>
        <Form.Item label={t('audit.filterAction')} name="action">
          <AutoComplete allowClear style={{ width: 190 }} options={codeOptions('audit.action.', (c) => actionLabel(c, t))} />
        </Form.Item>
        <Form.Item label={t('audit.filterActor')} name="actor">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item label={t('audit.dateRange')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({ limit: LIMIT });
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form>
      {events.isError ? (
        <QueryError error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <>
          {events.data && (
            <Typography.Paragraph type="secondary">{t('audit.shown', { total: events.data.total, count: events.data.events.length })}</Typography.Paragraph>
          )}
          <Table<AuditEvent>
            rowKey="id"
            size="small"
            loading={events.isPending}
            columns={columns}
            dataSource={events.data?.events}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            title={() => <ExportButton name={t('audit.title')} columns={columns} rows={events.data?.events} />}
            expandable={{ expandedRowRender: (e) => <AuditDetails event={e} /> }}
          />
        </>
      )}
    </>
  );
}

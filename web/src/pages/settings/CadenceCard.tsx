import { EditOutlined } from '@ant-design/icons';
import { FormProblem } from '../../components/FormProblem';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { problemToFields } from '../../components/form-errors';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { frequencyLabel } from '../reporting/calendar';
import { calendarQuery } from '../reporting/queries';
import { type Cadence, type CadenceRow, cadenceRows, FREQUENCIES, filterCadence, isAsDefault, isFrequency, toRuleBody } from './cadence';
import { useSetReportingRule } from './queries';

const RULE_FIELDS = ['frequency', 'dueDays'] as const;

/** Changes one item's frequency and due days. */
function RuleModal({ row, onClose }: { row: CadenceRow; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Cadence>();
  const save = useSetReportingRule();
  const onFinish = (v: Cadence) =>
    save.mutate(toRuleBody(row, v), {
      onSuccess: () => {
        void message.success(t('settings.cadence.saved', { code: row.code }));
        onClose();
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(problemToFields(e, RULE_FIELDS));
      },
    });
  const error = save.error instanceof ApiError ? save.error : null;
  return (
    <Modal
      open
      title={t('settings.cadence.editOf', { code: row.code })}
      okText={t('settings.cadence.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: row.name }}>
        {row.name}
      </Typography.Paragraph>
      <Form<Cadence>
        form={form}
        name="reporting-rule"
        layout="vertical"
        initialValues={{ frequency: isFrequency(row.frequency) ? row.frequency : undefined, dueDays: row.dueDays ?? undefined }}
        onFinish={onFinish}
      >
        <Form.Item label={t('reporting.frequency')} name="frequency" rules={[{ required: true, message: t('settings.ref.required') }]}>
          <Select options={FREQUENCIES.map((f) => ({ value: f, label: frequencyLabel(f, t) }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t('settings.cadence.dueDays')}
          name="dueDays"
          extra={t('settings.cadence.dueDaysHelp')}
          rules={[
            { required: true, message: t('settings.ref.required') },
            { type: 'integer', min: 0, max: 120, message: t('settings.ref.daysRange', { max: 120 }) },
          ]}
        >
          <InputNumber precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      <FormProblem error={error} fields={RULE_FIELDS} flush />
    </Modal>
  );
}

type Props = { plan: string; year: number; defaults: Record<CadenceRow['kind'], Cadence> | null };

/** 报送频次: every indicator and task with its frequency and due days, each editable. */
export function CadenceCard({ plan, year, defaults }: Props) {
  const { t } = useI18n();
  const calendar = useQuery(calendarQuery(plan, year));
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<CadenceRow['kind'] | undefined>();
  const [editing, setEditing] = useState<CadenceRow | null>(null);
  const all = useMemo(() => cadenceRows(calendar.data?.entries ?? []), [calendar.data]);
  const rows = useMemo(() => filterCadence(all, q, kind), [all, q, kind]);

  const dueText = (r: CadenceRow) => (r.dueDays === null ? '—' : t('settings.cadence.dueDaysText', { n: r.dueDays }));
  const columns: ExportColumn<CadenceRow>[] = [
    { title: t('reporting.code'), dataIndex: 'code', width: 80 },
    { title: t('export.kind'), dataIndex: 'kind', width: 70, render: (k: CadenceRow['kind']) => <Tag bordered={false}>{t(`reporting.kind.${k}`)}</Tag>, exportValue: (r) => t(`reporting.kind.${r.kind}`) },
    {
      title: t('reporting.name'),
      dataIndex: 'name',
      render: (name: string) => (
        <Typography.Text ellipsis={{ tooltip: name }} style={{ maxWidth: 420 }}>
          {name}
        </Typography.Text>
      ),
      exportValue: (r) => r.name,
    },
    { title: t('reporting.frequency'), dataIndex: 'frequency', width: 80, render: (f: string) => frequencyLabel(f, t), exportValue: (r) => frequencyLabel(r.frequency, t) },
    { title: t('settings.cadence.dueDays'), key: 'dueDays', width: 130, render: (_, r) => dueText(r), exportValue: (r) => r.dueDays },
    {
      title: t('settings.cadence.source'),
      key: 'source',
      width: 110,
      render: (_, r) => (isAsDefault(r, defaults) ? <Tag>{t('settings.cadence.asDefault')}</Tag> : <Tag color="blue">{t('settings.cadence.own')}</Tag>),
      exportValue: (r) => t(isAsDefault(r, defaults) ? 'settings.cadence.asDefault' : 'settings.cadence.own'),
    },
    {
      title: t('settings.cadence.action'),
      key: 'action',
      width: 90,
      render: (_, r) => (
        <Button size="small" type="link" icon={<EditOutlined />} aria-label={t('settings.cadence.editOf', { code: r.code })} onClick={() => setEditing(r)}>
          {t('settings.cadence.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" title={t('settings.cadence.title')}>
      <section aria-label={t('settings.cadence.title')}>
        <Typography.Paragraph type="secondary">{t('settings.cadence.help')}</Typography.Paragraph>
        <Flex wrap gap={12} align="center" role="search" aria-label={t('plan.filters')} style={{ marginBottom: 12 }}>
          <FilterSelect
            id="cadence-kind"
            label={t('reporting.filterKind')}
            style={{ width: 140 }}
            allowClear
            value={kind}
            onChange={(k?: CadenceRow['kind']) => setKind(k)}
            options={(['indicator', 'task'] as const).map((k) => ({ value: k, label: t(`reporting.kind.${k}`) }))}
          />
          <HiddenLabel htmlFor="cadence-q">{t('settings.cadence.search')}</HiddenLabel>
          <Input.Search id="cadence-q" placeholder={t('reporting.search')} style={{ width: 260 }} allowClear onChange={(e) => setQ(e.target.value)} />
        </Flex>
        {calendar.isError ? (
          <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />
        ) : (
          <Table<CadenceRow>
            rowKey={(r) => `${r.kind}:${r.itemId}`}
            size="small"
            loading={calendar.isPending}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            title={() => <ExportButton name={t('settings.cadence.title')} columns={columns} rows={rows} />}
          />
        )}
      </section>
      {editing && <RuleModal row={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

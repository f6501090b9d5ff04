import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { isMessageKey, type Translate, useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { ExportButton } from '../../components/ExportButton';
import { problemDetail } from '../../components/problem-text';
import type { ExportColumn } from '../../components/table-export';
import { frequencyLabel } from '../reporting/calendar';
import { FREQUENCIES } from './cadence';
import { useAddReferenceVersion } from './queries';
import {
  describeValue,
  enteredBy,
  initialFormValues,
  isFormKey,
  isRatio,
  problemFields,
  type ReferenceItem,
  type ReferenceVersion,
  toVersionBody,
  type VersionFormValues,
  versionOn,
} from './reference-form';

const DATE = 'YYYY-MM-DD';

/** A key's readable title and explanation; a key the catalog does not know shows as it is. */
export function referenceTitle(key: string, t: Translate): { title: string; help: string } {
  const title = `settings.ref.title.${key}`;
  const help = `settings.ref.help.${key}`;
  return { title: isMessageKey(title) ? t(title) : key, help: isMessageKey(help) ? t(help) : t('settings.ref.help.generic') };
}

function intRule(t: Translate, max: number): Rule[] {
  return [
    { required: true, message: t('settings.ref.required') },
    { type: 'integer', min: 0, max, message: t('settings.ref.daysRange', { max }) },
  ];
}

/** The value fields of the two keys the page knows; any other key is entered as JSON. */
function ValueFields({ itemKey }: { itemKey: string }) {
  const { t } = useI18n();
  const frequencies = FREQUENCIES.map((f) => ({ value: f, label: frequencyLabel(f, t) }));
  if (itemKey === 'progress-status-rule')
    return (
      <Form.Item
        label={t('settings.ref.atRiskRatio')}
        name={['value', 'atRiskRatio']}
        extra={t('settings.ref.atRiskRatioHelp')}
        rules={[
          { required: true, message: t('settings.ref.required') },
          { validator: (_, v: unknown) => (v === null || v === undefined || isRatio(v) ? Promise.resolve() : Promise.reject(new Error(t('settings.ref.ratioRange')))) },
        ]}
      >
        <InputNumber step={0.05} style={{ width: 160 }} />
      </Form.Item>
    );
  if (itemKey === 'reporting-defaults')
    return (
      <>
        {(['indicator', 'task'] as const).map((kind) => (
          <Flex key={kind} gap={16} wrap>
            <Form.Item label={t(`settings.ref.${kind}Frequency`)} name={['value', kind, 'frequency']} rules={[{ required: true, message: t('settings.ref.required') }]}>
              <Select options={frequencies} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item label={t(`settings.ref.${kind}DueDays`)} name={['value', kind, 'dueDays']} rules={intRule(t, 120)}>
              <InputNumber precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Flex>
        ))}
        <Form.Item label={t('settings.ref.dueSoonDays')} name={['value', 'dueSoonDays']} rules={intRule(t, 60)} extra={t('settings.ref.dueSoonDaysHelp')}>
          <InputNumber precision={0} style={{ width: 140 }} />
        </Form.Item>
      </>
    );
  return (
    <Form.Item
      label={t('settings.ref.valueJson')}
      name="valueJson"
      rules={[
        { required: true, message: t('settings.ref.required') },
        {
          validator: (_, v: string | undefined) => {
            try {
              JSON.parse(v ?? '');
              return Promise.resolve();
            } catch {
              return Promise.reject(new Error(t('settings.ref.badJson')));
            }
          },
        },
      ]}
    >
      <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} />
    </Form.Item>
  );
}

/** 新增版本: a date it applies from, where it comes from, and the value. */
function VersionForm({ item, onDone }: { item: ReferenceItem; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<VersionFormValues>();
  const add = useAddReferenceVersion(item.key);
  const latest = item.versions.at(-1)?.value;
  const onFinish = (v: VersionFormValues) => {
    const body = toVersionBody(item.key, v);
    if (!body) return form.setFields([{ name: 'valueJson', errors: [t('settings.ref.badJson')] }]);
    add.mutate(body, {
      onSuccess: () => {
        void message.success(t('settings.ref.added', { date: body.validFrom }));
        onDone();
      },
      onError: (e) => {
        if (e instanceof ApiError) form.setFields(problemFields(e, item.key));
      },
    });
  };
  const error = add.error instanceof ApiError ? add.error : null;
  const unmapped = error && problemFields(error, item.key).length === 0;
  return (
    <Form<VersionFormValues> form={form} name={`reference-${item.key}`} layout="vertical" initialValues={initialFormValues(item.key, latest)} onFinish={onFinish} style={{ maxWidth: 720, marginTop: 16 }}>
      <Flex gap={16} wrap>
        <Form.Item
          label={t('settings.ref.validFrom')}
          name="validFrom"
          rules={[{ required: true, message: t('settings.ref.required') }]}
          getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v, DATE) : null })}
          normalize={(d: Dayjs | null) => (d ? d.format(DATE) : undefined)}
        >
          <DatePicker format={DATE} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t('settings.ref.source')} name="source" rules={[{ required: true, whitespace: true, message: t('settings.ref.sourceRequired') }]} style={{ flex: 1, minWidth: 280 }}>
          <Input maxLength={500} placeholder={t('settings.ref.sourcePlaceholder')} />
        </Form.Item>
      </Flex>
      <ValueFields itemKey={item.key} />
      {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 12 }} />}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('settings.ref.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

/**
 * One reference value: what it means, its versions with their validity periods, and a form for a new version.
 * A page that owns other keys (能耗双控) passes their title and explanation from its own catalog entries.
 */
export function ReferenceCard({ item, today, title: ownTitle, help: ownHelp }: { item: ReferenceItem; today: string; title?: string; help?: string }) {
  const { t } = useI18n();
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const known = referenceTitle(item.key, t);
  const title = ownTitle ?? known.title;
  const help = ownHelp ?? known.help;
  const current = versionOn(item.versions, today);
  const rows = [...item.versions].reverse(); // newest first
  const columns: ExportColumn<ReferenceVersion>[] = [
    {
      title: t('settings.ref.validFrom'),
      dataIndex: 'validFrom',
      width: 130,
      render: (d: string, v) => (
        <Flex gap={4} align="center" wrap>
          {d}
          {v.id === current?.id && <Tag color="green">{t('settings.ref.current')}</Tag>}
        </Flex>
      ),
      exportValue: (v) => v.validFrom,
    },
    { title: t('settings.ref.validTo'), dataIndex: 'validTo', width: 110, render: (d: string | null) => d ?? t('settings.ref.openEnded'), exportValue: (v) => v.validTo ?? t('settings.ref.openEnded') },
    {
      title: t('settings.ref.value'),
      key: 'value',
      width: 420,
      render: (_, v) => (
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ marginBottom: 0, maxWidth: 420 }}>
          {describeValue(item.key, v.value, t)}
        </Typography.Paragraph>
      ),
      exportValue: (v) => describeValue(item.key, v.value, t),
    },
    {
      title: t('settings.ref.source'),
      dataIndex: 'source',
      width: 320,
      render: (s: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, expandable: 'collapsible' }} style={{ marginBottom: 0, maxWidth: 320 }}>
          {s}
        </Typography.Paragraph>
      ),
      exportValue: (v) => v.source,
    },
    { title: t('settings.ref.createdBy'), key: 'createdBy', width: 100, render: (_, v) => enteredBy(v, me.id, t), exportValue: (v) => enteredBy(v, me.id, t) },
  ];
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        !adding && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} aria-label={t('settings.ref.addOf', { title })}>
            {t('settings.ref.add')}
          </Button>
        )
      }
    >
      <section aria-label={title}>
        <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
        <Table<ReferenceVersion>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          title={() => <ExportButton name={`${t('settings.title')}-${title}`} columns={columns} rows={rows} />}
        />
        {adding && <VersionForm item={item} onDone={() => setAdding(false)} />}
        {!isFormKey(item.key) && adding && <Typography.Paragraph type="secondary">{t('settings.ref.jsonNote')}</Typography.Paragraph>}
      </section>
    </Card>
  );
}

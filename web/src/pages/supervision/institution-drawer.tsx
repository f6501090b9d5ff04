import { useQuery } from '@tanstack/react-query';
import { FormProblem } from '../../components/FormProblem';
import { App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { QUOTA_KINDS } from '../../../../src/domain/supervision/reference';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { QueryError } from '../../components/QueryError';
import { instKey, LEVEL_COLOR } from './institution-labels';
import { type InstitutionDetail, type InstitutionUse, institutionQuery, type NewQuota, type NewUse, useFileUse, useSetQuota } from './institution-queries';

type Evaluation = InstitutionUse['evaluations'][number];

/** One institution: its data, each year's use against its quotas, and (for those who may) filing use and setting a quota. */
export function InstitutionDrawer({ id, year, onClose }: { id: number | null; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const q = useQuery({ ...institutionQuery(id ?? 0), enabled: id !== null });
  const d = q.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={860} title={d?.institution.name ?? ''} destroyOnHidden>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : d ? (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('supervision.inst.region')}>{d.institution.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.inst.level')}>{t(instKey('level', d.institution.level))}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.inst.kind')}>{t(instKey('kind', d.institution.kind))}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.inst.staff')}>{d.institution.staff ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.inst.floorArea')}>{d.institution.floorAreaM2 ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.inst.economy')}>
              {t(instKey('economy', d.institution.economyStatus))}
              {d.institution.economyYear ? `（${d.institution.economyYear}）` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
            {t('supervision.inst.uses')}
          </Typography.Title>
          {d.uses.length === 0 && <Typography.Text type="secondary">{t('supervision.inst.noUse')}</Typography.Text>}
          {d.uses.map((u) => (
            <UseTable key={u.year} use={u} />
          ))}
          {d.institution.canWrite && <UseForm detail={d} year={year} />}
          {d.canManage && <QuotaForm id={d.institution.id} year={year} />}
        </Flex>
      ) : null}
    </Drawer>
  );
}

function UseTable({ use }: { use: InstitutionUse }) {
  const { t, locale } = useI18n();
  const num = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const f = (x: number | null) => (x === null ? '—' : num.format(x));
  return (
    <Table<Evaluation>
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={use.evaluations}
      title={() => (
        <Flex gap={12} wrap>
          <strong>{t('reporting.yearOption', { year: use.year })}</strong>
          <span>
            {t('supervision.inst.months')}: {use.months}
          </span>
          <span>
            {t('supervision.inst.energy')}: {f(use.energyKgce)}
          </span>
          <span>
            {t('supervision.inst.water')}: {f(use.waterM3)}
          </span>
        </Flex>
      )}
      columns={[
        { title: t('supervision.inst.indicator'), key: 'kind', render: (_: unknown, e) => `${t(instKey('quota', e.kind))}（${e.unit}）` },
        { title: t('supervision.inst.annualised'), dataIndex: 'annualIndicator', align: 'right', render: f },
        { title: t('supervision.inst.quota'), dataIndex: 'quota', align: 'right', render: f },
        { title: t('supervision.inst.ratio'), dataIndex: 'ratio', align: 'right', render: (r: number | null) => (r === null ? '—' : `${num.format(r * 100)}%`) },
        {
          title: t('supervision.inst.status'),
          key: 'level',
          render: (_: unknown, e) => (e.level ? <Tag color={LEVEL_COLOR[e.level]}>{t(instKey('level', e.level))}</Tag> : <Tag>{e.reason ? t(instKey('reason', e.reason)) : t('supervision.inst.notEvaluable')}</Tag>),
        },
        { title: t('supervision.inst.quotaSource'), dataIndex: 'quotaSource', ellipsis: true, render: (s: string, e) => (e.quotaIsDefault ? t('supervision.inst.defaultQuota') : s) },
      ]}
    />
  );
}

const USE_FIELDS = ['months', 'energyKgce', 'waterM3', 'staff', 'floorAreaM2'] as const;

/** Files (or corrects) the use of the year shown; staff and area default to the registry's. */
function UseForm({ detail, year }: { detail: InstitutionDetail; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUse>();
  const file = useFileUse(detail.institution.id);
  const error = file.error instanceof ApiError ? file.error : null;
  const filed = detail.uses.find((u) => u.year === year);
  const onFinish = (v: NewUse) =>
    file.mutate(
      { year, body: { ...v, waterM3: v.waterM3 ?? null, staff: v.staff ?? null, floorAreaM2: v.floorAreaM2 ?? null } },
      {
        onSuccess: () => void message.success(t('supervision.inst.useSaved')),
        onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, USE_FIELDS)),
      },
    );
  return (
    <Form<NewUse> form={form} name="inst-use" layout="inline" onFinish={onFinish} initialValues={filed ? { months: filed.months, energyKgce: filed.energyKgce, waterM3: filed.waterM3 } : { months: 12 }}>
      <Typography.Text strong style={{ width: '100%', marginBottom: 8 }}>
        {t('supervision.inst.fileUse')} · {t('reporting.yearOption', { year })}
      </Typography.Text>
      <FormProblem error={error} fields={USE_FIELDS} flush />
      <Form.Item label={t('supervision.inst.months')} name="months" rules={[{ required: true }]}>
        <InputNumber min={1} max={12} precision={0} />
      </Form.Item>
      <Form.Item label={t('supervision.inst.energy')} name="energyKgce" rules={[{ required: true }]}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item label={t('supervision.inst.water')} name="waterM3">
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item label={t('supervision.inst.staff')} name="staff">
        <InputNumber min={0} precision={0} placeholder={String(detail.institution.staff ?? '')} />
      </Form.Item>
      <Form.Item label={t('supervision.inst.floorArea')} name="floorAreaM2">
        <InputNumber min={0} placeholder={String(detail.institution.floorAreaM2 ?? '')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.isPending}>
        {t('supervision.inst.fileUse')}
      </Button>
    </Form>
  );
}

const QUOTA_FIELDS = ['kind', 'value', 'source'] as const;

/** Sets the institution's own quota of a kind for the year shown, with its source (managers only). */
function QuotaForm({ id, year }: { id: number; year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<NewQuota, 'year'>>();
  const set = useSetQuota(id);
  const error = set.error instanceof ApiError ? set.error : null;
  return (
    <Form<Omit<NewQuota, 'year'>>
      form={form}
      name="inst-quota"
      layout="inline"
      initialValues={{ kind: 'energy-per-capita' }}
      onFinish={(v) =>
        set.mutate(
          { ...v, year },
          { onSuccess: () => void message.success(t('supervision.inst.quotaSaved')), onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, QUOTA_FIELDS)) },
        )
      }
    >
      <Typography.Text strong style={{ width: '100%', marginBottom: 8 }}>
        {t('supervision.inst.setQuota')} · {t('reporting.yearOption', { year })}
      </Typography.Text>
      <FormProblem error={error} fields={QUOTA_FIELDS} flush />
      <Form.Item label={t('supervision.inst.quotaKind')} name="kind" rules={[{ required: true }]}>
        <Select style={{ width: 180 }} options={QUOTA_KINDS.map((k) => ({ value: k, label: t(instKey('quota', k)) }))} />
      </Form.Item>
      <Form.Item label={t('supervision.inst.quotaValue')} name="value" rules={[{ required: true }]}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item label={t('supervision.inst.quotaSource')} name="source" rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={300} style={{ width: 220 }} />
      </Form.Item>
      <Button htmlType="submit" loading={set.isPending}>
        {t('supervision.inst.setQuota')}
      </Button>
    </Form>
  );
}

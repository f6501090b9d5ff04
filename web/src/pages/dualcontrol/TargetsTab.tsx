import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, type FormItemProps, Input, InputNumber, Modal, Row, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { problemToFields } from '../../components/form-errors';
import { problemDetail } from '../../components/problem-text';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { type Region, regionsQuery } from '../org/queries';
import { formatRate } from './levels';
import { type Target, useSetTarget } from './queries';
import { TARGET_FIELDS, type TargetFormValues, targetFormValues, toTargetBody } from './target-form';

type Row = { region: Region; target: Target | undefined };

function Percent({ name, id, rules }: { name: (string | number)[] | string; id: string; rules?: FormItemProps['rules'] }) {
  return (
    <Space.Compact block>
      <Form.Item name={name} noStyle rules={rules}>
        <InputNumber id={id} style={{ width: '100%' }} min={-99} max={99} />
      </Form.Item>
      <Space.Addon>%</Space.Addon>
    </Space.Compact>
  );
}

/** Sets a region's basic, incentive and annual targets (rates in %; the API takes fractions). */
function TargetModal({ row, onClose }: { row: Row | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  const save = useSetTarget();
  const onFinish = (v: TargetFormValues) => {
    if (!row) return;
    save.mutate(
      { regionCode: row.region.code, body: toTargetBody(v, row.target) },
      {
        onSuccess: () => {
          void message.success(t('energy.target.saved'));
          onClose();
        },
        onError: (e) => {
          if (e instanceof ApiError) form.setFields(problemToFields(e, TARGET_FIELDS).filter((f) => f.name !== 'annual'));
        },
      },
    );
  };
  const error = save.error instanceof ApiError ? save.error : null;
  const unmapped = error && problemToFields(error, TARGET_FIELDS).filter((f) => f.name !== 'annual').length === 0;
  return (
    <Modal
      open={row !== null}
      width={720}
      title={row ? t('energy.target.editOf', { name: row.region.name }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => save.reset()}
      destroyOnHidden
    >
      {unmapped && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginBottom: 16 }} />}
      {row && (
        <Form<TargetFormValues> form={form} name="energy-target" layout="vertical" onFinish={onFinish} initialValues={targetFormValues(row.target)} preserve={false}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('energy.field.basic')} htmlFor="energy-target_basic" required extra={t('energy.field.basicHelp')}>
                <Percent name="basic" id="energy-target_basic" rules={[{ required: true, message: t('energy.field.basicRequired') }]} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label={t('energy.field.incentive')} htmlFor="energy-target_incentive" extra={t('energy.field.incentiveHelp')}>
                <Percent name="incentive" id="energy-target_incentive" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('energy.field.source')} name="source" rules={[{ required: true, whitespace: true, message: t('energy.field.sourceRequired') }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Typography.Text strong>{t('energy.field.annual')}</Typography.Text>
          <Form.List name="annual">
            {(fields) =>
              fields.map((f) => {
                const year = form.getFieldValue(['annual', f.name, 'year']) as number;
                return (
                  <Row key={f.key} gutter={16} align="middle" style={{ marginTop: 8 }}>
                    <Col span={4}>{t('reporting.yearOption', { year })}</Col>
                    <Col span={10}>
                      <Form.Item label={t('energy.field.annualReduction')} htmlFor={`energy-target_r${year}`} style={{ margin: 0 }}>
                        <Percent name={[f.name, 'intensityReduction']} id={`energy-target_r${year}`} />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item label={t('energy.field.plannedGrowth')} htmlFor={`energy-target_g${year}`} style={{ margin: 0 }}>
                        <Percent name={[f.name, 'plannedGdpGrowth']} id={`energy-target_g${year}`} />
                      </Form.Item>
                    </Col>
                  </Row>
                );
              })
            }
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}

/** 目标: every region's basic and incentive targets and annual plan; the city sets them, others read. */
export function TargetsTab({ me, targets }: { me: Me; targets: UseQueryResult<Target[]> }) {
  const { t, locale } = useI18n();
  const regions = useQuery(regionsQuery());
  const [editing, setEditing] = useState<Row | null>(null);
  const canEdit = me.role === 'admin' || me.role === 'steering';
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const rows: Row[] = useMemo(
    () => (regions.data ?? []).filter((r) => me.role !== 'county' || r.code === me.regionCode).map((region) => ({ region, target: targets.data?.find((x) => x.regionCode === region.code) })),
    [regions.data, targets.data, me],
  );
  const annualText = (r: Row) =>
    (r.target?.annual ?? [])
      .map((a) => t('energy.target.annualItem', { year: a.year, reduction: formatRate(a.intensityReduction, 1), growth: formatRate(a.plannedGdpGrowth, 1) }))
      .join('；') || '—';
  const none = t('energy.target.none');
  const columns: ExportColumn<Row>[] = [
    { title: t('energy.col.region'), key: 'region', width: 120, render: (_, r) => r.region.name, exportValue: (r) => r.region.name },
    { title: t('energy.col.basic'), key: 'basic', width: 110, align: 'right', render: (_, r) => (r.target ? formatRate(r.target.basic, 1) : <Typography.Text type="secondary">{none}</Typography.Text>), exportValue: (r) => (r.target ? formatRate(r.target.basic, 1) : none) },
    { title: t('energy.col.incentive'), key: 'incentive', width: 100, align: 'right', render: (_, r) => formatRate(r.target?.incentive, 1), exportValue: (r) => formatRate(r.target?.incentive, 1) },
    { title: t('energy.col.annual'), key: 'annual', render: (_, r) => annualText(r), exportValue: annualText },
    { title: t('energy.col.source'), key: 'source', width: 220, render: (_, r) => r.target?.source ?? '—', exportValue: (r) => r.target?.source ?? null },
    { title: t('energy.col.updatedAt'), key: 'updatedAt', width: 120, render: (_, r) => (r.target ? time.format(new Date(r.target.updatedAt)) : '—'), exportValue: (r) => (r.target ? time.format(new Date(r.target.updatedAt)) : null) },
    ...(canEdit
      ? [
          {
            title: t('energy.col.actions'),
            key: 'edit',
            width: 100,
            render: (_: unknown, r: Row) => (
              <Button size="small" onClick={() => setEditing(r)} aria-label={t('energy.target.editOf', { name: r.region.name })}>
                {t('energy.target.edit')}
              </Button>
            ),
          } satisfies ExportColumn<Row>,
        ]
      : []),
  ];
  if (targets.isError) return <QueryError error={targets.error} onRetry={() => void targets.refetch()} />;
  const name = t('energy.targets');
  return (
    <>
      {!canEdit && <Alert type="info" showIcon message={t('energy.target.readOnly')} style={{ marginBottom: 12 }} />}
      <Table<Row>
        rowKey={(r) => r.region.code}
        size="small"
        loading={regions.isPending || targets.isPending}
        columns={columns}
        dataSource={rows}
        pagination={false}
        title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{name}</TableTitle>}
      />
      <TargetModal row={editing} onClose={() => setEditing(null)} />
    </>
  );
}

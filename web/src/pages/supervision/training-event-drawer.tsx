import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Switch, Table, Tag } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { QueryError } from '../../components/QueryError';
import { enterprisesQuery } from '../enterprises/queries';
import { ExcelImportButtons, ImportErrors } from '../reporting/ExcelImport';
import { type Attendance, attendanceTemplateUrl, eventQuery, useImportAttendance, useRecordAttendance } from './training-queries';

type Values = { kind: 'user' | 'enterprise'; userId?: number; enterpriseId?: number; name?: string; attended: boolean; certificateNo?: string };
const FIELDS = ['userId', 'enterpriseId', 'name', 'attended', 'certificateNo'] as const;

/**
 * A training event's attendance and the form to record one more: a platform user by id, or an enterprise's person
 * (its energy manager) by enterprise and name. The server decides who may record whom (a county: its own people).
 */
export function TrainingEventDrawer({ eventId, canRecord, onClose }: { eventId: number | null; canRecord: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({ ...eventQuery(eventId ?? 0), enabled: eventId !== null });
  const enterprises = useQuery({ ...enterprisesQuery({}), enabled: eventId !== null && canRecord });
  const record = useRecordAttendance(eventId ?? 0);
  const importer = useImportAttendance(eventId ?? 0);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'enterprise';
  const submit = ({ kind: k, userId, enterpriseId, name, attended, certificateNo }: Values) =>
    record.mutate(
      k === 'user' ? { userId, attended, certificateNo: certificateNo?.trim() || null } : { enterpriseId, name: name?.trim(), attended, certificateNo: certificateNo?.trim() || null },
      { onSuccess: () => form.resetFields(), onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, FIELDS)) },
    );
  const d = detail.data;
  return (
    <Drawer open={eventId !== null} onClose={onClose} width={760} title={d ? `${d.title}（${d.startsOn}）` : ''} destroyOnHidden>
      {detail.error ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {canRecord && (
        <>
          <Flex gap={8} style={{ marginBottom: 12 }}>
            <ExcelImportButtons
              templateHref={attendanceTemplateUrl}
              templateFileName={t('supervision.capacity.attendance.templateFile')}
              templateLabel={t('supervision.capacity.attendance.template')}
              importLabel={t('supervision.capacity.attendance.import')}
              importer={importer}
              importedMessage={(r) => t('supervision.capacity.attendance.imported', { n: r.imported })}
            />
          </Flex>
          <ImportErrors importer={importer} />
        </>
      )}
      <Table<Attendance>
        size="small"
        rowKey="id"
        pagination={false}
        loading={detail.isLoading}
        dataSource={d?.attendance}
        columns={[
          { title: t('supervision.capacity.attendance.name'), dataIndex: 'name' },
          { title: t('supervision.capacity.attendance.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('supervision.capacity.attendance.attended'), dataIndex: 'attended', render: (a: boolean) => (a ? t('supervision.capacity.expert.yes') : <Tag>{t('supervision.capacity.expert.no')}</Tag>) },
          { title: t('supervision.capacity.attendance.certificateNo'), dataIndex: 'certificateNo' },
        ]}
      />
      {canRecord && (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'enterprise', attended: true }} style={{ marginTop: 16 }}>
          <Form.Item name="kind" label={t('supervision.capacity.attendance.kind')}>
            <Radio.Group
              options={[
                { value: 'enterprise', label: t('supervision.capacity.attendance.enterprise') },
                { value: 'user', label: t('supervision.capacity.attendance.user') },
              ]}
            />
          </Form.Item>
          {kind === 'user' ? (
            <Form.Item name="userId" label={t('supervision.capacity.attendance.user')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="enterpriseId" label={t('supervision.capacity.attendance.enterprise')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
              </Form.Item>
              <Form.Item name="name" label={t('supervision.capacity.attendance.name')} rules={[{ required: true }]}>
                <Input maxLength={50} />
              </Form.Item>
            </>
          )}
          <Form.Item name="attended" label={t('supervision.capacity.attendance.attended')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('supervision.capacity.attendance.certificateNo')}>
            <Input maxLength={50} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('supervision.capacity.attendance.add')}
          </Button>
        </Form>
      )}
    </Drawer>
  );
}

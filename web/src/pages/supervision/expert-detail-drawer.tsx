import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Drawer, Form, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { EXPERT_RELATIONS } from '../../../../src/domain/supervision/expert-conflicts';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { problemToFields } from '../../components/form-errors';
import { QueryError } from '../../components/QueryError';
import { enterprisesQuery } from '../enterprises/queries';
import { conflictLabel } from './expert-labels';
import { type Assignment, expertQuery, type NewRelation, type Relation, useDeclareRelation } from './expert-queries';

type Values = { enterpriseId: number; relation: NewRelation['relation']; declaredOn?: Dayjs };
const FIELDS = ['enterpriseId', 'relation', 'declaredOn'] as const;

/** One expert: the relations declared with enterprises (a manager adds them) and the assignments with their conflicts. */
export function ExpertDetailDrawer({ expertId, canEdit, onClose }: { expertId: number | null; canEdit: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({ ...expertQuery(expertId ?? 0), enabled: expertId !== null });
  const enterprises = useQuery({ ...enterprisesQuery({}), enabled: expertId !== null && canEdit });
  const declare = useDeclareRelation(expertId ?? 0);
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    declare.mutate(
      { enterpriseId: v.enterpriseId, relation: v.relation, declaredOn: v.declaredOn?.format('YYYY-MM-DD') },
      { onSuccess: () => form.resetFields(), onError: (e) => e instanceof ApiError && form.setFields(problemToFields(e, FIELDS)) },
    );
  const d = detail.data;
  return (
    <Drawer open={expertId !== null} onClose={onClose} width={720} title={d?.name ?? ''} destroyOnHidden>
      {detail.error ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {d && (
        <>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('supervision.capacity.expert.fields')}>{d.fields.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.capacity.expert.organisation')}>{d.organisation}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('supervision.capacity.expert.relations')}</Typography.Title>
          <Table<Relation>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.relations}
            columns={[
              { title: t('supervision.capacity.relation.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('supervision.capacity.relation.kind'), dataIndex: 'relation', render: (r: Relation['relation']) => t(`supervision.capacity.relation.${r}`) },
              { title: t('supervision.capacity.relation.declaredOn'), dataIndex: 'declaredAt', render: (v: string) => v.slice(0, 10) },
            ]}
          />
          {canEdit && (
            <Form<Values> form={form} layout="inline" onFinish={submit} style={{ marginTop: 12 }}>
              <Form.Item name="enterpriseId" rules={[{ required: true, message: t('supervision.capacity.relation.enterprise') }]}>
                <Select showSearch optionFilterProp="label" style={{ width: 240 }} placeholder={t('supervision.capacity.relation.enterprise')} options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
              </Form.Item>
              <Form.Item name="relation" rules={[{ required: true, message: t('supervision.capacity.relation.kind') }]}>
                <Select style={{ width: 120 }} placeholder={t('supervision.capacity.relation.kind')} options={EXPERT_RELATIONS.map((r) => ({ value: r, label: t(`supervision.capacity.relation.${r}`) }))} />
              </Form.Item>
              <Form.Item name="declaredOn">
                <DatePicker placeholder={t('supervision.capacity.relation.declaredOn')} />
              </Form.Item>
              <Button htmlType="submit" loading={declare.isPending}>
                {t('supervision.capacity.relation.add')}
              </Button>
            </Form>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('supervision.capacity.assign.history')}
          </Typography.Title>
          <Table<Assignment>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.assignments}
            columns={[
              { title: t('supervision.capacity.assign.subjectKind'), dataIndex: 'subjectKind', render: (k: Assignment['subjectKind'], a) => `${t(`supervision.capacity.subject.${k}`)} #${a.subjectId}` },
              { title: t('supervision.capacity.relation.enterprise'), dataIndex: 'enterpriseName' },
              { title: t('supervision.capacity.assign.purpose'), dataIndex: 'purpose' },
              {
                title: t('supervision.capacity.expert.conflicts'),
                dataIndex: 'conflicts',
                render: (cs: string[], a) => (cs.length ? [...cs.map((c) => <Tag key={c} color="red">{conflictLabel(t, c)}</Tag>), <div key="r">{a.overrideReason}</div>] : t('supervision.capacity.expert.noConflict')),
              },
              { title: t('supervision.capacity.relation.declaredOn'), dataIndex: 'assignedAt', render: (v: string) => v.slice(0, 10) },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

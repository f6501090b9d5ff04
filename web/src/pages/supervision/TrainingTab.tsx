import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { departmentsQuery } from '../org/queries';
import { capacityRoleQuery } from './expert-queries';
import { TrainingEventDrawer } from './training-event-drawer';
import { TrainingEventModal } from './training-event-modal';
import { EnergyManagersTable } from './training-managers';
import { eventsQuery, type TrainingEvent } from './training-queries';

/**
 * 培训 (issue #11 item 3; plan 四（五）): the training events (the managers add them) with their attendance, recorded
 * by the managers, the inspector departments at their own events and the counties for their own people; then the key
 * units' energy managers and whether they were trained.
 */
export function TrainingTab() {
  const { t } = useI18n();
  const role = useQuery(capacityRoleQuery()).data?.role;
  const readsEvents = role === 'manager' || role === 'inspector' || role === 'county';
  const events = useQuery({ ...eventsQuery(), enabled: readsEvents });
  const departments = useQuery(departmentsQuery());
  const [editing, setEditing] = useState<TrainingEvent | null | 'new'>(null);
  const [showing, setShowing] = useState<number | null>(null);
  const deptName = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  if (!role) return null;
  if (role === 'none') return <Alert type="info" showIcon message={t('supervision.capacity.none')} />;
  return (
    <>
      {readsEvents && (
        <>
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('supervision.capacity.training.events')}
            </Typography.Title>
            {role === 'manager' && (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('supervision.capacity.training.add')}
              </Button>
            )}
          </Flex>
          {events.error ? (
            <QueryError error={events.error} onRetry={() => void events.refetch()} />
          ) : (
            <Table<TrainingEvent>
              rowKey="id"
              size="small"
              loading={events.isLoading}
              dataSource={events.data}
              style={{ marginBottom: 24 }}
              columns={[
                { title: t('supervision.capacity.training.title'), dataIndex: 'title', render: (title: string, e) => <Button type="link" size="small" onClick={() => setShowing(e.id)}>{title}</Button> },
                { title: t('supervision.capacity.training.audience'), dataIndex: 'audience', render: (a: TrainingEvent['audience']) => t(`supervision.capacity.audience.${a}`) },
                { title: t('supervision.capacity.training.startsOn'), dataIndex: 'startsOn' },
                { title: t('supervision.capacity.training.hours'), dataIndex: 'hours' },
                { title: t('supervision.capacity.training.location'), dataIndex: 'location' },
                { title: t('supervision.capacity.training.organiser'), dataIndex: 'organiserDepartmentId', render: (id: number | null) => (id ? (deptName.get(id) ?? '') : '') },
                { title: t('supervision.capacity.training.attendees'), dataIndex: 'attendees' },
                ...(role === 'manager'
                  ? [{ title: '', key: 'edit', render: (_: unknown, e: TrainingEvent) => <Button type="link" size="small" onClick={() => setEditing(e)}>{t('supervision.capacity.expert.edit')}</Button> }]
                  : []),
              ]}
            />
          )}
        </>
      )}
      <EnergyManagersTable role={role} />
      <TrainingEventModal open={editing !== null} event={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <TrainingEventDrawer eventId={showing} canRecord={readsEvents} onClose={() => setShowing(null)} />
    </>
  );
}

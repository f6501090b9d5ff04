import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { EXPERT_FIELDS } from '../../../../src/modules/supervision/capacity.schemas';
import { useI18n } from '../../app/i18n-context';
import { FilterSelect } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import { enterprisesQuery } from '../enterprises/queries';
import { localRegions, regionsQuery } from '../org/queries';
import { ExpertAssignModal } from './expert-assign-modal';
import { ExpertDetailDrawer } from './expert-detail-drawer';
import { ExpertFormModal } from './expert-form-modal';
import { conflictLabel } from './expert-labels';
import { capacityRoleQuery, type Expert, type ExpertFilter, expertsQuery } from './expert-queries';

/**
 * 专家库 (issue #11 item 3): the pool filtered by field, county and availability; for an enterprise, the candidates
 * without a conflict of interest first. Managers edit the pool and its declared relations; managers and inspector
 * departments assign; a county reads its own region's experts. Phones come only to the managers.
 */
export function ExpertsTab() {
  const { t } = useI18n();
  const role = useQuery(capacityRoleQuery()).data?.role;
  const [filter, setFilter] = useState<ExpertFilter>({});
  const experts = useQuery({ ...expertsQuery(filter), enabled: !!role && role !== 'none' });
  const regions = useQuery(regionsQuery());
  const enterprises = useQuery({ ...enterprisesQuery({}), enabled: role === 'manager' || role === 'inspector' });
  const [editing, setEditing] = useState<Expert | null | 'new'>(null);
  const [assigning, setAssigning] = useState<Expert | null>(null);
  const [showing, setShowing] = useState<number | null>(null);
  const isManager = role === 'manager';
  const canAssign = role === 'manager' || role === 'inspector';
  const regionName = new Map((regions.data ?? []).map((r) => [r.code, r.name]));
  const set = (patch: ExpertFilter) => setFilter((f) => ({ ...f, ...patch }));

  if (role === 'none') return <Alert type="info" showIcon message={t('supervision.capacity.none')} />;
  if (experts.error) return <QueryError error={experts.error} onRetry={() => void experts.refetch()} />;
  return (
    <>
      <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
        <FilterSelect<string> id="expert-field" label={t('supervision.capacity.expert.fields')} allowClear style={{ width: 160 }} options={EXPERT_FIELDS.map((f) => ({ value: f, label: f }))} onChange={(v) => set({ field: v })} />
        {role !== 'county' && (
          <FilterSelect<string> id="expert-region" label={t('supervision.capacity.expert.region')} allowClear style={{ width: 160 }} options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} onChange={(v) => set({ regionCode: v })} />
        )}
        <FilterSelect<string>
          id="expert-available"
          label={t('supervision.capacity.expert.available')}
          allowClear
          style={{ width: 140 }}
          options={[
            { value: 'true', label: t('supervision.capacity.expert.yes') },
            { value: 'false', label: t('supervision.capacity.expert.no') },
          ]}
          onChange={(v) => set({ available: v === undefined ? undefined : v === 'true' })}
        />
        {canAssign && (
          <FilterSelect<number>
            id="expert-for-enterprise"
            label={t('supervision.capacity.expert.forEnterprise')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 320 }}
            options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            onChange={(v) => set({ forEnterpriseId: v })}
          />
        )}
        {isManager && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('supervision.capacity.expert.add')}
          </Button>
        )}
      </Flex>
      <Table<Expert>
        rowKey="id"
        size="small"
        loading={experts.isLoading}
        dataSource={experts.data}
        columns={[
          { title: t('supervision.capacity.expert.name'), dataIndex: 'name' },
          { title: t('supervision.capacity.expert.fields'), dataIndex: 'fields', render: (fs: string[]) => fs.map((f) => <Tag key={f}>{f}</Tag>) },
          { title: t('supervision.capacity.expert.title'), dataIndex: 'title' },
          { title: t('supervision.capacity.expert.organisation'), dataIndex: 'organisation' },
          { title: t('supervision.capacity.expert.region'), dataIndex: 'regionCode', render: (c: string | null) => (c ? (regionName.get(c) ?? c) : '') },
          ...(isManager ? [{ title: t('supervision.capacity.expert.phone'), dataIndex: 'phone' }] : []),
          { title: t('supervision.capacity.expert.available'), dataIndex: 'available', render: (a: boolean) => (a ? t('supervision.capacity.expert.yes') : <Tag>{t('supervision.capacity.expert.no')}</Tag>) },
          ...(filter.forEnterpriseId
            ? [
                {
                  title: t('supervision.capacity.expert.conflicts'),
                  dataIndex: 'conflicts',
                  render: (cs: string[] | null) =>
                    cs?.length ? cs.map((c) => <Tag key={c} color="red">{conflictLabel(t, c)}</Tag>) : <Tag color="green">{t('supervision.capacity.expert.noConflict')}</Tag>,
                },
              ]
            : []),
          {
            title: '',
            key: 'actions',
            render: (_: unknown, e: Expert) => (
              <Space size="small">
                {isManager && (
                  <Button size="small" type="link" onClick={() => setEditing(e)}>
                    {t('supervision.capacity.expert.edit')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setShowing(e.id)}>
                  {t('supervision.capacity.expert.relations')}
                </Button>
                {canAssign && (
                  <Button size="small" type="link" onClick={() => setAssigning(e)}>
                    {t('supervision.capacity.expert.assign')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ExpertFormModal open={editing !== null} expert={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <ExpertAssignModal expert={assigning} onClose={() => setAssigning(null)} />
      <ExpertDetailDrawer expertId={showing} canEdit={isManager} onClose={() => setShowing(null)} />
    </>
  );
}

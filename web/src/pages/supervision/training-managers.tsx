import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { TRAINING_STATUSES } from '../../../../src/domain/supervision/training-status';
import { useI18n } from '../../app/i18n-context';
import { FilterSelect } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import { YearSelect } from '../../components/YearSelect';
import { localRegions, regionsQuery } from '../org/queries';
import type { CapacityRole } from './expert-queries';
import { type EnergyManager, type ManagerFilter, managersQuery, managersXlsxUrl } from './training-queries';

// The plan's period and a little after (十四五 2021–2025).
const YEARS = Array.from({ length: new Date().getFullYear() - 2020 }, (_, i) => new Date().getFullYear() - i);
const STATUS_COLOR: Record<EnergyManager['status'], string> = { 'no-manager': 'red', never: 'orange', earlier: 'gold', 'this-year': 'green' };

/**
 * 重点用能单位能源管理负责人 (plan 四（五）: one per key unit): each key unit's manager and training status in the year,
 * units without a manager first; filters by county and status; the provincial-layout .xlsx from the server.
 */
export function EnergyManagersTable({ role }: { role: CapacityRole }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ManagerFilter>({ year: new Date().getFullYear() });
  const rows = useQuery(managersQuery(filter));
  const regions = useQuery(regionsQuery());
  const regionName = new Map((regions.data ?? []).map((r) => [r.code, r.name]));
  const set = (patch: ManagerFilter) => setFilter((f) => ({ ...f, ...patch }));
  if (rows.error) return <QueryError error={rows.error} onRetry={() => void rows.refetch()} />;
  return (
    <>
      <Typography.Title level={5}>{t('supervision.capacity.managers.title')}</Typography.Title>
      <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
        <YearSelect id="manager-year" years={YEARS} value={filter.year!} onChange={(year) => set({ year })} />
        {role !== 'county' && role !== 'enterprise' && (
          <FilterSelect<string> id="manager-region" label={t('supervision.capacity.expert.region')} allowClear style={{ width: 160 }} options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} onChange={(v) => set({ regionCode: v })} />
        )}
        <FilterSelect<EnergyManager['status']>
          id="manager-status"
          label={t('supervision.capacity.managers.status')}
          allowClear
          style={{ width: 160 }}
          options={TRAINING_STATUSES.map((s) => ({ value: s, label: t(`supervision.capacity.status.${s}`) }))}
          onChange={(v) => set({ status: v })}
        />
        {role !== 'enterprise' && (
          <Button icon={<DownloadOutlined />} href={managersXlsxUrl(filter)}>
            {t('supervision.capacity.managers.export')}
          </Button>
        )}
      </Flex>
      <Table<EnergyManager>
        rowKey="enterpriseId"
        size="small"
        loading={rows.isLoading}
        dataSource={rows.data}
        columns={[
          { title: t('supervision.capacity.expert.region'), dataIndex: 'regionCode', render: (c: string) => regionName.get(c) ?? c },
          { title: t('supervision.capacity.managers.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('supervision.capacity.managers.uscc'), dataIndex: 'uscc' },
          { title: t('supervision.capacity.managers.manager'), dataIndex: 'manager' },
          ...(role === 'manager' ? [{ title: t('supervision.capacity.managers.phone'), dataIndex: 'managerPhone' }] : []),
          { title: t('supervision.capacity.managers.status'), dataIndex: 'status', render: (s: EnergyManager['status']) => <Tag color={STATUS_COLOR[s]}>{t(`supervision.capacity.status.${s}`)}</Tag> },
          { title: t('supervision.capacity.managers.lastTrainedOn'), dataIndex: 'lastTrainedOn' },
        ]}
      />
    </>
  );
}

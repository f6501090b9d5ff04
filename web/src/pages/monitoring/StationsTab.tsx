import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Flex, Input, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { MEDIA, type Medium } from '../../../../src/domain/monitoring/model';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { localRegions, regionsQuery } from '../org/queries';
import { canEditStation, canEditStations, factorName, formatValue, mediumKey, STATE_TAG, stateKey, type StationState, stationState } from './labels';
import { beijingTime } from './period';
import { type Station, type StationFilter, stationsQuery } from './queries';
import { SecretsModal } from './SecretsModal';
import { StationModal } from './StationModal';

const StationMap = lazy(() => import('./StationMap'));

type Row = Station & { state: StationState };

/** 监测站点: the registry in the user's scope with its filters, the map by state, 新增站点, edit and 设置密码/密钥. */
export function StationsTab({ me }: { me: Me }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<StationFilter>({});
  const [q, setQ] = useState('');
  const stations = useQuery(stationsQuery(filter));
  const regions = useQuery(regionsQuery());
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const [secrets, setSecrets] = useState<Station | null>(null);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const rows: Row[] = useMemo(() => (stations.data ?? []).map((s) => ({ ...s, state: stationState(s) })), [stations.data]);
  const mapStations = useMemo(() => rows.map((s) => ({ id: s.id, name: s.name, mn: s.mn, longitude: s.longitude, latitude: s.latitude, state: s.state })), [rows]);
  const set = (next: Partial<StationFilter>) => setFilter((f) => ({ ...f, ...next }));
  const latestText = (s: Row) => s.latest.map((l) => `${factorName(l.code)} ${formatValue(l.value)}`).join('；') || '—';

  const columns: ExportColumn<Row>[] = [
    { title: t('monitoring.station.mn'), dataIndex: 'mn', width: 200 },
    {
      title: t('monitoring.station.name'),
      dataIndex: 'name',
      width: 200,
      render: (_, s) => <Link to={`/monitoring/stations/${s.id}`}>{s.name}</Link>,
      exportValue: (s) => s.name,
    },
    { title: t('monitoring.station.enterprise'), key: 'enterprise', width: 180, render: (_, s) => s.enterpriseName ?? '—', exportValue: (s) => s.enterpriseName },
    { title: t('monitoring.region'), key: 'region', width: 100, render: (_, s) => regionName(s.regionCode), exportValue: (s) => regionName(s.regionCode) },
    { title: t('monitoring.station.medium'), key: 'medium', width: 80, render: (_, s) => t(mediumKey(s.medium)), exportValue: (s) => t(mediumKey(s.medium)) },
    { title: t('monitoring.station.outlet'), dataIndex: 'outlet', width: 90 },
    { title: t('monitoring.station.lastSeen'), key: 'lastSeen', width: 160, render: (_, s) => (s.lastSeenAt ? beijingTime(s.lastSeenAt) : '—'), exportValue: (s) => (s.lastSeenAt ? beijingTime(s.lastSeenAt) : null) },
    {
      title: t('monitoring.station.state'),
      key: 'state',
      width: 100,
      render: (_, s) => <Tag color={STATE_TAG[s.state]}>{t(stateKey(s.state))}</Tag>,
      exportValue: (s) => t(stateKey(s.state)),
    },
    {
      title: t('monitoring.station.openAlarms'),
      key: 'openAlarms',
      width: 90,
      align: 'right',
      render: (_, s) => (s.openAlarms ? <Badge count={s.openAlarms} overflowCount={999} /> : '0'),
      exportValue: (s) => s.openAlarms,
    },
    { title: t('monitoring.station.latest'), key: 'latest', width: 260, render: (_, s) => <Typography.Text style={{ fontSize: 12 }}>{latestText(s)}</Typography.Text>, exportValue: latestText },
    {
      title: t('monitoring.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, s) => (
        <Space size={0} wrap>
          <Button size="small" type="link" onClick={() => navigate(`/monitoring/stations/${s.id}`)} aria-label={t('monitoring.station.openOf', { name: s.name })}>
            {t('monitoring.station.open')}
          </Button>
          {canEditStation(me, s) && (
            <>
              <Button size="small" type="link" onClick={() => setEditing(s)} aria-label={t('monitoring.station.editOf', { name: s.name })}>
                {t('monitoring.station.edit')}
              </Button>
              <Button size="small" type="link" onClick={() => setSecrets(s)} aria-label={t('monitoring.secrets.titleOf', { name: s.name })}>
                {t('monitoring.secrets.button')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];
  const name = t('monitoring.stations.list');
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        {me.role !== 'county' && me.role !== 'enterprise' && (
          <FilterSelect<string>
            id="mon-f-region"
            label={t('monitoring.region')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            value={filter.regionCode}
            onChange={(v) => set({ regionCode: v })}
            options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        <FilterSelect<Medium> id="mon-f-medium" label={t('monitoring.station.medium')} allowClear style={{ width: 120 }} value={filter.medium} onChange={(v) => set({ medium: v })} options={MEDIA.map((m) => ({ value: m, label: t(mediumKey(m)) }))} />
        <HiddenLabel htmlFor="mon-f-q">{t('monitoring.stations.search')}</HiddenLabel>
        <Input.Search id="mon-f-q" allowClear placeholder={t('monitoring.stations.search')} style={{ width: 280 }} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} />
        {canEditStations(me) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('monitoring.station.new')}
          </Button>
        )}
      </Flex>
      {stations.isError ? (
        <QueryError error={stations.error} onRetry={() => void stations.refetch()} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <StationMap stations={mapStations} onOpen={(id) => navigate(`/monitoring/stations/${id}`)} />
          </Suspense>
          <Table<Row>
            rowKey="id"
            size="small"
            loading={stations.isPending}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 1700 }}
            locale={{ emptyText: t('monitoring.stations.empty') }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{name}</TableTitle>}
          />
        </>
      )}
      <StationModal me={me} station={editing} regions={regions.data ?? []} onClose={() => setEditing(null)} />
      <SecretsModal station={secrets} onClose={() => setSecrets(null)} />
    </Flex>
  );
}

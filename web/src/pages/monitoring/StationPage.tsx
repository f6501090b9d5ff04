import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Result, Skeleton, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { regionsQuery } from '../org/queries';
import { AlarmsTable } from './AlarmsTable';
import { HistoryPanel } from './HistoryPanel';
import { type Live, LiveCharts, useLiveSeries } from './LiveCharts';
import { latestOf } from './live';
import { basisKey, editionKey, encryptionKey, factorLabel, flagText, formatValue, mediumKey, STATE_TAG, stateKey, stationState } from './labels';
import { beijingTime } from './period';
import { alarmsQuery, type Station, stationQuery } from './queries';

type Latest = ReturnType<typeof latestOf>[number];

/** The station's latest value of each factor beside its limit, moving with the live stream. */
function LatestTable({ station, live }: { station: Station; live: Live }) {
  const { t } = useI18n();
  const limitOf = (code: string) => station.factors.find((f) => f.code === code);
  const limitText = (code: string) => {
    const f = limitOf(code);
    if (!f || (f.upper === null && f.lower === null)) return '—';
    const range = f.lower !== null && f.upper !== null ? `${f.lower}–${f.upper}` : f.upper !== null ? `≤ ${f.upper}` : `≥ ${f.lower}`;
    return `${range}（${t(basisKey(f.basis))}）`;
  };
  return (
    <Table<Latest>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={latestOf(station.latest, live.series)}
      locale={{ emptyText: t('monitoring.station.noData') }}
      columns={[
        { title: t('monitoring.alarm.factor'), key: 'factor', render: (_, l) => factorLabel(l.code, limitOf(l.code)?.unit) },
        { title: t('monitoring.station.latestValue'), key: 'value', align: 'right', render: (_, l) => formatValue(l.value) },
        { title: t('monitoring.station.limit'), key: 'limit', render: (_, l) => limitText(l.code) },
        { title: t('monitoring.station.flag'), key: 'flag', render: (_, l) => flagText(l.flag, t) },
        { title: t('monitoring.station.at'), key: 'at', render: (_, l) => beijingTime(l.at) },
      ]}
    />
  );
}

/** The live charts, the history and 最新数据, over one live stream (a component of its own: the stream needs the loaded station). */
function LiveParts({ station }: { station: Station }) {
  const { t } = useI18n();
  const live = useLiveSeries(station);
  return (
    <>
      <LiveCharts station={station} live={live} />
      <HistoryPanel station={station} />
      <Card size="small" title={t('monitoring.station.latest')}>
        <LatestTable station={station} live={live} />
      </Card>
    </>
  );
}

/** /monitoring/stations/:id: the station's facts, its live charts, history, latest values and alarms; not found outside the user's scope. */
export function StationPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const station = useQuery({ ...stationQuery(id), enabled: valid });
  const alarms = useQuery({ ...alarmsQuery({ stationId: id }), enabled: valid });
  const regions = useQuery(regionsQuery());

  if (!valid || (station.error instanceof ApiError && station.error.status === 404)) {
    return (
      <>
        <PageTitle>{t('monitoring.station.notFound')}</PageTitle>
        <Result
          status="404"
          title={t('monitoring.station.notFound')}
          subTitle={t('monitoring.station.notFoundDetail')}
          extra={
            <Link to="/monitoring">
              <Button type="primary">{t('monitoring.back')}</Button>
            </Link>
          }
        />
      </>
    );
  }
  if (station.isError) return <QueryError error={station.error} onRetry={() => void station.refetch()} />;
  if (!station.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const s = station.data;
  const state = stationState(s);
  const regionName = regions.data?.find((r) => r.code === s.regionCode)?.name ?? s.regionCode;
  return (
    <>
      <PageTitle>{t('monitoring.station.pageTitle', { name: s.name })}</PageTitle>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 3, xl: 4 }}>
            <Descriptions.Item label={t('monitoring.station.mn')}>{s.mn}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.enterprise')}>{s.enterpriseName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.region')}>{regionName}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.medium')}>
              {t(mediumKey(s.medium))} · ST {s.st}
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.outlet')}>{s.outlet || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.lastSeen')}>{s.lastSeenAt ? beijingTime(s.lastSeenAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.state')}>
              <Tag color={STATE_TAG[state]}>{t(stateKey(state))}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.openAlarms')}>{s.openAlarms}</Descriptions.Item>
            <Descriptions.Item label={t('monitoring.station.edition')}>
              {t(editionKey(s.edition))} · {t(encryptionKey(s.encryption))}
            </Descriptions.Item>
            {s.o2Reference !== null && <Descriptions.Item label={t('monitoring.station.o2Reference')}>{s.o2Reference} %</Descriptions.Item>}
          </Descriptions>
        </Card>
        <LiveParts station={s} />
        {alarms.isError ? (
          <QueryError error={alarms.error} onRetry={() => void alarms.refetch()} />
        ) : (
          <AlarmsTable alarms={alarms.data ?? []} loading={alarms.isPending} name={t('monitoring.alarm.listOf', { name: s.name })} compact />
        )}
      </Flex>
    </>
  );
}

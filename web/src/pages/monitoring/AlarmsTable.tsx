import { Button, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AlarmAction } from '../../../../src/domain/monitoring/model';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { AlarmActionModal } from './AlarmActionModal';
import { actionKey, alarmActions, basisKey, factorName, flagText, formatValue, historyKey, KIND_TAG, kindKey, STATUS_TAG, statusKey } from './labels';
import { beijingTime } from './period';
import type { Alarm } from './queries';

type Props = {
  alarms: readonly Alarm[];
  loading: boolean;
  /** Names the table and its export. */
  name: string;
  /** Leave out the station and region columns (on a station's own page). */
  compact?: boolean;
  regionName?: (code: string) => string;
  extra?: React.ReactNode;
};

/** An alarm's steps, oldest first: who did what and when, with the note. */
function AlarmHistory({ alarm }: { alarm: Alarm }) {
  const { t } = useI18n();
  if (!alarm.history.length) return <Typography.Text type="secondary">{t('monitoring.alarm.noHistory')}</Typography.Text>;
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16 }}
      items={alarm.history.map((h) => ({
        children: (
          <>
            <Typography.Text strong>{t(historyKey(h.action))}</Typography.Text> · {h.actorName} · {beijingTime(h.at)}
            {h.note && <div>{h.note}</div>}
          </>
        ),
      }))}
    />
  );
}

/** 报警 with kind and status tags, value vs limit on its basis, first/last time and occurrences, the next steps, and the history. */
export function AlarmsTable({ alarms, loading, name, compact, regionName = (c) => c, extra }: Props) {
  const { t } = useI18n();
  const [acting, setActing] = useState<{ alarm: Alarm; action: AlarmAction } | null>(null);
  const valueText = (a: Alarm) => (a.value === null ? flagText(a.flag, t) : `${formatValue(a.value)} / ${formatValue(a.limit)}`);
  const basisText = (a: Alarm) => (a.basis ? t(basisKey(a.basis)) : '—');
  const historyText = (a: Alarm) => a.history.map((h) => `${beijingTime(h.at)} ${t(historyKey(h.action))} ${h.actorName}${h.note ? `：${h.note}` : ''}`).join('\n') || null;

  const columns: ExportColumn<Alarm>[] = [
    { title: t('monitoring.alarm.kind'), key: 'kind', width: 110, render: (_, a) => <Tag color={KIND_TAG[a.kind]}>{t(kindKey(a.kind))}</Tag>, exportValue: (a) => t(kindKey(a.kind)) },
    { title: t('monitoring.alarm.status'), key: 'status', width: 90, render: (_, a) => <Tag color={STATUS_TAG[a.status]}>{t(statusKey(a.status))}</Tag>, exportValue: (a) => t(statusKey(a.status)) },
    ...(compact
      ? []
      : ([
          { title: t('monitoring.station.name'), key: 'station', width: 180, render: (_, a) => <Link to={`/monitoring/stations/${a.stationId}`}>{a.stationName}</Link>, exportValue: (a) => a.stationName },
          { title: t('monitoring.station.mn'), dataIndex: 'mn', width: 190, hidden: true },
          { title: t('monitoring.station.enterprise'), key: 'enterprise', width: 160, render: (_, a) => a.enterpriseName ?? '—', exportValue: (a) => a.enterpriseName },
          { title: t('monitoring.region'), key: 'region', width: 90, render: (_, a) => regionName(a.regionCode), exportValue: (a) => regionName(a.regionCode) },
        ] satisfies ExportColumn<Alarm>[])),
    { title: t('monitoring.alarm.factor'), key: 'factor', width: 110, render: (_, a) => (a.factor ? factorName(a.factor) : '—'), exportValue: (a) => (a.factor ? factorName(a.factor) : null) },
    { title: t('monitoring.alarm.valueVsLimit'), key: 'value', width: 130, align: 'right', render: (_, a) => valueText(a), exportValue: valueText },
    { title: t('monitoring.alarm.value'), key: 'v', hidden: true, exportValue: (a) => a.value },
    { title: t('monitoring.alarm.limit'), key: 'l', hidden: true, exportValue: (a) => a.limit },
    { title: t('monitoring.alarm.basis'), key: 'basis', width: 70, render: (_, a) => basisText(a), exportValue: basisText },
    { title: t('monitoring.alarm.message'), dataIndex: 'message', width: 260 },
    { title: t('monitoring.alarm.firstAt'), key: 'firstAt', width: 160, render: (_, a) => beijingTime(a.firstAt), exportValue: (a) => beijingTime(a.firstAt) },
    { title: t('monitoring.alarm.lastAt'), key: 'lastAt', width: 160, render: (_, a) => beijingTime(a.lastAt), exportValue: (a) => beijingTime(a.lastAt) },
    { title: t('monitoring.alarm.occurrences'), dataIndex: 'occurrences', width: 70, align: 'right' },
    { title: t('monitoring.alarm.history'), key: 'history', hidden: true, exportValue: historyText },
    {
      title: t('monitoring.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, a) => (
        <Space size={0} wrap>
          {alarmActions(a.status).map((action) => (
            <Button
              key={action}
              size="small"
              type={action === 'close' ? 'link' : 'primary'}
              ghost={action !== 'close'}
              onClick={() => setActing({ alarm: a, action })}
              aria-label={t('monitoring.alarm.actionOf', { action: t(actionKey(action)), id: a.id })}
            >
              {t(actionKey(action))}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<Alarm>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={[...alarms]}
        scroll={{ x: compact ? 1300 : 1800 }}
        expandable={{ expandedRowRender: (a) => <AlarmHistory alarm={a} /> }}
        locale={{ emptyText: t('monitoring.alarm.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        title={() => (
          <TableTitle
            extra={
              <Space wrap>
                {extra}
                <ExportButton name={name} columns={columns} rows={alarms} />
              </Space>
            }
          >
            {name}
          </TableTitle>
        )}
      />
      <AlarmActionModal alarm={acting?.alarm ?? null} action={acting?.action ?? null} onClose={() => setActing(null)} />
    </>
  );
}

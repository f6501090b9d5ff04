import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { ALARM_KINDS, ALARM_STATUSES, type AlarmKind, type AlarmStatus } from '../../../../src/domain/monitoring/model';
import { useI18n } from '../../app/i18n-context';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { Me } from '../auth/queries';
import { localRegions, regionsQuery } from '../org/queries';
import { type AlarmView, alarmViewOf, withAlarmView } from './alarm-url';
import { AlarmsTable } from './AlarmsTable';
import { kindKey, statusKey } from './labels';
import { dayWindow } from './period';
import { alarmsQuery, stationsQuery } from './queries';

/** 报警中心: every alarm in the user's scope, filtered by status, kind, region, station and date (kept in the address); acted on in place. */
export function AlarmsTab({ me }: { me: Me }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { range, ...filter } = alarmViewOf(params);
  const defined = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const alarms = useQuery(alarmsQuery({ ...defined, ...(range ? dayWindow(range) : {}) }));
  const regions = useQuery(regionsQuery());
  const stations = useQuery(stationsQuery({}));
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const set = (next: Partial<AlarmView>) => setParams((p) => withAlarmView(p, { ...alarmViewOf(p), ...next }), { replace: true });
  const pickRange = (v: [Dayjs | null, Dayjs | null] | null) => set({ range: v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null });

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <FilterSelect<AlarmStatus> id="mon-a-status" label={t('monitoring.alarm.status')} allowClear style={{ width: 120 }} value={filter.status} onChange={(v) => set({ status: v })} options={ALARM_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
        <FilterSelect<AlarmKind> id="mon-a-kind" label={t('monitoring.alarm.kind')} allowClear style={{ width: 150 }} value={filter.kind} onChange={(v) => set({ kind: v })} options={ALARM_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))} />
        {me.role !== 'county' && me.role !== 'enterprise' && (
          <FilterSelect<string>
            id="mon-a-region"
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
        <FilterSelect<number>
          id="mon-a-station"
          label={t('monitoring.alarm.station')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          value={typeof filter.stationId === 'number' ? filter.stationId : undefined}
          onChange={(v) => set({ stationId: v })}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: `${s.name} ${s.mn}` }))}
        />
        <HiddenLabel htmlFor="mon-a-range">{t('monitoring.range')}</HiddenLabel>
        <DatePicker.RangePicker id="mon-a-range" value={range ? [dayjs(range[0]), dayjs(range[1])] : null} onChange={pickRange} />
      </Flex>
      {alarms.isError ? (
        <QueryError error={alarms.error} onRetry={() => void alarms.refetch()} />
      ) : (
        <AlarmsTable alarms={alarms.data ?? []} loading={alarms.isPending} name={t('monitoring.alarm.list')} regionName={regionName} />
      )}
    </Flex>
  );
}

import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Space, Table, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { localRegions, regionsQuery } from '../org/queries';
import { rateColour } from './charts';
import { exportRows, rangeTotals, type StationDays } from './completeness';
import { formatRate } from './labels';
import { type DayRange, daysOf, lastDays } from './period';
import { completenessQuery } from './queries';

type ExportRow = ReturnType<typeof exportRows>[number];

/** 数据有效传输率: per station per day, a heat map of 有效传输率 (传输率 and 有效率 on hover), the range's totals, and the export. */
export function CompletenessTab({ me }: { me: Me }) {
  const { t } = useI18n();
  const [range, setRange] = useState<DayRange>(() => lastDays(7, new Date()));
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const data = useQuery(completenessQuery({ from: range[0], to: range[1], regionCode }));
  const regions = useQuery(regionsQuery());
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const days = useMemo(() => daysOf(range), [range]);
  const rows = data.data ?? [];
  const pickRange = (v: [Dayjs | null, Dayjs | null] | null) => {
    if (v?.[0] && v[1]) setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')]);
  };

  const dayCell = (s: StationDays, day: string) => {
    const d = s.days.find((x) => x.date === day);
    if (!d) return <span style={{ color: '#bfbfbf' }}>—</span>;
    return (
      <Tooltip title={t('monitoring.completeness.cellTip', { received: d.received, expected: d.expected, valid: d.valid, transmission: formatRate(d.transmissionRate), validRate: formatRate(d.validRate) })}>
        <div style={{ background: rateColour(d.expected > 0 ? d.effectiveRate : null), padding: '2px 4px', textAlign: 'right' }}>{formatRate(d.effectiveRate)}</div>
      </Tooltip>
    );
  };
  const columns = [
    { title: t('monitoring.station.name'), dataIndex: 'stationName', width: 180, fixed: 'left' as const },
    { title: t('monitoring.region'), key: 'region', width: 90, render: (_: unknown, s: StationDays) => regionName(s.regionCode) },
    ...days.map((day) => ({ title: day.slice(5), key: day, width: 76, render: (_: unknown, s: StationDays) => dayCell(s, day) })),
    { title: t('monitoring.completeness.transmission'), key: 'tr', width: 90, align: 'right' as const, render: (_: unknown, s: StationDays) => formatRate(rangeTotals(s.days).transmissionRate) },
    { title: t('monitoring.completeness.valid'), key: 'vr', width: 90, align: 'right' as const, render: (_: unknown, s: StationDays) => formatRate(rangeTotals(s.days).validRate) },
    {
      title: t('monitoring.completeness.effective'),
      key: 'er',
      width: 110,
      align: 'right' as const,
      render: (_: unknown, s: StationDays) => <Typography.Text strong>{formatRate(rangeTotals(s.days).effectiveRate)}</Typography.Text>,
    },
  ];
  // The export is one row per station per day, with the counts and the three rates as numbers.
  const exportColumns: ExportColumn<ExportRow>[] = [
    { title: t('monitoring.station.name'), dataIndex: 'stationName' },
    { title: t('monitoring.region'), key: 'region', exportValue: (r) => regionName(r.regionCode) },
    { title: t('monitoring.completeness.date'), dataIndex: 'date' },
    { title: t('monitoring.completeness.expected'), dataIndex: 'expected' },
    { title: t('monitoring.completeness.received'), dataIndex: 'received' },
    { title: t('monitoring.completeness.validCount'), dataIndex: 'valid' },
    { title: t('monitoring.completeness.transmission'), dataIndex: 'transmissionRate' },
    { title: t('monitoring.completeness.valid'), dataIndex: 'validRate' },
    { title: t('monitoring.completeness.effective'), dataIndex: 'effectiveRate' },
  ];
  const name = t('monitoring.completeness.title');
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <HiddenLabel htmlFor="mon-c-range">{t('monitoring.range')}</HiddenLabel>
        <DatePicker.RangePicker id="mon-c-range" allowClear={false} value={[dayjs(range[0]), dayjs(range[1])]} onChange={pickRange} />
        {me.role !== 'county' && me.role !== 'enterprise' && (
          <FilterSelect<string>
            id="mon-c-region"
            label={t('monitoring.region')}
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 150 }}
            value={regionCode}
            onChange={setRegionCode}
            options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
        )}
        <Typography.Text type="secondary">{t('monitoring.completeness.basis')}</Typography.Text>
      </Flex>
      {data.isError ? (
        <QueryError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Table<StationDays>
          rowKey="stationId"
          size="small"
          loading={data.isPending}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 560 + days.length * 76 }}
          locale={{ emptyText: t('monitoring.stations.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          title={() => (
            <TableTitle
              extra={
                <Space>
                  <ExportButton name={name} columns={exportColumns} rows={exportRows(rows)} />
                </Space>
              }
            >
              {name}
            </TableTitle>
          )}
        />
      )}
    </Flex>
  );
}

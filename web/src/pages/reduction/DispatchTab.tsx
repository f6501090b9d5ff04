import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { POLLUTANTS } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { localRegions, regionsQuery } from '../org/queries';
import { AwaitingQueue } from './AwaitingQueue';
import { DispatchModal } from './DispatchModal';
import { formatMonth, formatTonnes, round2 } from './format';
import { DISPATCH_TAG, dispatchStatusKey, pollutantKey, STATUS_TAG, statusKey } from './labels';
import { bulletinPdfUrl, type DispatchRow, dispatchTableQuery, dispatchXlsxUrl } from './queries';
import { canDispatch, mayVerify } from './roles';

type Props = { me: Me; month: string; onMonth: (m: string) => void; onOpen: (projectId: number) => void };

/** 月度调度: the bureau's 待核查 queue, the month's table (a row per registered project, overdue ones tagged 逾期), 填报, and the 调度表 / 月度通报 downloads. */
export function DispatchTab({ me, month, onMonth, onOpen }: Props) {
  const { t, locale } = useI18n();
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const table = useQuery(dispatchTableQuery(month, regionCode));
  const regions = useQuery(regionsQuery());
  const [filling, setFilling] = useState<DispatchRow | null>(null);
  const [isFilling, setIsFilling] = useState(false);
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const rows = table.data?.rows ?? [];
  const status = (r: DispatchRow) => r.dispatch?.projectStatus ?? (r.project.status === 'verified' ? null : r.project.status);
  const accounted = (r: DispatchRow, p: (typeof POLLUTANTS)[number]) => r.dispatch?.accounting.pollutants.find((x) => x.pollutant === p)?.countable_t ?? null;
  const dates = (r: DispatchRow) => {
    const d = r.dispatch?.dates;
    if (!d) return '';
    return [
      d.actualStart && `${t('reduction.dispatch.actualStart')} ${d.actualStart}`,
      d.completion && `${t('reduction.dispatch.completion')} ${d.completion}`,
      d.eventDate && `${t('reduction.dispatch.eventDate')} ${d.eventDate}`,
      d.endDate && `${t('reduction.dispatch.endDate')} ${d.endDate}`,
    ]
      .filter(Boolean)
      .join('；');
  };
  const progress = (r: DispatchRow) => [r.dispatch?.progressPct != null ? `${r.dispatch.progressPct}%` : '', r.dispatch?.progressNote ?? ''].filter(Boolean).join(' ');

  const columns: ExportColumn<DispatchRow>[] = [
    { title: t('reduction.project.code'), key: 'code', width: 140, render: (_, r) => r.project.code, exportValue: (r) => r.project.code },
    {
      title: t('reduction.project.name'),
      key: 'name',
      width: 200,
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }} onClick={() => onOpen(r.project.id)}>
          {r.project.name}
        </Button>
      ),
      exportValue: (r) => r.project.name,
    },
    { title: t('reduction.region'), key: 'region', width: 90, render: (_, r) => regionName(r.project.regionCode), exportValue: (r) => regionName(r.project.regionCode) },
    {
      title: t('reduction.dispatch.projectStatus'),
      key: 'ps',
      width: 100,
      render: (_, r) => {
        const s = status(r);
        return s ? <Tag color={STATUS_TAG[s]}>{t(statusKey(s))}</Tag> : '—';
      },
      exportValue: (r) => {
        const s = status(r);
        return s ? t(statusKey(s)) : null;
      },
    },
    { title: t('reduction.dispatch.progress'), key: 'pr', width: 160, render: (_, r) => progress(r) || '—', exportValue: (r) => progress(r) || null },
    { title: t('reduction.dispatch.dates'), key: 'dates', width: 220, render: (_, r) => dates(r) || '—', exportValue: (r) => dates(r) || null },
    ...POLLUTANTS.map((p) => ({
      title: `${t(pollutantKey(p))}（${t('reduction.unit.t')}）`,
      key: `t-${p}`,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: DispatchRow) => (r.project.pollutants.includes(p) ? formatTonnes(accounted(r, p), locale) : ''),
      exportValue: (r: DispatchRow) => {
        const v = accounted(r, p);
        return v === null || !r.project.pollutants.includes(p) ? null : round2(v);
      },
    })),
    {
      title: t('reduction.dispatch.status'),
      key: 'ds',
      width: 140,
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.dispatch ? <Tag color={DISPATCH_TAG[r.dispatch.status]}>{t(dispatchStatusKey(r.dispatch.status))}</Tag> : <Tag>{t(dispatchStatusKey(null))}</Tag>}
          {r.overdue && <Tag color="red">{t('reduction.dispatch.overdue')}</Tag>}
        </Flex>
      ),
      exportValue: (r) => [t(dispatchStatusKey(r.dispatch?.status ?? null)), r.overdue ? t('reduction.dispatch.overdue') : ''].filter(Boolean).join(' '),
    },
    {
      title: t('reduction.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, r) =>
        canDispatch(me, r.project) && r.dispatch?.status !== 'submitted' ? (
          <Button
            size="small"
            type="primary"
            ghost
            onClick={() => {
              setFilling(r);
              setIsFilling(true);
            }}
            aria-label={t('reduction.dispatch.fillOf', { name: r.project.name, month: formatMonth(month, locale) })}
          >
            {t('reduction.dispatch.fill')}
          </Button>
        ) : null,
    },
  ];
  const name = t('reduction.dispatch.table', { month: formatMonth(month, locale) });
  return (
    <Flex vertical gap={16}>
      {mayVerify(me) && <AwaitingQueue regionName={regionName} onOpen={onOpen} />}
      <Flex wrap gap={8} align="center" justify="space-between">
        <Flex wrap gap={8} align="center">
          <HiddenLabel htmlFor="red-month">{t('reduction.dispatch.month')}</HiddenLabel>
          <DatePicker id="red-month" picker="month" allowClear={false} format="YYYY-MM" value={dayjs(`${month}-01`)} onChange={(d) => d && onMonth(d.format('YYYY-MM'))} />
          {me.role !== 'county' && (
            <FilterSelect<string>
              id="red-d-region"
              label={t('reduction.project.region')}
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 150 }}
              value={regionCode}
              onChange={setRegionCode}
              options={localRegions(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          )}
          {table.data && <Typography.Text type="secondary">{t('reduction.dispatch.due', { date: table.data.dueDate })}</Typography.Text>}
        </Flex>
        <Flex wrap gap={8}>
          <Button icon={<DownloadOutlined />} href={dispatchXlsxUrl(month, regionCode)} download>
            {t('reduction.dispatch.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={bulletinPdfUrl(month)} download>
            {t('reduction.dispatch.pdf')}
          </Button>
        </Flex>
      </Flex>
      {table.isError ? (
        <QueryError error={table.error} onRetry={() => void table.refetch()} />
      ) : (
        <Table<DispatchRow>
          rowKey={(r) => r.project.id}
          size="small"
          loading={table.isPending}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1700 }}
          locale={{ emptyText: t('reduction.dispatch.empty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          title={() => <TableTitle extra={<ExportButton name={name} columns={columns} rows={rows} />}>{name}</TableTitle>}
        />
      )}
      <DispatchModal open={isFilling} project={filling?.project ?? null} month={month} last={filling?.dispatch ?? null} onClose={() => setIsFilling(false)} afterClose={() => setFilling(null)} />
    </Flex>
  );
}

import { useQuery } from '@tanstack/react-query';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Flex, InputNumber, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { useMe } from '../../app/use-me';
import { ExportButton } from '../../components/ExportButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { problemDetail } from '../../components/problem-text';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { RegionOut } from '../../../../src/modules/org/schemas';
import { formatQuantity } from '../plan/format';
import { allocationMode, baselinesWithoutTarget, type ShareValues, toBaselines, toShares, toValues } from './allocation';
import { type Allocation, type AllocationCheck, allocationQuery, useSetAllocations } from './queries';
import { useNames } from './use-names';

type Region = Pick<RegionOut, 'code' | 'name' | 'kind'>;

/** Whether the shares cover the city target (additive indicators), or why they cannot be added up. */
function CheckView({ check, unit }: { check: AllocationCheck; unit: string | null }) {
  const { t, locale } = useI18n();
  if (!check.additive)
    return <Alert type="info" showIcon message={t(check.reason === 'rate' ? 'reporting.alloc.rateNote' : 'reporting.alloc.noTargetNote')} style={{ marginBottom: 12 }} />;
  const q = (v: number) => formatQuantity(v, unit, locale);
  return (
    <Descriptions size="small" bordered column={4} style={{ marginBottom: 12 }} aria-label={t('reporting.alloc.check')}>
      <Descriptions.Item label={t('reporting.alloc.sum')}>{q(check.sum)}</Descriptions.Item>
      <Descriptions.Item label={t('reporting.alloc.cityTarget')}>{q(check.cityTarget)}</Descriptions.Item>
      <Descriptions.Item label={t('reporting.alloc.gap')}>{q(check.gap)}</Descriptions.Item>
      <Descriptions.Item label={t('reporting.status')}>
        <Tag color={check.isCovered ? 'green' : 'red'}>{t(check.isCovered ? 'reporting.alloc.covered' : 'reporting.alloc.short')}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The steering office's editor of one indicator's shares, one row per county or zone. */
function Editor({ allocation, regions }: { allocation: Allocation; regions: Region[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [values, setValues] = useState<ShareValues>(() => toValues(allocation.shares));
  const [baselines, setBaselines] = useState<ShareValues>(() => toBaselines(allocation.shares));
  const save = useSetAllocations(allocation.indicator.id);
  const unit = allocation.indicator.unit;
  const error = save.error instanceof ApiError ? save.error : null;
  const columns: ExportColumn<Region>[] = [
    { title: t('reporting.region'), dataIndex: 'name' },
    {
      title: t('reporting.alloc.share'),
      key: 'share',
      width: 260,
      render: (_, r) => (
        <Space.Compact block>
          <InputNumber
            aria-label={t('reporting.alloc.shareOf', { region: r.name })}
            min={0}
            style={{ width: '100%' }}
            value={values[r.code] ?? null}
            onChange={(v) => setValues((old) => ({ ...old, [r.code]: v }))}
          />
          {unit && <Space.Addon>{unit}</Space.Addon>}
        </Space.Compact>
      ),
      exportValue: (r) => values[r.code] ?? null,
    },
    {
      // Shown as an icon in the header cell; the export keeps the plain title.
      title: t('settings.alloc.baseline'),
      key: 'baseline',
      width: 220,
      render: (_, r) => (
        <Space.Compact block>
          <InputNumber
            aria-label={t('settings.alloc.baselineOf', { region: r.name })}
            style={{ width: '100%' }}
            placeholder={t('settings.alloc.baselineOptional')}
            value={baselines[r.code] ?? null}
            onChange={(v) => setBaselines((old) => ({ ...old, [r.code]: v }))}
          />
          {unit && <Space.Addon>{unit}</Space.Addon>}
        </Space.Compact>
      ),
      exportValue: (r) => baselines[r.code] ?? null,
    },
    { title: t('plan.unit'), key: 'unit', hidden: true, exportValue: () => unit },
  ];
  const shown = columns.map((c) =>
    c.key === 'baseline'
      ? {
          ...c,
          title: (
            <Flex gap={4} align="center">
              {c.title}
              <Tooltip title={t('settings.alloc.baselineHelp')}>
                <QuestionCircleOutlined aria-label={t('settings.alloc.baselineHelpLabel')} style={{ color: 'rgba(0,0,0,0.45)' }} />
              </Tooltip>
            </Flex>
          ),
        }
      : c,
  );
  const codes = regions.map((r) => r.code);
  const orphans = baselinesWithoutTarget(codes, values, baselines);
  const onSave = () =>
    save.mutate(toShares(codes, values, baselines), { onSuccess: () => void message.success(t('reporting.alloc.saved')) });
  return (
    <>
      {allocation.check && <CheckView check={allocation.check} unit={unit} />}
      <Table<Region>
        rowKey="code"
        size="small"
        columns={shown}
        dataSource={regions}
        pagination={false}
        title={() => <ExportButton name={`${t('reporting.tab.cascade')}-${allocation.indicator.code}`} columns={columns} rows={regions} />}
      />
      {orphans.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('settings.alloc.baselineNoTarget', { regions: regions.filter((r) => orphans.includes(r.code)).map((r) => r.name).join('、') })}
          style={{ marginTop: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} style={{ marginTop: 12 }} />}
      <Button type="primary" style={{ marginTop: 12 }} loading={save.isPending} onClick={onSave}>
        {t('reporting.alloc.save')}
      </Button>
    </>
  );
}

/** 目标分解: the city target of an indicator split over counties and zones (a county sees its own share). */
export function AllocationsTab() {
  const { t, locale } = useI18n();
  const me = useMe();
  const mode = allocationMode(me.role);
  const { plan, regions, regionName } = useNames();
  const tree = plan.tree;
  const indicators = useMemo(() => tree?.chapters.flatMap((c) => c.sections.flatMap((s) => s.indicators)) ?? [], [tree]);
  const [indicatorId, setIndicatorId] = useState<number | null>(null);
  const allocation = useQuery({ ...allocationQuery(indicatorId ?? 0), enabled: indicatorId !== null });
  const local = useMemo(() => (regions ?? []).filter((r) => r.kind !== 'city'), [regions]);

  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!tree || !regions) return <Skeleton active paragraph={{ rows: 10 }} />;

  let body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.alloc.pick')} />;
  if (indicatorId !== null) {
    if (allocation.isError) body = <QueryError error={allocation.error} onRetry={() => void allocation.refetch()} />;
    else if (!allocation.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
    else if (mode === 'edit') body = <Editor key={indicatorId} allocation={allocation.data} regions={local} />;
    else {
      const own = allocation.data.shares.find((s) => s.regionCode === me.regionCode);
      body = (
        <Descriptions size="small" bordered column={1} style={{ maxWidth: 560 }}>
          <Descriptions.Item label={t('reporting.alloc.ownShare', { region: regionName(me.regionCode ?? '') })}>
            {own ? formatQuantity(own.target, allocation.data.indicator.unit, locale) : t('reporting.alloc.noShare')}
          </Descriptions.Item>
          {own && own.baselineValue !== null && (
            <Descriptions.Item label={t('settings.alloc.baseline')}>{formatQuantity(own.baselineValue, allocation.data.indicator.unit, locale)}</Descriptions.Item>
          )}
        </Descriptions>
      );
    }
  }
  const ind = allocation.data?.indicator;
  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <HiddenLabel htmlFor="alloc-indicator">{t('reporting.alloc.indicator')}</HiddenLabel>
        <Select
          id="alloc-indicator"
          showSearch
          optionFilterProp="label"
          placeholder={t('reporting.alloc.indicator')}
          style={{ width: 480, maxWidth: '100%' }}
          value={indicatorId}
          onChange={setIndicatorId}
          options={indicators.map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
        />
        {ind && ind.target !== null && indicatorId !== null && (
          <Typography.Text type="secondary">{t('reporting.alloc.cityTargetText', { target: formatQuantity(ind.target, ind.unit, locale) })}</Typography.Text>
        )}
      </Flex>
      {body}
    </>
  );
}

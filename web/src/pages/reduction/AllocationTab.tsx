import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Input, InputNumber, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Pollutant } from '../../../../src/domain/reduction/model';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { problemDetail } from '../../components/problem-text';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { localRegions, type Region, regionsQuery } from '../org/queries';
import { applySuggestion, draftOf, draftSum, type ShareDraft, toShares } from './allocation';
import { formatTonnes, round2 } from './format';
import { pollutantKey } from './labels';
import { allocationsQuery, type PollutantAllocation, useSetAllocation } from './queries';
import { allocationMode } from './roles';

/** The city's editor of one pollutant: a target and a reason per region, the sum against the city target, the split by potential. */
function Editor({ allocation, regions, editable }: { allocation: PollutantAllocation; regions: Region[]; editable: boolean }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<ShareDraft>(() => draftOf(allocation));
  const save = useSetAllocation();
  const name = t(pollutantKey(allocation.pollutant));
  const stored = new Map(allocation.shares.map((s) => [s.regionCode, s]));
  const suggested = new Map((allocation.suggested ?? []).map((s) => [s.regionCode, s]));
  const check = draftSum(draft, allocation.target);
  const tonnes = (v: number | null | undefined) => formatTonnes(v, locale);
  const set = (code: string, patch: Partial<ShareDraft[string]>) => setDraft((d) => ({ ...d, [code]: { target: d[code]?.target ?? null, reason: d[code]?.reason ?? '', ...patch } }));
  const error = save.error instanceof ApiError ? save.error : null;

  const columns: ExportColumn<Region>[] = [
    { title: t('reduction.region'), dataIndex: 'name', width: 110 },
    {
      title: t('reduction.alloc.share'),
      key: 'target',
      width: 170,
      render: (_, r) =>
        editable ? (
          <InputNumber aria-label={t('reduction.alloc.shareOf', { region: r.name, pollutant: name })} min={0} precision={2} style={{ width: '100%' }} value={draft[r.code]?.target ?? null} onChange={(v) => set(r.code, { target: v })} />
        ) : (
          tonnes(draft[r.code]?.target)
        ),
      exportValue: (r) => draft[r.code]?.target ?? null,
    },
    {
      title: t('reduction.alloc.reason'),
      key: 'reason',
      width: 260,
      render: (_, r) => (editable ? <Input aria-label={t('reduction.alloc.reasonOf', { region: r.name })} maxLength={500} value={draft[r.code]?.reason ?? ''} onChange={(e) => set(r.code, { reason: e.target.value })} /> : draft[r.code]?.reason || '—'),
      exportValue: (r) => draft[r.code]?.reason || null,
    },
    { title: t('reduction.progress.verifiedT'), key: 'verified', width: 130, align: 'right', render: (_, r) => tonnes(stored.get(r.code)?.verified_t ?? 0), exportValue: (r) => round2(stored.get(r.code)?.verified_t ?? 0) },
    { title: t('reduction.progress.gap'), key: 'gap', width: 110, align: 'right', render: (_, r) => tonnes(stored.get(r.code)?.gap_t), exportValue: (r) => (stored.has(r.code) ? round2(stored.get(r.code)!.gap_t) : null) },
    { title: t('reduction.alloc.potential'), key: 'potential', width: 120, align: 'right', render: (_, r) => tonnes(suggested.get(r.code)?.potential_t), exportValue: (r) => suggested.get(r.code)?.potential_t ?? null },
    { title: t('reduction.alloc.suggested'), key: 'suggested', width: 120, align: 'right', render: (_, r) => tonnes(suggested.get(r.code)?.target), exportValue: (r) => suggested.get(r.code)?.target ?? null },
  ];
  const hasSuggestion = (allocation.suggested ?? []).some((s) => s.potential_t > 0);
  return (
    <Flex vertical gap={12}>
      <Typography.Text>{t('reduction.alloc.cityTargetOf', { pollutant: name, target: t('reduction.tonnes', { value: tonnes(allocation.target) }) })}</Typography.Text>
      <Descriptions size="small" bordered column={3} aria-label={t('reduction.alloc.sum')}>
        <Descriptions.Item label={t('reduction.alloc.sum')}>{t('reduction.tonnes', { value: tonnes(check.sum) })}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.alloc.cityTarget')}>{t('reduction.tonnes', { value: tonnes(allocation.target) })}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.alloc.gap')}>{t('reduction.tonnes', { value: tonnes(check.gap) })}</Descriptions.Item>
      </Descriptions>
      {check.isCovered ? (
        <Alert type="success" showIcon message={t('reduction.alloc.covered')} />
      ) : (
        <Alert type="warning" showIcon message={t('reduction.alloc.short', { gap: t('reduction.tonnes', { value: tonnes(check.gap) }) })} />
      )}
      {editable && (
        <Flex gap={8} align="center" wrap>
          <Button disabled={!hasSuggestion} onClick={() => setDraft((d) => applySuggestion(d, allocation.suggested ?? []))}>
            {t('reduction.alloc.suggest')}
          </Button>
          <Typography.Text type="secondary">{hasSuggestion ? t('reduction.alloc.suggestHint') : t('reduction.alloc.noSuggestion')}</Typography.Text>
        </Flex>
      )}
      <Table<Region>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={regions}
        pagination={false}
        scroll={{ x: 1000 }}
        title={() => <ExportButton name={`${t('reduction.tab.allocation')}-${name}`} columns={columns} rows={regions} />}
      />
      {error && <Alert type="error" showIcon role="alert" message={error.title} description={problemDetail(error)} />}
      {editable && (
        <Button
          type="primary"
          style={{ alignSelf: 'flex-start' }}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { pollutant: allocation.pollutant, shares: toShares(regions.map((r) => r.code), draft) },
              { onSuccess: () => void message.success(t('reduction.alloc.saved', { pollutant: name })) },
            )
          }
        >
          {t('reduction.alloc.save')}
        </Button>
      )}
    </Flex>
  );
}

/** A county's own share of each pollutant, what is verified and what is left. */
function OwnShares({ me, allocations }: { me: Me; allocations: PollutantAllocation[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<PollutantAllocation>
      rowKey="pollutant"
      size="small"
      pagination={false}
      dataSource={allocations}
      title={() => <Typography.Text strong>{t('reduction.alloc.own')}</Typography.Text>}
      columns={[
        { title: t('reduction.alloc.pollutant'), dataIndex: 'pollutant', render: (p: Pollutant) => t(pollutantKey(p)) },
        {
          title: t('reduction.alloc.share'),
          key: 'share',
          align: 'right',
          render: (_, a) => {
            const own = a.shares.find((s) => s.regionCode === me.regionCode);
            return own ? formatTonnes(own.target, locale) : <Tag>{t('reduction.alloc.noShare')}</Tag>;
          },
        },
        { title: t('reduction.alloc.reason'), key: 'reason', render: (_, a) => a.shares.find((s) => s.regionCode === me.regionCode)?.reason || '—' },
        { title: t('reduction.progress.verifiedT'), key: 'v', align: 'right', render: (_, a) => formatTonnes(a.shares.find((s) => s.regionCode === me.regionCode)?.verified_t ?? 0, locale) },
        { title: t('reduction.alloc.ownGap'), key: 'g', align: 'right', render: (_, a) => formatTonnes(a.shares.find((s) => s.regionCode === me.regionCode)?.gap_t, locale) },
      ]}
    />
  );
}

/** 目标分解: the city splits each pollutant's target over the counties and zones with reasons; a county sees its share and its gap. */
export function AllocationTab({ me }: { me: Me }) {
  const { t } = useI18n();
  const mode = allocationMode(me);
  const allocations = useQuery(allocationsQuery());
  const regions = useQuery(regionsQuery());
  const [pollutant, setPollutant] = useState<Pollutant>('COD');
  if (allocations.isError) return <QueryError error={allocations.error} onRetry={() => void allocations.refetch()} />;
  if (!allocations.data || !regions.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (mode === 'own') return <OwnShares me={me} allocations={allocations.data.pollutants} />;
  const current = allocations.data.pollutants.find((p) => p.pollutant === pollutant);
  return (
    <Flex vertical gap={12}>
      {mode === 'read' && <Alert type="info" showIcon message={t('reduction.alloc.readOnly')} />}
      <Segmented<Pollutant> aria-label={t('reduction.alloc.pollutant')} value={pollutant} onChange={setPollutant} options={allocations.data.pollutants.map((p) => ({ value: p.pollutant, label: t(pollutantKey(p.pollutant)) }))} />
      {current && <Editor key={current.pollutant} allocation={current} regions={localRegions(regions.data)} editable={mode === 'edit'} />}
    </Flex>
  );
}

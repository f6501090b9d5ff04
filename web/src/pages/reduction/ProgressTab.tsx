import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Flex, Progress, Row, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { POLLUTANTS, type Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import { TableTitle } from '../dashboard/TableTitle';
import { regionsQuery } from '../org/queries';
import { pollutantOf, type RegionProgress } from './charts';
import { formatShare, formatTonnes, progressPercent, round2 } from './format';
import { LEVEL_COLOUR, LEVEL_TAG, type Level, levelKey, pollutantKey } from './labels';
import { type Progress as ProgressData, progressQuery } from './queries';

const ProgressMap = lazy(() => import('./ProgressMap'));
const RegionBars = lazy(() => import('./RegionBars'));

type Card = ProgressData['pollutants'][number];

function LevelTag({ level }: { level: Level }) {
  const { t } = useI18n();
  return <Tag color={LEVEL_TAG[level]}>{t(levelKey(level))}</Tag>;
}

/** One pollutant: verified against the city target as a bar (named for screen readers), pending, expected progress, level. */
function PollutantCard({ card, expected }: { card: Card; expected: number }) {
  const { t, locale } = useI18n();
  const name = t(pollutantKey(card.pollutant));
  const tonnes = (v: number) => t('reduction.tonnes', { value: formatTonnes(v, locale) });
  return (
    <Card size="small" title={name === card.pollutant ? name : `${name}（${card.pollutant}）`} extra={<LevelTag level={card.level} />}>
      <Progress
        percent={progressPercent(card.verified_t, card.target)}
        aria-label={t('reduction.progress.bar', { pollutant: name })}
        strokeColor={LEVEL_COLOUR[card.level === 'none' ? 'green' : card.level]}
        format={() => formatShare(card.completion)}
      />
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('reduction.progress.target')}>{card.target > 0 ? tonnes(card.target) : t('reduction.progress.noTarget')}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.progress.verified')}>{tonnes(card.verified_t)}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.progress.pending')}>{tonnes(card.pending_t)}</Descriptions.Item>
        <Descriptions.Item label={t('reduction.progress.expected')}>{formatShare(expected)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

type Props = { year: number; pollutant: Pollutant; onPollutant: (p: Pollutant) => void; onRegion: (code: string) => void };

/**
 * 进展总览: per pollutant the verified reduction against the target and the expected progress (only verified tonnes
 * count), the county map and the regions' table and bars for one pollutant.
 */
export function ProgressTab({ year, pollutant, onPollutant, onRegion }: Props) {
  const { t, locale } = useI18n();
  const progress = useQuery(progressQuery(year));
  const regions = useQuery(regionsQuery());
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const rows = progress.data?.regions ?? [];
  const bars = useMemo(
    () =>
      rows.flatMap((r) => {
        const p = pollutantOf(r, pollutant);
        return p && (p.allocation !== null || p.verified_t !== 0) ? [{ name: regions.data?.find((x) => x.code === r.regionCode)?.name ?? r.regionCode, verified: p.verified_t, allocation: p.allocation, level: p.level }] : [];
      }),
    [rows, pollutant, regions.data],
  );

  if (progress.isError) return <QueryError error={progress.error} onRetry={() => void progress.refetch()} />;
  if (!progress.data) return <Skeleton active paragraph={{ rows: 12 }} />;

  const name = t(pollutantKey(pollutant));
  const of = (r: RegionProgress) => pollutantOf(r, pollutant);
  const columns: ExportColumn<RegionProgress>[] = [
    { title: t('reduction.region'), key: 'region', render: (_, r) => regionName(r.regionCode), exportValue: (r) => regionName(r.regionCode) },
    { title: t('reduction.progress.allocation'), key: 'alloc', align: 'right', render: (_, r) => formatTonnes(of(r)?.allocation, locale), exportValue: (r) => (of(r)?.allocation == null ? null : round2(of(r)!.allocation!)) },
    { title: t('reduction.progress.verifiedT'), key: 'verified', align: 'right', render: (_, r) => formatTonnes(of(r)?.verified_t, locale), exportValue: (r) => round2(of(r)?.verified_t ?? 0) },
    { title: t('reduction.progress.gap'), key: 'gap', align: 'right', render: (_, r) => formatTonnes(of(r)?.gap_t, locale), exportValue: (r) => (of(r)?.gap_t == null ? null : round2(of(r)!.gap_t!)) },
    { title: t('reduction.progress.completion'), key: 'completion', align: 'right', render: (_, r) => formatShare(of(r)?.completion), exportValue: (r) => formatShare(of(r)?.completion) },
    { title: t('reduction.progress.level'), key: 'level', render: (_, r) => <LevelTag level={of(r)?.level ?? 'none'} />, exportValue: (r) => t(levelKey(of(r)?.level ?? 'none')) },
    { title: t('reduction.progress.projects'), dataIndex: 'projects', align: 'right' },
    {
      title: t('reduction.progress.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
      exportValue: (r) => r.overdue,
    },
  ];
  const tableName = t('reduction.progress.regions', { year, pollutant: name });
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {progress.data.pollutants.map((card) => (
          <Col key={card.pollutant} xs={24} sm={12} xl={6}>
            <PollutantCard card={card} expected={progress.data.expected} />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reduction.levelRule')}
      </Typography.Text>
      <Segmented<Pollutant> aria-label={t('reduction.progress.mapPollutant')} value={pollutant} onChange={onPollutant} options={POLLUTANTS.map((p) => ({ value: p, label: t(pollutantKey(p)) }))} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <ProgressMap regions={rows} pollutant={pollutant} onOpen={onRegion} />
          </Suspense>
          <Flex gap={6} wrap>
            {(['green', 'yellow', 'red', 'none'] as const).map((l) => (
              <LevelTag key={l} level={l} />
            ))}
          </Flex>
        </Col>
        <Col xs={24} lg={15}>
          <Table<RegionProgress>
            rowKey="regionCode"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 760 }}
            title={() => <TableTitle extra={<ExportButton name={tableName} columns={columns} rows={rows} />}>{tableName}</TableTitle>}
          />
        </Col>
      </Row>
      {bars.length > 0 && (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
          <RegionBars rows={bars} label={t('reduction.progress.chart', { pollutant: name })} />
        </Suspense>
      )}
    </Flex>
  );
}

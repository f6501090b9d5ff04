import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Empty, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { Suspense, lazy, useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { LevelLegend } from './LevelTag';
import { formatAmount, levelColours } from './levels';
import { QuarterLevelTable } from './QuarterLevelTable';
import { barometerQuery, bulletinUrl, quarterBarometerQuery } from './queries';
import { type Period, PERIODS, quarterOf, ratedFromQuarter, ratedFromYear } from './rating';
import { RegionDetail } from './RegionDetail';
import { RegionLevelTable } from './RegionLevelTable';

const BarometerMap = lazy(() => import('./BarometerMap'));

type Props = { year: number; period: Period; onPeriod: (p: Period) => void; selected: string | null; onSelect: (code: string | null) => void };

/**
 * 晴雨表: the county map and the table of every region, for the year or the year to date at the end of a
 * quarter (季度晴雨表), with the bulletin of the same period to download; a county opens its trends below.
 */
export function BarometerTab({ year, period, onPeriod, selected, onSelect }: Props) {
  const { t } = useI18n();
  const quarter = quarterOf(period);
  const annual = useQuery({ ...barometerQuery(year), enabled: period === 'year' });
  const ytd = useQuery({ ...quarterBarometerQuery(year, quarter), enabled: period !== 'year' });
  const answer = period === 'year' ? annual : ytd;
  const colours = useMemo(() => levelColours(answer.data?.rules?.colours), [answer.data]);
  const rated = useMemo(
    () => (period === 'year' ? (annual.data?.regions ?? []).map(ratedFromYear) : (ytd.data?.regions ?? []).map(ratedFromQuarter)),
    [period, annual.data, ytd.data],
  );
  const periodName = t(`energy2.period.${period}`);

  const toolbar = (
    <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
      <Segmented<Period>
        aria-label={t('energy2.period.label')}
        value={period}
        onChange={onPeriod}
        options={PERIODS.map((p) => ({ value: p, label: t(`energy2.period.${p}`) }))}
      />
      <Flex wrap gap={8}>
        <Button icon={<DownloadOutlined />} href={bulletinUrl('xlsx', year, quarter)} download>
          {t('energy2.bulletin.xlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} href={bulletinUrl('pdf', year, quarter)} download>
          {t('energy2.bulletin.pdf')}
        </Button>
      </Flex>
    </Flex>
  );

  let body;
  if (answer.isError) body = <QueryError error={answer.error} onRetry={() => void answer.refetch()} />;
  else if (!answer.data) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else {
    // Only the city sees the city's own account against the sum of its counties (annual figures only).
    const gap = period === 'year' ? annual.data?.cityVsCounties : null;
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <BarometerMap regions={rated} colours={colours} onOpen={onSelect} />
          </Suspense>
          <LevelLegend colours={colours} rulesName={answer.data.rules?.name ?? null} />
        </Col>
        <Col xs={24} lg={15}>
          {gap && (
            <Alert
              type={gap.gap === null ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              message={
                gap.gap !== null
                  ? t('energy.cityGap', { city: formatAmount(gap.cityEnergy), counties: formatAmount(gap.countiesEnergy), gap: formatAmount(gap.gap) })
                  : t('energy.cityGapMissing')
              }
            />
          )}
          {period === 'year' && annual.data ? (
            <RegionLevelTable year={year} regions={annual.data.regions} colours={colours} onOpen={onSelect} />
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('energy2.period.ytdNote', { year, period: periodName })}</Typography.Paragraph>
              <QuarterLevelTable title={t('energy2.regionsOf', { year, period: periodName })} regions={rated} colours={colours} onOpen={onSelect} />
            </>
          )}
        </Col>
      </Row>
    );
  }
  const selectedRegion = rated.find((r) => r.regionCode === selected);
  return (
    <>
      {toolbar}
      {body}
      {selectedRegion ? (
        <RegionDetail key={selectedRegion.regionCode} code={selectedRegion.regionCode} name={selectedRegion.name} onClose={() => onSelect(null)} />
      ) : (
        answer.data && <Empty style={{ marginTop: 24 }} image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('energy.pickRegion')} />
      )}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Empty, Row, Skeleton } from 'antd';
import { Suspense, lazy, useCallback, useMemo } from 'react';
import { useI18n } from '../../app/i18n-context';
import { QueryError } from '../../components/QueryError';
import { LevelLegend } from './LevelTag';
import { formatAmount, levelColours, requiredReduction } from './levels';
import { barometerQuery, type Target } from './queries';
import { RegionDetail } from './RegionDetail';
import { RegionLevelTable } from './RegionLevelTable';

const BarometerMap = lazy(() => import('./BarometerMap'));

/** The required reduction of a region in a year, from its targets (null when they are not at hand). */
export function useRequiredOf(targets: readonly Target[] | undefined, year: number) {
  return useCallback(
    (code: string) => {
      const target = targets?.find((x) => x.regionCode === code);
      return target ? requiredReduction(target, year) : null;
    },
    [targets, year],
  );
}

type Props = { year: number; targets: readonly Target[] | undefined; selected: string | null; onSelect: (code: string | null) => void };

/** 晴雨表: the county map and the table of every region for a year; a county opens its trends below. */
export function BarometerTab({ year, targets, selected, onSelect }: Props) {
  const { t } = useI18n();
  const barometer = useQuery(barometerQuery(year));
  const requiredOf = useRequiredOf(targets, year);
  const colours = useMemo(() => levelColours(barometer.data?.rules?.colours), [barometer.data]);

  if (barometer.isError) return <QueryError error={barometer.error} onRetry={() => void barometer.refetch()} />;
  if (!barometer.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { regions, rules, cityVsCounties: gap } = barometer.data;
  const selectedRegion = regions.find((r) => r.regionCode === selected);

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <BarometerMap regions={regions} colours={colours} requiredOf={requiredOf} onOpen={onSelect} />
          </Suspense>
          <LevelLegend colours={colours} rulesName={rules?.name ?? null} />
        </Col>
        <Col xs={24} lg={15}>
          {/* Only the city sees the city's own account against the sum of its counties. */}
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
          <RegionLevelTable year={year} regions={regions} colours={colours} requiredOf={requiredOf} onOpen={onSelect} />
        </Col>
      </Row>
      {selectedRegion ? (
        <RegionDetail key={selectedRegion.regionCode} code={selectedRegion.regionCode} name={selectedRegion.name} onClose={() => onSelect(null)} />
      ) : (
        <Empty style={{ marginTop: 24 }} image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('energy.pickRegion')} />
      )}
    </>
  );
}

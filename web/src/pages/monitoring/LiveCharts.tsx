import { Badge, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { liveOption } from './charts';
import { factorLabel, factorUnit, readingKindKey } from './labels';
import { appendLive, type LiveSeries, parseLiveEvent } from './live';
import { liveUrl, type Station } from './queries';

const Chart = lazy(() => import('./MonitoringChart'));

type Connection = 'connecting' | 'open' | 'error';
export type Live = { series: LiveSeries; connection: Connection };

/** The station's readings as they arrive (server-sent events), appended without asking again (the charts and 最新数据 share them). */
export function useLiveSeries(station: Station): Live {
  // Start from the latest value of each factor the list already knows, so the charts are not blank until the next upload.
  const [series, setSeries] = useState<LiveSeries>(() =>
    station.latest.reduce<LiveSeries>((s, l) => appendLive(s, { factor: l.code, kind: 'rtd', at: l.at, value: l.value, min: null, max: null, zs: null, flag: l.flag }), {}),
  );
  const [connection, setConnection] = useState<Connection>('connecting');
  useEffect(() => {
    const source = new EventSource(liveUrl(station.id), { withCredentials: true });
    const onData = (e: MessageEvent<string>) => {
      const points = parseLiveEvent(e.data);
      if (points.length) setSeries((s) => points.reduce((acc, p) => appendLive(acc, p), s));
    };
    source.onopen = () => setConnection('open');
    // EventSource reconnects by itself after an error; the badge says so meanwhile.
    source.onerror = () => setConnection('error');
    source.onmessage = onData;
    source.addEventListener('readings', onData as EventListener);
    return () => source.close();
  }, [station.id]);
  return { series, connection };
}

/** 实时数据: one chart per factor with its limit as a mark line, moving as readings stream in. */
export function LiveCharts({ station, live: { series, connection } }: { station: Station; live: Live }) {
  const { t } = useI18n();
  const kinds = useMemo(() => ({ rtd: t(readingKindKey('rtd')), min: t(readingKindKey('min')), hour: t(readingKindKey('hour')), day: t(readingKindKey('day')) }), [t]);
  const codes = [...new Set([...station.factors.map((f) => f.code), ...Object.keys(series)])];
  const status = connection === 'open' ? 'processing' : connection === 'error' ? 'error' : 'default';
  return (
    <Card
      size="small"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('monitoring.live.title')}</Typography.Title>}
      extra={<Badge status={status} text={t(`monitoring.live.${connection}`)} />}
    >
      {codes.length === 0 ? (
        <Empty description={t('monitoring.live.noFactors')} />
      ) : (
        <Row gutter={[12, 12]}>
          {codes.map((code) => {
            const f = station.factors.find((x) => x.code === code);
            const unit = factorUnit(code, f?.unit);
            const label = `${factorLabel(code, f?.unit)} · ${t('monitoring.live.label')}`;
            const option = liveOption(series[code] ?? [], { upper: f?.upper ?? null, lower: f?.lower ?? null, basis: f?.basis ?? null }, { name: factorLabel(code, f?.unit), unit, upper: t('monitoring.chart.upper'), lower: t('monitoring.chart.lower'), kinds });
            return (
              <Col key={code} xs={24} lg={12}>
                <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                  <Chart option={option} label={label} style={{ height: 240 }} />
                </Suspense>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`live-count-${code}`}>
                  {t('monitoring.live.points', { name: factorLabel(code, f?.unit), n: (series[code] ?? []).length })}
                </Typography.Text>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}

import { Card, Col, Row, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { formatQuantity, formatTarget } from '../plan/format';
import type { Indicator } from '../plan/queries';

/** What a headline card shows: reductions and words as the plan states them, other targets as their amount. */
function headline(ind: Indicator, t: ReturnType<typeof useI18n>['t'], locale: ReturnType<typeof useI18n>['locale']): string {
  if (ind.comparison === 'reduce_by_pct' || ind.comparison === 'qualitative') return formatTarget(ind, t, locale);
  const value = ind.target ?? ind.stretch;
  return value === null ? formatTarget(ind, t, locale) : formatQuantity(value, ind.unit, locale);
}

/** The main targets of the plan (the indicators of chapter 1), one card each. */
export function TargetCards({ indicators }: { indicators: Indicator[] }) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      {indicators.map((ind) => (
        <Col key={ind.id} xs={24} sm={12} xl={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Title level={3} style={{ fontSize: 14, fontWeight: 500, color: '#555', marginTop: 0 }}>
              {ind.name} {ind.isBinding && <Tag color="red">{t('plan.binding')}</Tag>}
            </Typography.Title>
            <Typography.Text strong style={{ fontSize: 24, color: '#15803d' }}>
              {headline(ind, t, locale)}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {ind.baselineYear === null
                  ? t('home.targetYearOnly', { year: ind.targetYear })
                  : t('home.targetBy', { baseline: ind.baselineYear, year: ind.targetYear })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

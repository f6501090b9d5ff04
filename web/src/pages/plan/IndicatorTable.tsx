import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { comparisonLabel, formatStretch, formatTarget } from './format';
import { DeptTags } from './DeptTags';
import { placementColumn } from './PlacementLink';
import type { FoundIndicator, Indicator } from './queries';

type Row = Indicator & Partial<Pick<FoundIndicator, 'chapterNo' | 'sectionNo' | 'sectionTitle' | 'isKeyProject'>>;

/** Indicators with their targets as the plan sets them; with `sectionIds`, also where each sits. */
export function IndicatorTable({ indicators, sectionIds }: { indicators: Row[]; sectionIds?: Map<string, number> }) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Row> = [
    { title: t('plan.code'), dataIndex: 'code', width: 64 },
    { title: t('plan.name'), dataIndex: 'name', width: 220 },
    { title: t('plan.comparison'), key: 'comparison', width: 120, render: (_, r) => comparisonLabel(r.comparison, t) },
    { title: t('plan.target'), key: 'target', width: 190, render: (_, r) => <Typography.Text strong>{formatTarget(r, t, locale)}</Typography.Text> },
    { title: t('plan.stretch'), key: 'stretch', width: 90, render: (_, r) => formatStretch(r, locale) },
    { title: t('plan.unit'), dataIndex: 'unit', width: 90, render: (u: string | null) => u ?? '—' },
    { title: t('plan.baselineYear'), dataIndex: 'baselineYear', width: 80, render: (y: number | null) => y ?? '—' },
    { title: t('plan.targetYear'), dataIndex: 'targetYear', width: 80 },
    {
      title: t('plan.binding'),
      key: 'binding',
      width: 90,
      render: (_, r) => (r.isBinding ? <Tag color="red">{t('plan.binding')}</Tag> : <Tag>{t('plan.expected')}</Tag>),
    },
    { title: t('plan.owners'), key: 'owners', width: 180, render: (_, r) => <DeptTags depts={r.departments} /> },
  ];
  if (sectionIds) columns.splice(2, 0, placementColumn<Row>(t('plan.placementLabel'), sectionIds));
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={indicators}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t('plan.source')}：</Typography.Text>
            {r.quote}
          </Typography.Paragraph>
        ),
      }}
    />
  );
}

import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import type { ExportColumn } from '../../components/table-export';
import { comparisonLabel, formatStretch, formatTarget } from './format';
import { DeptTags, deptNames } from './DeptTags';
import { placementColumn } from './PlacementLink';
import type { FoundIndicator, Indicator } from './queries';

type Row = Indicator & Partial<Pick<FoundIndicator, 'chapterNo' | 'sectionNo' | 'sectionTitle' | 'isKeyProject'>>;

/** Indicators with their targets as the plan sets them; with `sectionIds`, also where each sits. */
export function IndicatorTable({ indicators, sectionIds }: { indicators: Row[]; sectionIds?: Map<string, number> }) {
  const { t, locale } = useI18n();
  const columns: ExportColumn<Row>[] = [
    { title: t('plan.code'), dataIndex: 'code', width: 64 },
    { title: t('plan.name'), dataIndex: 'name', width: 220 },
    { title: t('plan.comparison'), key: 'comparison', width: 120, render: (_, r) => comparisonLabel(r.comparison, t), exportValue: (r) => comparisonLabel(r.comparison, t) },
    { title: t('plan.target'), key: 'target', width: 190, render: (_, r) => <Typography.Text strong>{formatTarget(r, t, locale)}</Typography.Text>, exportValue: (r) => formatTarget(r, t, locale) },
    { title: t('plan.stretch'), key: 'stretch', width: 90, render: (_, r) => formatStretch(r, locale), exportValue: (r) => r.stretch },
    { title: t('plan.unit'), dataIndex: 'unit', width: 90, render: (u: string | null) => u ?? '—', exportValue: (r) => r.unit },
    { title: t('plan.baselineYear'), dataIndex: 'baselineYear', width: 80, render: (y: number | null) => y ?? '—', exportValue: (r) => r.baselineYear },
    { title: t('plan.targetYear'), dataIndex: 'targetYear', width: 80 },
    {
      title: t('plan.binding'),
      key: 'binding',
      width: 90,
      render: (_, r) => (r.isBinding ? <Tag color="red">{t('plan.binding')}</Tag> : <Tag>{t('plan.expected')}</Tag>),
      exportValue: (r) => t(r.isBinding ? 'plan.binding' : 'plan.expected'),
    },
    { title: t('plan.owners'), key: 'owners', width: 180, render: (_, r) => <DeptTags depts={r.departments} />, exportValue: (r) => deptNames(r.departments) },
    { title: t('plan.source'), key: 'quote', hidden: true, exportValue: (r) => r.quote },
  ];
  if (sectionIds) columns.splice(2, 0, placementColumn<Row>(t, sectionIds));
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={indicators}
      pagination={false}
      scroll={{ x: 'max-content' }}
      title={() => <ExportButton name={t('plan.indicators')} columns={columns} rows={indicators} />}
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

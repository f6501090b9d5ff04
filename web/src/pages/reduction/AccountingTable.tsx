import { Alert, Table, Tag, Typography } from 'antd';
import type { Pollutant } from '../../../../src/domain/reduction/model';
import { useI18n } from '../../app/i18n-context';
import { formatShare, formatTonnes } from './format';
import { pollutantKey, rejectionKey } from './labels';
import type { Accounting } from './queries';

type Row = Accounting['pollutants'][number];
type Rejection = NonNullable<Row['rejection']>;

/** The engine's figure for one project and year, per pollutant: R, offset, what counts, the cap it was held to, and each rejection with its reason (reduction.md §5). */
export function AccountingTable({ accounting, label }: { accounting: Accounting; label: string }) {
  const { t, locale } = useI18n();
  const tonnes = (v: number | null) => formatTonnes(v, locale);
  const rejected = (r: Rejection) => t('reduction.acc.rejected', { label: t(rejectionKey(r.code)), reason: r.reason });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {accounting.countStart && accounting.countedDays > 0
          ? t('reduction.acc.counted', { days: accounting.countedDays, start: accounting.countStart, share: formatShare(accounting.f) })
          : t('reduction.acc.notCounted')}
      </Typography.Paragraph>
      {accounting.rejection && <Alert type="error" showIcon role="alert" message={rejected(accounting.rejection)} style={{ marginBottom: 8 }} />}
      <Table<Row>
        aria-label={label}
        rowKey="pollutant"
        size="small"
        pagination={false}
        dataSource={accounting.pollutants}
        columns={[
          { title: t('reduction.acc.pollutant'), dataIndex: 'pollutant', render: (p: Pollutant) => t(pollutantKey(p)) },
          { title: t('reduction.acc.reduction'), dataIndex: 'reduction_t', align: 'right', render: tonnes },
          { title: t('reduction.acc.offset'), dataIndex: 'offset_t', align: 'right', render: tonnes },
          { title: t('reduction.acc.countable'), dataIndex: 'countable_t', align: 'right', render: (v: number) => <strong>{tonnes(v)}</strong> },
          { title: t('reduction.acc.baseline'), dataIndex: 'baseline_t', align: 'right', render: tonnes },
          {
            title: t('reduction.acc.result'),
            key: 'result',
            render: (_, r) => (
              <>
                {r.rejection ? <Typography.Text type="danger">{rejected(r.rejection)}</Typography.Text> : <Tag color="green">{t('reduction.acc.accepted')}</Tag>}
                {r.flags.map((f) => (
                  <Tag key={f} color="orange">
                    {t('reduction.flag.REVIEW_NEGATIVE')}
                  </Tag>
                ))}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

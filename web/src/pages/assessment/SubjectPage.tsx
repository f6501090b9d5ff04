import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { METRIC_LABELS, type ReviewedItem } from '../../../../src/domain/assessment/model';
import { useI18n } from '../../app/i18n-context';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useMe } from '../../app/use-me';
import { fmt2, GRADE_TAG, gradeKey, groupKey, isSteering, statusKey } from './labels';
import { ExemptionPanel } from './ExemptionPanel';
import { ItemPanel } from './ItemPanel';
import { assessmentQuery, type ItemRow, reportPdfUrl, schemesQuery, subjectQuery } from './queries';

/**
 * A subject's assessment (the county drill-down): each item with its points, basis and figures, the totals, grade,
 * rank and vetoes; a reviewed item opens to its checklist form (when the viewer may score it), evidence and history.
 */
export function SubjectPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const params = useParams();
  const id = Number(params.id);
  const key = params.key ?? '';
  const detail = useQuery(subjectQuery(id, key));
  const assessment = useQuery(assessmentQuery(id));
  const schemes = useQuery(schemesQuery());

  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = detail.data;
  const r = d.result;
  const scheme = schemes.data?.find((s) => s.id === assessment.data?.scheme.id)?.scheme;
  const schemeItems = scheme?.items ?? [];
  const reviewed = (k: string) => schemeItems.find((i): i is ReviewedItem => i.key === k && i.kind === 'reviewed');
  // 佐证材料: the self-assessor (a county, or a department in a department assessment) for its own subject during
  // self-assessment, the city until consolidation (the server checks again).
  const canUpload = (d.isOwn && d.status === 'self') || (isSteering(me) && (d.status === 'self' || d.status === 'review'));
  const pts = (v: number) => t('assessment.points', { value: fmt2(v) });
  const title = t('assessment.subject.title', { name: d.name, title: assessment.data?.title ?? '' });

  return (
    <>
      <Link to={`/assessment?id=${id}`}>
        <ArrowLeftOutlined /> {t('assessment.subject.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <PageTitle>{title}</PageTitle>
        <Button type="primary" icon={<FilePdfOutlined />} href={reportPdfUrl(id, key)} download>
          {t('assessment.subject.pdf')}
        </Button>
      </Flex>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('assessment.subject.total')}>
          <Typography.Text strong>{pts(r.total)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.subject.grade')}>
          <Tag color={GRADE_TAG[r.grade]}>{t(gradeKey(r.grade))}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.subject.rank')}>
          {d.rank ?? <Typography.Text type="secondary">{t('assessment.rank.hidden')}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.rank.target')}>{pts(r.targetPoints)}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.rank.measures')}>{pts(r.measurePoints)}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.rank.deductions')}>{pts(r.deductions)}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.period')}>{assessment.data?.period ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('assessment.statusLabel')}>
          <Tag>{t(statusKey(d.status))}</Tag>
          <Typography.Text type="secondary">{t(d.frozen ? 'assessment.rank.frozen' : 'assessment.rank.live')}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.subject.metricsAt', { at: '' }).trim()}>{new Date(d.metricsAt).toLocaleString(locale, { hour12: false })}</Descriptions.Item>
      </Descriptions>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {r.vetoes.length > 0 ? (
          <Alert type="error" showIcon message={t('assessment.subject.vetoes')} description={r.vetoes.map((v) => v.message).join('；')} />
        ) : (
          <Alert type="success" showIcon message={`${t('assessment.subject.vetoes')}：${t('assessment.subject.noVeto')}`} />
        )}
        {r.exempted.length > 0 && <Alert type="warning" showIcon message={t('assessment.subject.exempted', { keys: r.exempted.map((k) => scheme?.vetoes.find((v) => v.key === k)?.message ?? k).join('、') })} />}
        {scheme && assessment.data && <ExemptionPanel detail={d} vetoes={scheme.vetoes} history={assessment.data.history} mayChange={isSteering(me)} />}
        {r.missingMetrics.length > 0 && <Alert type="warning" showIcon message={t('assessment.subject.missing', { metrics: r.missingMetrics.map((m) => METRIC_LABELS[m]).join('、') })} />}
        {d.selfSubmittedAt && <Typography.Text type="secondary">{t('assessment.subject.selfSubmitted', { at: new Date(d.selfSubmittedAt).toLocaleString(locale, { hour12: false }) })}</Typography.Text>}
      </Flex>
      <Table<ItemRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={r.items}
        scroll={{ x: 960 }}
        title={() => <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('assessment.subject.items')}</Typography.Title>}
        expandable={{
          rowExpandable: (i) => i.kind === 'reviewed' && reviewed(i.key) !== undefined,
          defaultExpandedRowKeys: d.scorable,
          expandedRowRender: (i) => {
            const item = reviewed(i.key);
            return item ? <ItemPanel detail={d} item={item} scorable={d.scorable.includes(i.key)} canUpload={canUpload} /> : null;
          },
        }}
        columns={[
          { title: t('assessment.subject.group'), key: 'group', width: 96, render: (_, i) => t(groupKey(i.group)) },
          {
            title: t('assessment.subject.item'),
            key: 'title',
            render: (_, i) => (
              <>
                {i.title} <Tag style={{ marginLeft: 4 }}>{t(i.kind === 'computed' ? 'assessment.kind.computed' : 'assessment.kind.reviewed')}</Tag>
              </>
            ),
          },
          { title: t('assessment.subject.score'), key: 'points', align: 'right', width: 140, render: (_, i) => t('assessment.pointsOf', { points: fmt2(i.points), max: fmt2(i.maxPoints) }) },
          { title: t('assessment.subject.basisCol'), dataIndex: 'basis' },
          {
            title: t('assessment.subject.figures'),
            key: 'figures',
            render: (_, i) => (i.figures.length ? i.figures.map((f) => <div key={f.label}>{f.label}：{f.value}</div>) : '—'),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} />
            <Table.Summary.Cell index={1} colSpan={2}>
              <Typography.Text strong>{t('assessment.subject.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{pts(r.total)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} colSpan={2}>
              <Tag color={GRADE_TAG[r.grade]}>{t(gradeKey(r.grade))}</Tag>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}

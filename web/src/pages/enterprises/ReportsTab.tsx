import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { HiddenLabel } from '../../components/HiddenLabel';
import { QueryError } from '../../components/QueryError';
import type { ExportColumn } from '../../components/table-export';
import type { Me } from '../auth/queries';
import { TableTitle } from '../dashboard/TableTitle';
import { ExcelImportButtons, ImportErrors } from '../reporting/ExcelImport';
import { referenceQuery } from '../settings/queries';
import { STATUS_COLOR, statusKey } from './labels';
import { type EnergyReport, enterprisesQuery, reportPdfUrl, reportsQuery, reportTemplateUrl, useImportReport } from './queries';
import { carriersOf } from './reference';
import { ReportForm } from './ReportForm';
import { ReportLines, useTce } from './ReportLines';
import { ReportThreadView } from './ReportThreadView';
import { ReviewModal } from './ReviewModal';
import { ReviewQueue } from './ReviewQueue';
import { canFile, reviewStageFor } from './roles';
import { reportYears } from './years';

type Props = {
  me: Me;
  enterpriseId: number | null;
  year: number;
  onEnterprise: (id: number | null) => void;
  onYear: (y: number) => void;
  /** Both at once (two separate address updates in one tick would keep only the last). */
  onOpen: (enterpriseId: number, year: number) => void;
};

/** 能源利用状况报告: file a year's report (form or Excel), see it in tce both ways, follow and review the list. */
export function ReportsTab({ me, enterpriseId, year, onEnterprise, onYear, onOpen }: Props) {
  const { t, locale } = useI18n();
  const enterprises = useQuery(enterprisesQuery({}));
  const reference = useQuery(referenceQuery());
  const reports = useQuery({ ...reportsQuery(enterpriseId ?? 0), enabled: enterpriseId !== null });
  const importer = useImportReport(enterpriseId ?? 0, year);
  const [filed, setFiled] = useState<EnergyReport | null>(null);
  const [open, setOpen] = useState<EnergyReport | null>(null);
  const [review, setReview] = useState<{ report: EnergyReport; action: 'approve' | 'return' } | null>(null);
  const tce = useTce();
  // What was just filed, by the form or the import, is shown converted until another enterprise or year is chosen.
  const imported = importer.data?.report;
  useEffect(() => {
    if (imported) setFiled(imported);
  }, [imported]);
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }), [locale]);
  const enterprise = enterprises.data?.find((e) => e.id === enterpriseId) ?? null;
  const carriers = useMemo(() => carriersOf(reference.data ?? [], year), [reference.data, year]);
  const correcting = (reports.data ?? []).some((r) => r.year === year && r.status === 'approved');
  const shown = filed && filed.enterpriseId === enterpriseId && filed.year === year ? filed : null;
  const entName = enterprise?.name ?? '';

  const columns: ExportColumn<EnergyReport>[] = [
    { title: t('ent.col.year'), dataIndex: 'year', width: 70 },
    { title: t('ent.col.revision'), dataIndex: 'revision', width: 64 },
    { title: t('ent.col.status'), dataIndex: 'status', width: 110, render: (s: EnergyReport['status']) => <Tag color={STATUS_COLOR[s]}>{t(statusKey(s))}</Tag>, exportValue: (r) => t(statusKey(r.status)) },
    { title: t('ent.line.equivalent'), dataIndex: 'tceEquivalent', align: 'right', width: 130, render: (v: number) => tce.format(v), exportValue: (r) => r.tceEquivalent },
    { title: t('ent.line.equivalentInput'), dataIndex: 'tceEquivalentInput', align: 'right', width: 130, render: (v: number) => tce.format(v), exportValue: (r) => r.tceEquivalentInput },
    { title: t('ent.col.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (at: string) => time.format(new Date(at)), exportValue: (r) => time.format(new Date(r.submittedAt)) },
    {
      title: t('ent.col.actions'),
      key: 'actions',
      width: 260,
      fixed: 'right',
      render: (_, r) => {
        const stage = reviewStageFor(me, r, enterprise);
        const of = { year: r.year, n: r.revision };
        return (
          <Space size={4} wrap>
            <Button size="small" type="link" onClick={() => setOpen(r)} aria-label={t('ent.viewOf', of)}>
              {t('ent.view')}
            </Button>
            <Button size="small" type="link" icon={<FilePdfOutlined />} href={reportPdfUrl(r.id)} target="_blank" rel="noopener" aria-label={t('ent.pdfOf', of)}>
              PDF
            </Button>
            {stage && (
              <>
                <Button size="small" type="primary" onClick={() => setReview({ report: r, action: 'approve' })} aria-label={t(stage === 'county' ? 'ent.review.countyApproveOf' : 'ent.review.cityApproveOf', of)}>
                  {t(stage === 'county' ? 'ent.review.countyApprove' : 'ent.review.cityApprove')}
                </Button>
                <Button size="small" danger onClick={() => setReview({ report: r, action: 'return' })} aria-label={t('ent.review.returnOf', of)}>
                  {t('ent.review.return')}
                </Button>
              </>
            )}
          </Space>
        );
      },
    },
  ];

  const picker = (
    <Flex wrap gap={8} align="center">
      {me.role !== 'enterprise' && (
        <>
          <HiddenLabel htmlFor="ent-report-enterprise">{t('ent.pickEnterprise')}</HiddenLabel>
          <Select
            id="ent-report-enterprise"
            showSearch
            optionFilterProp="label"
            placeholder={t('ent.pickEnterprise')}
            style={{ width: 300 }}
            value={enterpriseId ?? undefined}
            onChange={(id: number) => onEnterprise(id)}
            options={(enterprises.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
        </>
      )}
      {me.role === 'enterprise' && <Typography.Text strong>{entName}</Typography.Text>}
      <HiddenLabel htmlFor="ent-report-year">{t('ent.reportYear')}</HiddenLabel>
      <Select id="ent-report-year" style={{ width: 120 }} value={year} onChange={onYear} options={reportYears(new Date()).map((y) => ({ value: y, label: t('ent.yearOption', { year: y }) }))} />
    </Flex>
  );

  // Reviewers see what waits for them first, whichever enterprise is picked.
  const queue = (me.role === 'county' || me.role === 'admin' || me.role === 'steering') && (
    <ReviewQueue onOpen={(r) => onOpen(r.enterpriseId, r.year)} />
  );
  if (enterpriseId === null) {
    return (
      <Flex vertical gap={16}>
        {queue}
        {picker}
        <Empty description={t(me.role === 'enterprise' ? 'ent.noOwnEnterprise' : 'ent.pickEnterpriseFirst')} />
      </Flex>
    );
  }
  const listName = t('ent.reportsListOf', { name: entName });
  return (
    <Flex vertical gap={16}>
      {queue}
      {picker}
      {canFile(me) && (
        <Card size="small" title={t('ent.report.excelTitle', { year })}>
          <Typography.Paragraph type="secondary">{t('ent.report.excelHelp')}</Typography.Paragraph>
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            <ExcelImportButtons
              templateHref={reportTemplateUrl(enterpriseId, year)}
              templateFileName={t('ent.report.templateFile', { year })}
              templateLabel={t('ent.report.template')}
              importLabel={t('ent.report.import')}
              importer={importer}
              importedMessage={(r) => t('ent.report.imported', { n: r.imported, year: r.report.year })}
            />
          </Flex>
          <ImportErrors importer={importer} />
        </Card>
      )}
      {shown && (
        <Card size="small" title={t('ent.report.resultOf', { year: shown.year, n: shown.revision })}>
          <ReportLines report={shown} name={t('ent.report.resultOf', { year: shown.year, n: shown.revision })} />
        </Card>
      )}
      {canFile(me) && (
        <Card size="small" title={t(correcting ? 'ent.report.correctTitle' : 'ent.report.formTitle', { year })}>
          {reference.isError ? <QueryError error={reference.error} /> : <ReportForm enterpriseId={enterpriseId} year={year} carriers={carriers} correcting={correcting} onFiled={setFiled} />}
        </Card>
      )}
      {reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : (
        <Table<EnergyReport>
          rowKey="id"
          size="small"
          loading={reports.isPending}
          columns={columns}
          dataSource={reports.data}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          title={() => <TableTitle extra={<ExportButton name={listName} columns={columns} rows={reports.data} />}>{listName}</TableTitle>}
        />
      )}
      <Drawer open={open !== null} width={900} title={open ? t('ent.threadOf', { name: entName, year: open.year }) : ''} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <ReportThreadView id={open.id} name={t('ent.threadOf', { name: entName, year: open.year })} />}
      </Drawer>
      <ReviewModal report={review?.report ?? null} action={review?.action ?? 'approve'} onClose={() => setReview(null)} />
    </Flex>
  );
}

import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Button, Table, Upload } from 'antd';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n-context';
import { ExportButton } from '../../components/ExportButton';
import { problemDetail } from '../../components/problem-text';
import type { ExportColumn } from '../../components/table-export';
import { cellText, type ImportResult, type ImportRowError, importRowErrors, templateUrl, XLSX_ACCEPT } from './excel-import';

/** An import of a raw .xlsx: it answers how many rows it stored, or a problem naming each refused cell. */
type Importer<R extends { imported: number } = ImportResult> = UseMutationResult<R, Error, Blob>;

type ButtonsProps<R extends { imported: number }> = {
  /** Where the template downloads from (a plain link: the session cookie goes along). */
  templateHref: string;
  templateFileName: string;
  templateLabel: string;
  importLabel: string;
  importer: Importer<R>;
  /** The toast after a successful import. */
  importedMessage: (r: R) => string;
};

/** 下载模板 and 导入 Excel: any page whose server reads a workbook whole and answers like the reporting import. */
export function ExcelImportButtons<R extends { imported: number }>({ templateHref, templateFileName, templateLabel, importLabel, importer, importedMessage }: ButtonsProps<R>) {
  const { message } = App.useApp();
  return (
    <>
      <Button icon={<DownloadOutlined />} href={templateHref} download={templateFileName}>
        {templateLabel}
      </Button>
      <Upload
        accept={XLSX_ACCEPT}
        showUploadList={false}
        multiple={false}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof Blob)) return;
          importer.mutate(file, {
            onSuccess: (r) => {
              void message.success(importedMessage(r));
              onSuccess?.(r);
            },
            onError: (e) => onError?.(e),
          });
        }}
      >
        <Button icon={<UploadOutlined />} loading={importer.isPending}>
          {importLabel}
        </Button>
      </Upload>
    </>
  );
}

/** 下载报送模板 and 导入 Excel, for the calendar's toolbar. */
export function ExcelButtons({ plan, year, importer }: { plan: string; year: number; importer: Importer }) {
  const { t } = useI18n();
  return (
    <ExcelImportButtons
      templateHref={templateUrl(plan, year)}
      templateFileName={`ecer-report-${year}.xlsx`}
      templateLabel={t('reporting.excel.template')}
      importLabel={t('reporting.excel.import')}
      importer={importer}
      importedMessage={(r) => t('reporting.excel.imported', { n: r.imported })}
    />
  );
}

/** Why the last import was refused, cell by cell; stays until the next upload or until closed. */
export function ImportErrors<R extends { imported: number }>({ importer }: { importer: Importer<R> }) {
  const { t } = useI18n();
  const error = importer.error instanceof ApiError ? importer.error : null;
  const rows = error ? importRowErrors(error.errors) : [];
  if (!error) {
    // Not a problem answer (the network, say): still say so.
    return importer.error ? <Alert type="error" showIcon role="alert" closable onClose={() => importer.reset()} message={importer.error.message} style={{ marginBottom: 12 }} /> : null;
  }
  const columns: ExportColumn<ImportRowError>[] = [
    { title: t('reporting.excel.sheet'), dataIndex: 'sheet', width: 90, render: cellText, exportValue: (r) => r.sheet || null },
    { title: t('reporting.excel.row'), dataIndex: 'row', width: 70, render: cellText, exportValue: (r) => r.row || null },
    { title: t('reporting.excel.column'), dataIndex: 'field', width: 120, render: cellText, exportValue: (r) => r.field || null },
    { title: t('reporting.excel.reason'), dataIndex: 'detail' },
  ];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable
      onClose={() => importer.reset()}
      message={error.title}
      style={{ marginBottom: 12 }}
      description={
        <>
          {problemDetail(error) && <div style={{ marginBottom: rows.length ? 8 : 0 }}>{problemDetail(error)}</div>}
          {rows.length > 0 && (
            <Table<ImportRowError>
              aria-label={t('reporting.excel.errors')}
              size="small"
              rowKey={(r, i) => `${r.sheet}:${r.row}:${r.field}:${i ?? 0}`}
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
              title={() => <ExportButton name={t('reporting.excel.errors')} columns={columns} rows={rows} />}
            />
          )}
        </>
      }
    />
  );
}

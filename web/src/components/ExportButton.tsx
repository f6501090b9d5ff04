import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useI18n } from '../app/i18n-context';
import { type ExportColumn, exportFileName, type Sheet, sheetName, toSheet } from './table-export';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props<T> = {
  /** Names the file (`指标-2026-11-24.xlsx`) and the worksheet. */
  name: string;
  /** The table's own columns; see ExportColumn for which of them are exported and how. */
  columns: readonly ExportColumn<T>[];
  /** Every row the table holds as filtered, not just the page shown. */
  rows: readonly T[] | undefined;
};

/**
 * 导出 Excel: the table's rows with its headers and its values as people read them, as an .xlsx built in the
 * browser. Made for a Table's title slot: `<Table title={() => <ExportButton name={…} columns={columns} rows={rows} />} …/>`.
 */
export function ExportButton<T>({ name, columns, rows }: Props<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onExport = async () => {
    setBusy(true);
    try {
      await downloadXlsx(toSheet(columns, rows ?? []), name);
    } catch (err) {
      void message.error(t('export.failed', { reason: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex justify="end">
      <Button
        size="small"
        icon={<DownloadOutlined />}
        aria-label={t('export.buttonOf', { name })}
        loading={busy}
        disabled={!rows?.length}
        onClick={() => void onExport()}
      >
        {t('export.button')}
      </Button>
    </Flex>
  );
}

/** Writes the sheet with exceljs (loaded only now, so it stays out of the first page load) and downloads it. */
async function downloadXlsx(sheet: Sheet, name: string) {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const ws = workbook.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.header.map((header, i) => ({ header, width: sheet.widths[i] }));
  ws.addRows(sheet.rows);
  ws.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: XLSX_MIME }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(name, new Date());
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

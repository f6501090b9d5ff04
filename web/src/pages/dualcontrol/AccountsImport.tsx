import { Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n-context';
import { HiddenLabel } from '../../components/HiddenLabel';
import { ExcelImportButtons, ImportErrors } from '../reporting/ExcelImport';
import { ACCOUNT_YEARS, accountPeriodKey, clampYear, YTD_MONTHS } from './period';
import { accountsTemplateUrl, useImportAccounts } from './queries';

/**
 * 统计局报表导入: the Statistics Bureau's sheet for a period (the regions the user may fill), filled and imported
 * whole; a refused file lists each bad cell by sheet, row and column, as the reporting import does.
 */
export function AccountsImport({ isCounty }: { isCounty: boolean }) {
  const { t } = useI18n();
  const [year, setYear] = useState(() => clampYear(0, new Date()));
  const [month, setMonth] = useState<number | null>(null);
  const importer = useImportAccounts();
  const periodKey = accountPeriodKey(year, month);
  return (
    <Card title={t('energy2.import.title')} size="small">
      <Typography.Paragraph type="secondary">{t(isCounty ? 'energy2.import.helpCounty' : 'energy2.import.help')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <HiddenLabel htmlFor="energy-import-year">{t('energy2.import.year')}</HiddenLabel>
        <Select id="energy-import-year" style={{ width: 120 }} value={year} onChange={setYear} options={ACCOUNT_YEARS.map((y) => ({ value: y, label: t('reporting.yearOption', { year: y }) }))} />
        <HiddenLabel htmlFor="energy-import-months">{t('energy2.import.months')}</HiddenLabel>
        <Select<number | null>
          id="energy-import-months"
          style={{ width: 150 }}
          value={month}
          onChange={setMonth}
          options={[{ value: null, label: t('energy2.import.annual') }, ...YTD_MONTHS.map((m) => ({ value: m, label: t('energy2.import.ytd', { month: m }) }))]}
        />
        <ExcelImportButtons
          templateHref={accountsTemplateUrl(periodKey)}
          templateFileName={t('energy2.import.fileName', { period: periodKey })}
          templateLabel={t('energy2.import.template')}
          importLabel={t('energy2.import.upload')}
          importer={importer}
          importedMessage={(r) => t('energy2.import.done', { n: r.imported, period: r.periodKey })}
        />
      </Flex>
      <ImportErrors importer={importer} />
    </Card>
  );
}

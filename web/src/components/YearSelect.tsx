import { Select } from 'antd';
import { useI18n } from '../app/i18n-context';
import { HiddenLabel } from './HiddenLabel';

/** The year a page shows (年度), picked from the given years as “2024 年”. */
export function YearSelect({ id, years, value, onChange }: { id: string; years: readonly number[]; value: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  return (
    <>
      <HiddenLabel htmlFor={id}>{t('reporting.year')}</HiddenLabel>
      <Select<number> id={id} style={{ width: 120 }} value={value} onChange={onChange} options={years.map((y) => ({ value: y, label: t('reporting.yearOption', { year: y }) }))} />
    </>
  );
}

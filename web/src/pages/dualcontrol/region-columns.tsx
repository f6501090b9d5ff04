import { Button } from 'antd';
import type { Translate } from '../../app/i18n-context';
import type { ExportColumn } from '../../components/table-export';

/** A rate (a fraction) as the percent number an exported sheet holds, to 2 decimals; null stays empty. */
export const percentCell = (v: number | null | undefined) => (v === null || v === undefined ? null : Number((v * 100).toFixed(2)));

/** The region column of the barometer tables: its name as a link that opens the region (the name alone when exported). */
export function regionNameColumn<R extends { regionCode: string; name: string }>(t: Translate, onOpen: (regionCode: string) => void, options: { fixed?: 'left' } = {}): ExportColumn<R> {
  return {
    title: t('energy.col.region'),
    dataIndex: 'name',
    ...options,
    width: 120,
    render: (name: string, r) => (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.regionCode)} title={t('energy.openRegion', { name })}>
        {name}
      </Button>
    ),
    exportValue: (r) => r.name,
  };
}

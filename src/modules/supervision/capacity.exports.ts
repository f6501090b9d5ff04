import ExcelJS from 'exceljs';
import { beijingDate } from '../../domain/reporting/calendar';
import { officialSheet } from '../../exports/xlsx';
import { type MessageKey, translate } from '../../i18n/index';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import { listEnergyManagers } from './capacity.training.service';

// The table goes to the provincial bureau in Chinese, whatever the reader's language.
const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key as MessageKey, params);

/** 重点用能单位能源管理负责人及培训情况表 (plan 四（五）) as .xlsx, the rows and order of the on-screen list. */
export async function energyManagersXlsx(ctx: Ctx, q: Parameters<typeof listEnergyManagers>[1]) {
  const rows = await listEnergyManagers(ctx, q);
  const year = q.year ?? Number(beijingDate(ctx.now).slice(0, 4));
  const regions = new Map((await orgRepo.listRegions(ctx.db)).map((r) => [r.code, r.name]));
  const headers = ['序号', zh('supervision.capacity.expert.region'), zh('supervision.capacity.managers.enterprise'), zh('supervision.capacity.managers.uscc'), zh('supervision.capacity.managers.keyUnitClass'), zh('supervision.capacity.managers.manager'), zh('supervision.capacity.managers.phone'), zh('supervision.capacity.managers.status'), zh('supervision.capacity.managers.lastTrainedOn')];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ECER';
  const title = zh('supervision.capacity.managers.sheetTitle', { year });
  const { ws, head } = officialSheet(wb, '能源管理负责人', headers.length, title, `填报日期：${beijingDate(ctx.now)}　　　　共 ${rows.length} 家`);
  headers.forEach((h, i) => head(3, i + 1, h, 4));
  rows.forEach((r, i) => {
    ws.addRow([i + 1, regions.get(r.regionCode) ?? r.regionCode, r.enterpriseName, r.uscc, r.keyUnitClass === 'key' ? '重点' : r.keyUnitClass === 'designatable' ? '可指定' : '', r.manager ?? '', r.managerPhone ?? '', zh(`supervision.capacity.status.${r.status}`), r.lastTrainedOn ?? '']);
  });
  [6, 14, 32, 22, 8, 14, 16, 12, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return { fileName: `${title}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}

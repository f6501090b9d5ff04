import ExcelJS from 'exceljs';
import { canRecordAttendance } from '../../domain/supervision/capacity-access';
import { AppError } from '../../domain/errors';
import { NOT_A_WORKBOOK, type SheetIssue, headerColumns, loadWorkbook, plainValue, sheetErrors } from '../../exports/xlsx';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as authRepo from '../auth/repo';
import * as orgRepo from '../org/repo';
import { requireCapacityRole } from './capacity.access';
import * as repo from './capacity.repo';

/** 参训名单 import (.xlsx): one row per attendee, a platform user by 用户名 or an enterprise's person by USCC and name. */

export const ATTENDANCE_COLUMNS = ['姓名', '用户名', '统一社会信用代码', '是否出席', '证书编号'] as const;
type Column = (typeof ATTENDANCE_COLUMNS)[number];
const YES = new Set(['', '是', '√', 'y', 'yes', '1', 'true', '出席']);
const NO = new Set(['否', '×', 'x', 'n', 'no', '0', 'false', '缺席']);

/** The empty sheet with its header row (and one example row), for those who record attendance. */
export async function attendanceTemplate(ctx: Ctx): Promise<Buffer> {
  await requireCapacityRole(ctx, ['manager', 'inspector', 'county'], '登记参训');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('参训名单');
  ws.addRow([...ATTENDANCE_COLUMNS]).font = { bold: true };
  ws.addRow(['张三', '', '91360700MA0000001T', '是', 'GZ2026-001']);
  ATTENDANCE_COLUMNS.forEach((_, i) => (ws.getColumn(i + 1).width = 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Imports an event's attendance: every row is checked (who, and whether the actor may record that person: a county
 * only its own region's) before anything is stored; any error and nothing is, each error named by row and column.
 */
export async function importAttendance(ctx: Ctx, eventId: number, data: Buffer) {
  const role = await requireCapacityRole(ctx, ['manager', 'inspector', 'county'], '登记参训');
  const event = await repo.findEvent(ctx.db, eventId);
  if (!event) throw new AppError('not-found', `培训 ${eventId} 不存在`);
  if (role === 'inspector' && !canRecordAttendance(role, ctx.actor, event, null)) throw new AppError('forbidden', '只能登记本部门组织的培训的参训情况');
  const wb = await loadWorkbook(data);
  const ws = wb?.worksheets[0];
  if (!ws) throw new AppError('validation', NOT_A_WORKBOOK);
  const sheet = ws.name;
  const cols = headerColumns(ws.getRow(1));
  const missing = ATTENDANCE_COLUMNS.filter((c) => !cols.has(c) && c !== '证书编号');
  if (missing.length) throw sheetErrors(missing.map((c) => ({ sheet, row: 1, field: c, detail: `缺少“${c}”列` })));

  const errors: SheetIssue[] = [];
  const rows: Array<{ userId: number | null; enterpriseId: number | null; name: string; attended: boolean; certificateNo: string | null }> = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const text = (c: Column) => {
      const col = cols.get(c);
      const v = col ? plainValue(ws.getRow(r).getCell(col).value) : null;
      return v === null || v === undefined ? '' : String(v).trim();
    };
    if (ATTENDANCE_COLUMNS.every((c) => text(c) === '')) continue;
    const fail = (field: Column, detail: string) => errors.push({ sheet, row: r, field, detail });
    const attendedText = text('是否出席').toLowerCase();
    if (!YES.has(attendedText) && !NO.has(attendedText)) fail('是否出席', `“${text('是否出席')}”应为“是”或“否”`);
    if (text('证书编号').length > 50) fail('证书编号', '证书编号不超过 50 个字符');
    let who: { userId: number | null; enterpriseId: number | null; name: string; regionCode: string | null } | null = null;
    if (text('用户名') && text('统一社会信用代码')) fail('用户名', '用户名与统一社会信用代码只能填写一项');
    else if (text('用户名')) {
      const u = await authRepo.findUserByUsername(ctx.db, text('用户名'));
      if (!u) fail('用户名', `用户“${text('用户名')}”不存在`);
      else who = { userId: u.id, enterpriseId: null, name: u.displayName, regionCode: u.regionCode };
    } else if (text('统一社会信用代码')) {
      const e = await orgRepo.findEnterprise(ctx.db, { uscc: text('统一社会信用代码').toUpperCase() });
      if (!e) fail('统一社会信用代码', `统一社会信用代码“${text('统一社会信用代码')}”的企业不存在`);
      else if (!text('姓名')) fail('姓名', '请填写企业参训人员姓名');
      else if (text('姓名').length > 50) fail('姓名', '姓名不超过 50 个字符');
      else who = { userId: null, enterpriseId: e.id, name: text('姓名'), regionCode: e.regionCode };
    } else fail('用户名', '请填写用户名，或企业的统一社会信用代码和姓名');
    if (who && !canRecordAttendance(role, ctx.actor, event, who.regionCode)) {
      fail(who.userId ? '用户名' : '统一社会信用代码', '只能登记本县（市、区）人员的参训情况');
      who = null;
    }
    if (who) rows.push({ userId: who.userId, enterpriseId: who.enterpriseId, name: who.name, attended: !NO.has(attendedText), certificateNo: text('证书编号') || null });
  }
  if (errors.length) throw sheetErrors(errors);
  if (rows.length === 0) throw new AppError('validation', '文件中没有参训记录');
  const recordedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : 0;
  return ctx.db.transaction(async (tx) => {
    for (const row of rows) await repo.insertAttendance(tx, { eventId, ...row, recordedBy, recordedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'importTrainingAttendance', entity: 'training_event', entityId: eventId, after: { rows } });
    return { imported: rows.length };
  });
}

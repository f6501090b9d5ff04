import { AppError } from '../../domain/errors';
import { type SheetIssue, sheetErrors } from '../../exports/xlsx';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as repo from './institutions.repo';
import { REGISTRY_SHEET, quotaTable, readRegistryWorkbook, registryTemplate } from './institutions.files';
import { listInstitutions, placeProblem, regionsInOrder, rightsOf } from './institutions.service';

/** 公共机构 workbooks as use cases: the import template, the all-or-nothing import, the quota table export. */

/** The template names the regions the actor may register institutions in. */
export async function registryTemplateFor(ctx: Ctx): Promise<Buffer> {
  const rights = await rightsOf(ctx);
  if (!rights.writesAny) throw new AppError('forbidden', '无权登记公共机构');
  const { all } = await regionsInOrder(ctx.db);
  return registryTemplate(all.filter((r) => rights.writeRegion(r.code)).map((r) => (r.kind === 'city' ? '市本级' : r.name)));
}

/**
 * Imports a filled registry template: every row is checked (schema, place, the actor's county, names repeated in the
 * file) before anything is written; any error refuses the whole file naming row and column. A row whose name already
 * exists in its region updates that institution. Audited per institution.
 */
export async function importInstitutions(ctx: Ctx, data: Buffer) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const rights = await rightsOf(ctx);
  if (!rights.writesAny) throw new AppError('forbidden', '无权登记公共机构');
  const { city, all } = await regionsInOrder(ctx.db);
  const codeOf = new Map<string, string>([['市本级', city.code], ...all.flatMap((r) => [[r.name, r.code] as [string, string], [r.code, r.code] as [string, string]])]);
  const { rows, issues } = await readRegistryWorkbook(data, (v) => codeOf.get(v));
  const seen = new Map<string, number>();
  const bad = (row: number, field: string, detail: string) => issues.push({ sheet: REGISTRY_SHEET, row, field, detail } satisfies SheetIssue);
  for (const { row, body } of rows) {
    const problem = await placeProblem(ctx.db, body.regionCode, body.level);
    if (problem) bad(row, problem.field === 'level' ? '层级（市级/县级/乡镇级）' : '所在地区（市本级或县市区名称）', problem.detail);
    else if (!rights.writeRegion(body.regionCode)) bad(row, '所在地区（市本级或县市区名称）', '无权登记该地区的公共机构');
    const key = `${body.regionCode}\u0000${body.name}`;
    if (seen.has(key)) bad(row, '名称', `与第 ${seen.get(key)} 行重复`);
    else seen.set(key, row);
  }
  if (issues.length) throw sheetErrors(issues);
  const result = await ctx.db.transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const { body } of rows) {
      const before = await repo.findInstitutionByName(tx, body.regionCode, body.name);
      const values = { ...body, updatedBy: a.userId, updatedAt: ctx.now };
      const row = before ? await repo.updateInstitution(tx, before.id, values) : await repo.insertInstitution(tx, values);
      if (before) updated++;
      else created++;
      await recordAudit(tx, ctx, { action: before ? 'updatePublicInstitution' : 'createPublicInstitution', entity: 'public_institution', entityId: row.id, before, after: row });
    }
    return { created, updated };
  });
  ctx.log.info({ ...result }, 'public institutions imported');
  return result;
}

/** The quota table of a year for the institutions the actor reads, in the registry's order (warnings first). */
export async function quotaTableFor(ctx: Ctx, year: number, filter: { regionCode?: string; kind?: string; level?: string }) {
  const rows = await listInstitutions(ctx, { ...filter, year });
  const who = ctx.actor.kind === 'user' ? ctx.actor.displayName : '';
  return quotaTable(rows, year, `填报单位：${who}　　导出日期：${ctx.now.toISOString().slice(0, 10)}　　说明：不足 12 个月的按月数折算为全年（实际 × 12 ÷ 月数）与年度定额比较`);
}

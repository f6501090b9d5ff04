import { createHash } from 'node:crypto';
import { canWriteRegion } from '../../domain/access';
import { accountProblem } from '../../domain/energy/accounts-file';
import { AppError } from '../../domain/errors';
import { type Revision, SUBMISSION_PROBLEMS, decideSubmission } from '../../domain/reporting/lifecycle';
import { type SheetIssue, sheetErrors } from '../../exports/xlsx';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import { storeRevision } from './accounts.service';
import { type ColumnKey, SHEET, buildAccountsTemplate, headerOf, readAccountsWorkbook } from './excel';
import * as repo from './repo';
import type { AccountBody } from './schemas';

/** The Statistics Bureau's sheet for a period, with every region the actor may fill. */
export async function accountsTemplate(ctx: Ctx, periodKey: string): Promise<Buffer> {
  const regions = (await orgRepo.listRegions(ctx.db)).filter((r) => canWriteRegion(ctx.actor, r.code));
  return buildAccountsTemplate(periodKey, regions);
}

const NUMBER_KEYS = ['gdpCurrent', 'gdpGrowthPct', 'energy', 'coal', 'nonFossil', 'renewableElectricity', 'feedstock', 'listedProjects'] as const;

/**
 * Imports the Statistics Bureau's sheet: every filled row becomes a new revision (submitted for the city's
 * approval), checked as a form entry is; any error anywhere and nothing is stored.
 */
export async function importAccounts(ctx: Ctx, data: Buffer) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  const { periodKey, rows, issues } = await readAccountsWorkbook(data);
  const errors: SheetIssue[] = [...issues];
  const fail = (row: number, key: ColumnKey | string, detail: string) => errors.push({ sheet: SHEET, row, field: headerOf(key), detail });
  const regions = await orgRepo.listRegions(ctx.db);
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map(regions.map((r) => [r.name, r]));
  const existing = periodKey ? await repo.listAccounts(ctx.db, { year: Number(periodKey.slice(0, 4)) }) : [];
  const accepted: Array<{ body: AccountBody; revision: number; isCorrection: boolean }> = [];
  const seen = new Set<string>();
  for (const { row, cells } of rows) {
    const text = (k: ColumnKey) => (cells[k] === null || cells[k] === undefined ? '' : String(cells[k]).trim());
    if (NUMBER_KEYS.every((k) => text(k) === '')) continue; // a region left blank is not reported
    const region = byCode.get(text('regionCode')) ?? (text('regionCode') === '' ? byName.get(text('regionName')) : undefined);
    if (!region) {
      fail(row, 'regionCode', `地区“${text('regionCode') || text('regionName')}”不存在`);
      continue;
    }
    if (!canWriteRegion(a, region.code)) {
      fail(row, 'regionCode', `无权填报 ${region.name} 的能源数据`);
      continue;
    }
    const num: Partial<Record<(typeof NUMBER_KEYS)[number], number | null>> = {};
    let bad = false;
    for (const k of NUMBER_KEYS) {
      const t = text(k).replace(/[,，\s%]/g, '');
      const n = t === '' ? null : Number(t);
      if (n !== null && (!Number.isFinite(n) || (k !== 'gdpGrowthPct' && n < 0) || (k === 'gdpGrowthPct' && (n <= -100 || n >= 100)))) {
        fail(row, k, `“${text(k)}”不是有效的${k === 'gdpGrowthPct' ? '增速（-100 到 100 之间的百分数）' : '非负数'}`);
        bad = true;
      }
      num[k] = n;
    }
    if (bad || !periodKey) continue;
    if (num.energy === null || num.energy === undefined) {
      fail(row, 'energy', '须填写能源消费总量');
      continue;
    }
    const body: AccountBody = {
      regionCode: region.code,
      periodKey,
      gdpCurrent: num.gdpCurrent ?? null,
      gdpGrowth: num.gdpGrowthPct === null || num.gdpGrowthPct === undefined ? null : num.gdpGrowthPct / 100,
      energy: num.energy,
      coal: num.coal ?? null,
      nonFossil: num.nonFossil ?? 0,
      renewableElectricity: num.renewableElectricity ?? 0,
      feedstock: num.feedstock ?? 0,
      listedProjects: num.listedProjects ?? 0,
      note: text('note').slice(0, 2000),
      correctionReason: null,
    };
    const problem = accountProblem(body);
    if (problem) {
      fail(row, problem.field === 'gdpGrowth' ? 'gdpGrowthPct' : problem.field, problem.message);
      continue;
    }
    if (seen.has(region.code)) {
      fail(row, 'regionCode', `${region.name} 在表中出现两次`);
      continue;
    }
    seen.add(region.code);
    const decision = decideSubmission(existing.filter((x) => x.regionCode === region.code && x.periodKey === periodKey) as Revision[], null);
    if (!decision.ok) {
      fail(row, 'energy', `${region.name}：${SUBMISSION_PROBLEMS[decision.code][1]}`);
      continue;
    }
    accepted.push({ body, ...decision });
  }
  if (errors.length) throw sheetErrors(errors);
  if (!accepted.length) throw new AppError('validation', '表中没有填写任何地区的数据');
  const sha256 = createHash('sha256').update(data).digest('hex');
  return ctx.db.transaction(async (tx) => {
    for (const x of accepted) await storeRevision(tx, ctx, x.body, x);
    await recordAudit(tx, ctx, { action: 'importEnergyAccounts', entity: 'energy_account', entityId: sha256.slice(0, 16), after: { sha256, periodKey, regions: accepted.map((x) => x.body.regionCode) } });
    return { imported: accepted.length, periodKey: periodKey!, sha256 };
  });
}

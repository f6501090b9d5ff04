import type { Db } from '../../db/client';
import { canReadEnterprise, canWriteEnterprise, canWriteRegion, enterpriseScopeOf } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { OrgFile } from '../../domain/org/org-file';
import { checkUscc } from '../../domain/org/uscc';
import type { AuditCtx, Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as repo from './repo';
import type { DepartmentOut, EnterpriseBody, EnterpriseOut, EnterprisePatch, RegionOut } from './schemas';

const sameRecord = (a: Record<string, unknown> | null | undefined, b: Record<string, unknown>) =>
  !!a && Object.entries(b).every(([k, v]) => (a[k] ?? null) === (v ?? null));

/**
 * Loads regions and departments from the org file: inserts what is new, updates what changed,
 * audits each change, and does nothing on a second load of the same file.
 */
export async function loadOrganisation(db: Db, ctx: AuditCtx, file: OrgFile): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    let changed = 0;
    const regions = [
      { code: file.city.code, name: file.city.name, fullName: null, kind: 'city', parentCode: null, formerName: null, formerCode: null, sort: 0 },
      ...file.regions.map((r, i) => ({
        code: r.code,
        name: r.name,
        fullName: r.fullName ?? null,
        kind: r.kind,
        parentCode: file.city.code,
        formerName: r.formerName ?? null,
        formerCode: r.formerCode ?? null,
        sort: i + 1,
      })),
    ];
    for (const r of regions) {
      const before = await repo.findRegion(tx, r.code);
      if (sameRecord(before, r)) continue;
      await repo.upsertRegion(tx, r);
      await recordAudit(tx, ctx, { action: 'loadRegion', entity: 'region', entityId: r.code, before, after: r });
      changed++;
    }
    for (const [i, d] of file.departments.entries()) {
      const row = { ...d, sort: i + 1 };
      const before = await repo.findDepartment(tx, { code: d.code });
      if (sameRecord(before, row)) continue;
      await repo.upsertDepartment(tx, row);
      await recordAudit(tx, ctx, { action: 'loadDepartment', entity: 'department', entityId: d.code, before, after: row });
      changed++;
    }
    return { changed };
  });
}

export async function listRegions(ctx: Ctx): Promise<RegionOut[]> {
  return (await repo.listRegions(ctx.db)).map(({ sort: _s, ...r }) => ({ ...r, kind: r.kind as RegionOut['kind'] }));
}

export async function listDepartments(ctx: Ctx): Promise<DepartmentOut[]> {
  return (await repo.listDepartments(ctx.db)).map(({ sort: _s, ...d }) => ({ ...d, kind: d.kind as DepartmentOut['kind'] }));
}

const enterpriseOut = (e: NonNullable<Awaited<ReturnType<typeof repo.findEnterprise>>>): EnterpriseOut => ({
  id: e.id,
  uscc: e.uscc,
  name: e.name,
  regionCode: e.regionCode,
  industry: e.industry,
  industryCode: e.industryCode,
  isKeyEnergyUnit: e.isKeyEnergyUnit,
  keyUnitClass: e.keyUnitClass as EnterpriseOut['keyUnitClass'],
  isKeyPollutantUnit: e.isKeyPollutantUnit,
  energyManager: e.energyManager,
  energyManagerPhone: e.energyManagerPhone,
  contact: e.contact,
});

export async function listEnterprises(ctx: Ctx, f: { regionCode?: string; q?: string }) {
  return (await repo.listEnterprises(ctx.db, enterpriseScopeOf(ctx.actor), f)).map(enterpriseOut);
}

/** One enterprise; another scope's enterprise answers 404 so its existence does not leak. */
export async function getEnterprise(ctx: Ctx, id: number) {
  const e = await repo.findEnterprise(ctx.db, { id });
  if (!e || !canReadEnterprise(ctx.actor, e)) throw new AppError('not-found', `企业 ${id} 不存在`);
  return enterpriseOut(e);
}

async function validateEnterprise(tx: Db, input: { uscc?: string; regionCode?: string }) {
  let uscc: string | undefined;
  if (input.uscc !== undefined) {
    const check = checkUscc(input.uscc);
    if (!check.ok) throw new AppError('uscc-invalid', check.reason, { pointer: '#/uscc', field: 'uscc', offset: check.offset });
    uscc = check.uscc;
  }
  if (input.regionCode !== undefined && !(await repo.findRegion(tx, input.regionCode))) {
    throw new AppError('validation', `行政区划代码 ${input.regionCode} 不存在`, { pointer: '#/regionCode', field: 'regionCode' });
  }
  return uscc;
}

export async function createEnterprise(ctx: Ctx, body: EnterpriseBody) {
  if (!canWriteRegion(ctx.actor, body.regionCode)) throw new AppError('forbidden', `无权在 ${body.regionCode} 登记企业`);
  return ctx.db.transaction(async (tx) => {
    const uscc = (await validateEnterprise(tx, body))!;
    if (await repo.findEnterprise(tx, { uscc })) {
      throw new AppError('conflict', `统一社会信用代码 ${uscc} 已登记`, { pointer: '#/uscc', field: 'uscc' });
    }
    const row = await repo.insertEnterprise(tx, { ...body, uscc, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'createEnterprise', entity: 'enterprise', entityId: row.id, after: row });
    ctx.log.info({ enterpriseId: row.id }, 'enterprise created');
    return enterpriseOut(row);
  });
}

export async function updateEnterprise(ctx: Ctx, id: number, patch: EnterprisePatch) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findEnterprise(tx, { id });
    if (!before || !canReadEnterprise(ctx.actor, before)) throw new AppError('not-found', `企业 ${id} 不存在`);
    if (!canWriteEnterprise(ctx.actor, before)) throw new AppError('forbidden', `无权修改企业 ${id}`);
    // An enterprise keeps its own contacts up to date; whether it is a key unit is the authorities' call.
    const classified = (['isKeyEnergyUnit', 'keyUnitClass', 'isKeyPollutantUnit', 'regionCode', 'uscc'] as const).find((k) => patch[k] !== undefined);
    if (ctx.actor.kind === 'user' && ctx.actor.role === 'enterprise' && classified) {
      throw new AppError('forbidden', '企业不能自行修改统一社会信用代码、所在地区或重点单位类别', { pointer: `#/${classified}`, field: classified });
    }
    if (patch.regionCode && !canWriteRegion(ctx.actor, patch.regionCode)) {
      throw new AppError('forbidden', `无权把企业迁至 ${patch.regionCode}`, { pointer: '#/regionCode', field: 'regionCode' });
    }
    const uscc = await validateEnterprise(tx, patch);
    if (uscc && uscc !== before.uscc && (await repo.findEnterprise(tx, { uscc }))) {
      throw new AppError('conflict', `统一社会信用代码 ${uscc} 已登记`, { pointer: '#/uscc', field: 'uscc' });
    }
    const after = await repo.updateEnterprise(tx, id, { ...patch, ...(uscc ? { uscc } : {}), updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'updateEnterprise', entity: 'enterprise', entityId: id, before, after });
    return enterpriseOut(after!);
  });
}

import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { beijingDate } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import { recordAudit } from '../audit/service';
import { referenceAt } from '../reference/service';
import * as repo from './repo';
import type { SchemeBody, SchemeOut } from './schemas';

const schemeOut = (s: repo.SchemeRow, inUse: boolean): SchemeOut => ({
  id: s.id,
  code: s.code,
  version: s.version,
  subject: s.subject as SchemeOut['subject'],
  name: s.name,
  scheme: s.body,
  source: s.source,
  inUse,
  createdAt: s.createdAt,
});

/** On the first read of an empty table, the reference data's region and department schemes become version 1. */
async function seedSchemes(ctx: Ctx) {
  if ((await repo.countSchemes(ctx.db)) > 0) return;
  const ref = await referenceAt(ctx.db, 'assessment-schemes', beijingDate(ctx.now));
  await ctx.db.transaction(async (tx) => {
    for (const scheme of [ref.value.region, ref.value.department]) {
      const row = await repo.insertScheme(tx, { code: scheme.code, version: 1, subject: scheme.subject, name: scheme.name, body: scheme, source: ref.source, createdBy: null, createdAt: ctx.now });
      if (row) await recordAudit(tx, ctx, { action: 'seedAssessmentScheme', entity: 'assessment_scheme', entityId: row.id, after: row });
    }
  });
}

/** 考核方案: every version, with whether an assessment uses it. */
export async function listSchemes(ctx: Ctx): Promise<SchemeOut[]> {
  await seedSchemes(ctx);
  return (await repo.listSchemes(ctx.db)).map((r) => schemeOut(r.s, r.inUse));
}

/** The scheme version an assessment runs; 404 when it does not exist. */
export async function schemeById(db: Db, id: number) {
  const s = await repo.findScheme(db, id);
  if (!s) throw new AppError('not-found', `考核方案 ${id} 不存在`);
  return s;
}

/** A new version of scheme.code (version 1 for a new code); the body passed the domain's refinements at the route. */
export async function createScheme(ctx: Ctx, body: SchemeBody): Promise<SchemeOut> {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  await seedSchemes(ctx);
  return ctx.db.transaction(async (tx) => {
    const version = (await repo.maxSchemeVersion(tx, body.scheme.code)) + 1;
    const row = await repo.insertScheme(tx, {
      code: body.scheme.code,
      version,
      subject: body.scheme.subject,
      name: body.scheme.name,
      body: body.scheme,
      source: body.source,
      createdBy: a.userId,
      createdAt: ctx.now,
    });
    if (!row) throw new AppError('conflict', `考核方案 ${body.scheme.code} 第 ${version} 版刚被他人创建，请刷新后重试`);
    await recordAudit(tx, ctx, { action: 'createAssessmentScheme', entity: 'assessment_scheme', entityId: row.id, after: row });
    return schemeOut(row, false);
  });
}

/** Changes a version no assessment uses yet; a version in use only gets a successor (409). */
export async function updateScheme(ctx: Ctx, id: number, body: SchemeBody): Promise<SchemeOut> {
  return ctx.db.transaction(async (tx) => {
    const before = await schemeById(tx, id);
    if (await repo.schemeInUse(tx, id)) throw new AppError('conflict', `考核方案 ${before.code} 第 ${before.version} 版已被考核使用，不能修改，请另存为新版本`);
    if (body.scheme.code !== before.code) throw new AppError('validation', `方案代码不能修改（应为 ${before.code}）`, { pointer: '#/scheme/code', field: 'scheme.code' });
    if (body.scheme.subject !== before.subject) throw new AppError('validation', '考核对象不能修改', { pointer: '#/scheme/subject', field: 'scheme.subject' });
    const row = await repo.updateScheme(tx, id, { name: body.scheme.name, body: body.scheme, source: body.source });
    await recordAudit(tx, ctx, { action: 'updateAssessmentScheme', entity: 'assessment_scheme', entityId: id, before, after: row });
    return schemeOut(row, false);
  });
}

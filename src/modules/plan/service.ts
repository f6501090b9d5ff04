import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { type PlanFilter, filterPlan } from '../../domain/plan/filter';
import type { PlanTree } from '../../domain/plan/model';
import type { Comparison } from '../../domain/plan/plan-file';
import type { Ctx } from '../../server/context';
import * as orgRepo from '../org/repo';
import * as repo from './repo';

// Map.groupBy arrives in Node 21; we support Node 20.
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

type CachedTree = { contentHash: string; tree: PlanTree; json: Buffer; checkedAt: number };
// Plans change only when a plan file is loaded; the tree is rebuilt when the stored hash moves.
// The hash is re-read at most once a second, per database.
const HASH_TTL_MS = 1_000;
const treeCaches = new WeakMap<Db, Map<string, CachedTree>>();

async function buildTree(db: Db, code: string): Promise<PlanTree | null> {
  const p = await repo.findPlan(db, code);
  if (!p) return null;
  const rows = await repo.loadPlanRows(db, p.id);
  const deptsOfTask = groupBy(rows.taskDepts.sort((a, b) => a.sort - b.sort), (d) => d.taskId);
  const regionsOfTask = groupBy(rows.taskRegions, (r) => r.taskId);
  const deptsOfIndicator = groupBy(rows.indicatorDepts, (d) => d.indicatorId);
  const tasksOfSection = groupBy(rows.tasks, (t) => t.sectionId);
  const indicatorsOfSection = groupBy(rows.indicators, (x) => x.sectionId);
  const sectionsOfChapter = groupBy(rows.sections, (s) => s.chapterId);
  const ref = (d: { id: number; name: string }) => ({ id: d.id, name: d.name });
  return {
    code: p.code,
    name: p.name,
    regionCode: p.regionCode,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    baselineYear: p.baselineYear,
    parentName: p.parentName,
    parentDocNumber: p.parentDocNumber,
    preamble: p.preamble,
    allRegionsImplement: p.allRegionsImplement,
    allRegionsQuote: p.allRegionsQuote,
    chapters: rows.chapters.map((c) => ({
      id: c.id,
      no: c.no,
      title: c.title,
      sections: (sectionsOfChapter.get(c.id) ?? []).map((s) => ({
        id: s.id,
        no: s.no,
        title: s.title,
        quote: s.quote,
        isKeyProject: s.isKeyProject,
        responsibilityQuote: s.responsibilityQuote,
        tasks: (tasksOfSection.get(s.id) ?? []).map((t) => {
          const depts = deptsOfTask.get(t.id) ?? [];
          return {
            id: t.id,
            code: t.code,
            text: t.text,
            lead: depts.filter((d) => d.role === 'lead').map(ref),
            cooperating: depts.filter((d) => d.role === 'cooperating').map(ref),
            namedRegions: (regionsOfTask.get(t.id) ?? []).map((r) => r.regionCode),
          };
        }),
        indicators: (indicatorsOfSection.get(s.id) ?? []).map(({ planId: _p, sectionId: _s, sort: _o, ...x }) => ({
          ...x,
          comparison: x.comparison as Comparison,
          departments: (deptsOfIndicator.get(x.id) ?? []).map(ref),
        })),
      })),
    })),
  };
}

/** The plan tree, from the cache while the stored plan is unchanged. */
export async function getPlanTree(db: Db, code: string, nowMs = Date.now()): Promise<CachedTree> {
  let cache = treeCaches.get(db);
  if (!cache) treeCaches.set(db, (cache = new Map()));
  const cached = cache.get(code);
  if (cached && nowMs - cached.checkedAt < HASH_TTL_MS) return cached;
  const current = await repo.findPlanHash(db, code);
  if (!current) throw new AppError('not-found', `方案 ${code} 不存在`);
  if (cached?.contentHash === current.contentHash) {
    cached.checkedAt = nowMs;
    return cached;
  }
  const tree = await buildTree(db, code);
  if (!tree) throw new AppError('not-found', `方案 ${code} 不存在`);
  const fresh = { contentHash: current.contentHash, tree, json: Buffer.from(JSON.stringify(tree)), checkedAt: nowMs };
  cache.set(code, fresh);
  return fresh;
}

export async function listPlans(ctx: Ctx) {
  return (await repo.listPlans(ctx.db)).map(({ id: _i, contentHash: _h, loadedAt: _l, sourceFile: _s, ...p }) => p);
}

/** Codes of the loaded plans, oldest period first. */
export async function listPlanCodes(db: Db): Promise<string[]> {
  return (await repo.listPlans(db)).map((p) => p.code);
}

export async function searchPlan(ctx: Ctx, code: string, f: PlanFilter) {
  if (f.regionCode && !(await orgRepo.findRegion(ctx.db, f.regionCode))) {
    throw new AppError('validation', `行政区划 ${f.regionCode} 不存在`, { field: 'query.region' });
  }
  const { tree } = await getPlanTree(ctx.db, code, ctx.now.getTime());
  return filterPlan(tree, f);
}

/**
 * 我的任务和指标: a department user sees its own department's; the city and admins choose one;
 * other roles have no department.
 */
export async function getMyItems(ctx: Ctx, code: string, departmentId: number | undefined) {
  const a = ctx.actor;
  if (a.kind !== 'user') throw new AppError('unauthenticated', '请先登录');
  let id = departmentId;
  if (a.role === 'department') {
    if (id !== undefined && id !== a.departmentId) throw new AppError('forbidden', '只能查看本部门的任务和指标');
    id = a.departmentId ?? undefined;
  } else if (a.role !== 'admin' && a.role !== 'steering') {
    throw new AppError('forbidden', '该账号不属于市直部门');
  }
  if (id === undefined) throw new AppError('validation', '请选择部门', { field: 'query.department' });
  const department = await orgRepo.findDepartment(ctx.db, { id });
  if (!department) throw new AppError('not-found', `部门 ${id} 不存在`);
  const found = await searchPlan(ctx, code, { departmentId: id });
  return { department: { id: department.id, name: department.name, fullName: department.fullName }, ...found };
}

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { PlanFile } from '../../domain/plan/plan-file';
import { type PlanIssue, resolvePlan } from '../../domain/plan/resolve';
import type { AuditCtx } from '../../server/context';
import { recordAudit } from '../audit/service';
import * as orgRepo from '../org/repo';
import * as repo from './repo';

export type ParsedPlanFile = { file: PlanFile; sourceText: string; contentHash: string; path: string };

/** Reads a plan file and the source text beside it; says which field is wrong if it does not parse. */
export async function readPlanFile(filePath: string): Promise<ParsedPlanFile> {
  const raw = await fs.readFile(filePath, 'utf8');
  const doc = YAML.parseDocument(raw, { prettyErrors: true });
  if (doc.errors.length) throw new Error(`${filePath}: YAML 格式错误：${doc.errors.map((e) => e.message).join('; ')}`);
  const parsed = PlanFile.safeParse(doc.toJS());
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`${filePath}: 方案数据文件不符合格式：\n${lines.join('\n')}`);
  }
  const sourceText = await fs.readFile(path.join(path.dirname(filePath), parsed.data.sourceFile), 'utf8');
  const contentHash = createHash('sha256').update(raw).update('\0').update(sourceText).digest('hex');
  return { file: parsed.data, sourceText, contentHash, path: filePath };
}

export type LoadResult = { code: string; changed: boolean; tasks: number; indicators: number; sections: number };

const issuesText = (issues: PlanIssue[]) => issues.map((i) => `${i.path}: ${i.message}`).join('\n');

/**
 * Loads a plan into the database, all or nothing. The same file loaded again changes nothing;
 * a changed file updates items by their codes and removes what it no longer has.
 */
export async function loadPlan(db: Db, ctx: AuditCtx, parsed: ParsedPlanFile): Promise<LoadResult> {
  const { file, sourceText, contentHash } = parsed;
  return db.transaction(async (tx) => {
    const departments = await orgRepo.listDepartments(tx);
    const regions = await orgRepo.listRegions(tx);
    const resolved = resolvePlan(
      file,
      { departmentNames: new Set(departments.map((d) => d.name)), regionCodes: new Set(regions.map((r) => r.code)) },
      sourceText,
    );
    if (!resolved.ok) {
      throw new AppError('validation', `方案 ${file.code} 不能载入：\n${issuesText(resolved.issues)}`, { field: resolved.issues[0]?.path });
    }
    const p = resolved.plan;
    const counts = {
      sections: p.chapters.reduce((n, c) => n + c.sections.length, 0),
      tasks: p.chapters.reduce((n, c) => n + c.sections.reduce((m, s) => m + s.tasks.length, 0), 0),
      indicators: p.chapters.reduce((n, c) => n + c.sections.reduce((m, s) => m + s.indicators.length, 0), 0),
    };
    const before = await repo.findPlan(tx, file.code);
    if (before?.contentHash === contentHash) return { code: file.code, changed: false, ...counts };

    const deptId = new Map(departments.map((d) => [d.name, d.id]));
    const planRow = await repo.upsertPlan(tx, {
      code: p.code,
      name: p.name,
      regionCode: p.regionCode,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      baselineYear: p.baselineYear,
      parentName: p.parent?.name ?? null,
      parentDocNumber: p.parent?.docNumber ?? null,
      preamble: p.preamble,
      sourceFile: p.sourceFile,
      allRegionsImplement: p.allRegionsImplement,
      allRegionsQuote: p.allRegionsQuote,
      contentHash,
      loadedAt: ctx.now,
    });
    const keep = { chapterIds: [] as number[], sectionIds: [] as number[], taskIds: [] as number[], indicatorIds: [] as number[] };
    let taskSort = 0;
    let indicatorSort = 0;
    for (const c of p.chapters) {
      const chapter = await repo.upsertChapter(tx, { planId: planRow.id, no: c.no, title: c.title });
      keep.chapterIds.push(chapter.id);
      for (const s of c.sections) {
        const { tasks, indicators, ...sectionFields } = s;
        const section = await repo.upsertSection(tx, { ...sectionFields, planId: planRow.id, chapterId: chapter.id });
        keep.sectionIds.push(section.id);
        for (const t of tasks) {
          const row = await repo.upsertTask(tx, { planId: planRow.id, sectionId: section.id, code: t.code, text: t.text, sort: ++taskSort });
          keep.taskIds.push(row.id);
          const depts = [
            ...t.lead.map((n) => ({ departmentId: deptId.get(n)!, role: 'lead' })),
            ...t.cooperating.map((n) => ({ departmentId: deptId.get(n)!, role: 'cooperating' })),
          ];
          await repo.replaceTaskLinks(tx, row.id, depts, t.regions);
        }
        for (const x of indicators) {
          const { departments: owners, ...fields } = x;
          const row = await repo.upsertIndicator(tx, { ...fields, planId: planRow.id, sectionId: section.id, sort: ++indicatorSort });
          keep.indicatorIds.push(row.id);
          await repo.replaceIndicatorDepartments(tx, row.id, owners.map((n) => deptId.get(n)!));
        }
      }
    }
    await repo.deleteStale(tx, planRow.id, keep);
    await recordAudit(tx, ctx, {
      action: 'loadPlan',
      entity: 'plan',
      entityId: p.code,
      before: before ? { contentHash: before.contentHash, loadedAt: before.loadedAt } : null,
      after: { contentHash, file: path.basename(parsed.path), ...counts },
    });
    return { code: p.code, changed: true, ...counts };
  });
}

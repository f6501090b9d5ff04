import type { IndicatorSpec, PlanFile } from './plan-file';
import { normalizeSourceText, uncoveredQuantities } from './source-text';

/** What a plan file may refer to: the organisation already loaded. */
export type OrgIndex = { departmentNames: ReadonlySet<string>; regionCodes: ReadonlySet<string> };

export type PlanIssue = { path: string; message: string };

export type ResolvedTask = {
  code: string;
  text: string;
  lead: string[];
  cooperating: string[];
  regions: string[];
};
/** An indicator as the file states it (defaults applied). */
export type ResolvedIndicator = IndicatorSpec;
export type ResolvedSection = {
  no: number;
  title: string;
  quote: string;
  isKeyProject: boolean;
  responsibilityQuote: string | null;
  tasks: ResolvedTask[];
  indicators: ResolvedIndicator[];
};
export type ResolvedPlan = Omit<PlanFile, 'chapters'> & {
  chapters: Array<{ no: number; title: string; sections: ResolvedSection[] }>;
};

/** Every quote-bearing field of a plan file, with its path. */
export function quotesOf(file: PlanFile): Array<{ path: string; quote: string }> {
  const out = [{ path: 'preamble', quote: file.preamble }];
  if (file.allRegionsQuote) out.push({ path: 'allRegionsQuote', quote: file.allRegionsQuote });
  file.chapters.forEach((c, ci) =>
    c.sections.forEach((s, si) => {
      const p = `chapters[${ci}].sections[${si}]`;
      out.push({ path: `${p}.quote`, quote: s.quote });
      if (s.responsibilityQuote) out.push({ path: `${p}.responsibilityQuote`, quote: s.responsibilityQuote });
      s.tasks.forEach((t, i) => out.push({ path: `${p}.tasks[${i}].quote`, quote: t.quote }));
      s.indicators.forEach((x, i) => out.push({ path: `${p}.indicators[${i}].quote`, quote: x.quote }));
    }),
  );
  return out;
}

/**
 * Checks a plan file against its source text and the organisation, and resolves
 * inherited responsibility (a task without its own departments takes its section's).
 * Returns every issue found, with the path of the field, or the resolved plan.
 */
export function resolvePlan(
  file: PlanFile,
  org: OrgIndex,
  sourceText: string,
): { ok: true; plan: ResolvedPlan } | { ok: false; issues: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const source = normalizeSourceText(sourceText);

  for (const { path, quote } of quotesOf(file)) {
    if (!source.includes(quote)) issues.push({ path, message: `引文不在方案原文中：“${quote.slice(0, 40)}…”` });
  }
  const indicatorQuotes = file.chapters.flatMap((c) => c.sections.flatMap((s) => s.indicators.map((x) => x.quote)));
  for (const q of uncoveredQuantities(source, indicatorQuotes)) {
    issues.push({ path: 'chapters', message: `原文第 ${q.index} 字处的量化目标“${q.text}”没有对应指标` });
  }
  if (!org.regionCodes.has(file.regionCode)) issues.push({ path: 'regionCode', message: `未知行政区划 ${file.regionCode}` });

  const checkDepts = (path: string, names: readonly string[]) =>
    names.forEach((n, i) => {
      if (!org.departmentNames.has(n)) issues.push({ path: `${path}[${i}]`, message: `未知部门“${n}”` });
    });
  const seenTasks = new Set<string>();
  const seenIndicators = new Set<string>();

  const chapters = file.chapters.map((c, ci) => ({
    no: c.no,
    title: c.title,
    sections: c.sections.map((s, si): ResolvedSection => {
      const p = `chapters[${ci}].sections[${si}]`;
      checkDepts(`${p}.lead`, s.lead);
      checkDepts(`${p}.cooperating`, s.cooperating);
      const tasks = s.tasks.map((t, ti): ResolvedTask => {
        const tp = `${p}.tasks[${ti}]`;
        if (seenTasks.has(t.code)) issues.push({ path: `${tp}.code`, message: `任务编号 ${t.code} 重复` });
        seenTasks.add(t.code);
        const lead = t.lead ?? s.lead;
        const cooperating = (t.cooperating ?? s.cooperating).filter((d) => !lead.includes(d));
        if (t.lead) checkDepts(`${tp}.lead`, t.lead);
        if (t.cooperating) checkDepts(`${tp}.cooperating`, t.cooperating);
        if (lead.length === 0) issues.push({ path: `${tp}.lead`, message: `任务 ${t.code} 没有牵头单位` });
        t.regions.forEach((r, ri) => {
          if (!org.regionCodes.has(r)) issues.push({ path: `${tp}.regions[${ri}]`, message: `未知行政区划 ${r}` });
        });
        return { code: t.code, text: t.quote, lead, cooperating, regions: t.regions };
      });
      const indicators = s.indicators.map((x, xi): ResolvedIndicator => {
        const xp = `${p}.indicators[${xi}]`;
        if (seenIndicators.has(x.code)) issues.push({ path: `${xp}.code`, message: `指标编号 ${x.code} 重复` });
        seenIndicators.add(x.code);
        checkDepts(`${xp}.departments`, x.departments);
        if (x.comparison !== 'qualitative' && x.target === null && x.stretch === null) {
          issues.push({ path: xp, message: `指标 ${x.code} 既无目标值也无力争值` });
        }
        return x;
      });
      return {
        no: s.no,
        title: s.title,
        quote: s.quote,
        isKeyProject: s.isKeyProject,
        responsibilityQuote: s.responsibilityQuote,
        tasks,
        indicators,
      };
    }),
  }));

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: { ...file, chapters } };
}

import { z } from 'zod';
import { ProjectInput, ReductionRulesValue, type ReductionRules } from '../domain/reduction/model';
import { accountProjects } from '../domain/reduction/account';
import { effectiveAt } from '../domain/reference/versions';
import { shippedVersions } from '../modules/reference/service';
import { InputError, parseJsonInput } from './input';

/** A JSON array of projects, or { "projects": [...] }; with --year every project is accounted for that year. */
const inputFile = (year: number | undefined) =>
  z.preprocess((v) => {
    const list = v !== null && typeof v === 'object' && !Array.isArray(v) && 'projects' in v ? (v as { projects: unknown }).projects : v;
    return year !== undefined && Array.isArray(list) ? list.map((p) => (p !== null && typeof p === 'object' ? { ...p, year } : p)) : list;
  }, z.array(ProjectInput));

/**
 * `ecer reduction account [--year N] < projects.json`: accounts each project (reduction.md §3, checks §5) with
 * the reduction-rules version in force on 31 Dec of its year, shipped in data/reference/reduction.yaml, and
 * prints the results as a JSON array in input order. Rejections are results, not errors: exit code 0; 2 when
 * the input is not a valid file (the message names the index and field; nothing printed to stdout).
 */
export async function runReductionAccount(input: string, referenceDir: string, out: NodeJS.WritableStream, opts: { year?: number } = {}): Promise<number> {
  if (opts.year !== undefined && !(Number.isInteger(opts.year) && opts.year >= 2021 && opts.year <= 2100)) throw new InputError(`--year 须为 2021–2100 的年份，收到 ${opts.year}`);
  const projects = parseJsonInput(input, inputFile(opts.year));
  const versions = await shippedVersions(referenceDir);
  const byYear = new Map<number, ReductionRules>();
  for (const y of new Set(projects.map((p) => p.year))) {
    const v = effectiveAt(versions, 'reduction-rules', `${y}-12-31`);
    if (!v) throw new InputError(`${y} 年没有生效的减排核算规则（reduction-rules）`);
    byYear.set(y, ReductionRulesValue.parse(v.value));
  }
  const results = accountProjects(projects, (p) => byYear.get(p.year)!);
  out.write('[');
  results.forEach((r, i) => out.write(`${i ? ',' : ''}\n${JSON.stringify(r)}`));
  out.write(results.length ? '\n]\n' : ']\n');
  return 0;
}

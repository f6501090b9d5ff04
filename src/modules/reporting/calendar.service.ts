import { AppError } from '../../domain/errors';
import { beijingDate, dueState, periodsOf, type Frequency } from '../../domain/reporting/calendar';
import type { Ctx } from '../../server/context';
import { getPlanTree } from '../plan/service';
import { reportingReference } from './reference';
import * as repo from './repo';
import { cadenceOf, scopeOf } from './service';

type Entry = { kind: 'indicator' | 'task'; itemId: number; code: string; name: string; regionCode: string };

/**
 * 报送日历: what the actor owes in a year, period by period, and where each stands today.
 * A department owes the city-wide reports of its items; a county the tasks it implements;
 * the steering office sees the city-wide reports of every item.
 */
export async function getCalendar(ctx: Ctx, planCode: string, year: number) {
  const a = ctx.actor;
  if (a.kind !== 'user' || a.role === 'enterprise') throw new AppError('forbidden', '该账号没有报送任务');
  const { tree } = await getPlanTree(ctx.db, planCode, ctx.now.getTime());
  if (year < tree.periodStart || year > tree.periodEnd) {
    throw new AppError('validation', `${year} 年不在方案期 ${tree.periodStart}–${tree.periodEnd} 内`, { field: 'query.year' });
  }
  const city = tree.regionCode;
  const entries: Entry[] = [];
  for (const s of tree.chapters.flatMap((c) => c.sections)) {
    for (const x of s.indicators) {
      if (x.comparison === 'qualitative' && a.role === 'county') continue;
      const mine = a.role === 'department' ? x.departments.some((d) => d.id === a.departmentId) : a.role !== 'county';
      if (mine) entries.push({ kind: 'indicator', itemId: x.id, code: x.code, name: x.name, regionCode: city });
    }
    for (const t of s.tasks) {
      const involved = [...t.lead, ...t.cooperating].some((d) => d.id === a.departmentId);
      if (a.role === 'county') {
        if (tree.allRegionsImplement || t.namedRegions.includes(a.regionCode ?? '')) {
          entries.push({ kind: 'task', itemId: t.id, code: t.code, name: t.text, regionCode: a.regionCode! });
        }
      } else if (a.role !== 'department' || involved) {
        entries.push({ kind: 'task', itemId: t.id, code: t.code, name: t.text, regionCode: city });
      }
    }
  }

  const today = beijingDate(ctx.now);
  const { dueSoonDays } = reportingReference().reporting;
  const reports = (await repo.listReports(ctx.db, scopeOf(ctx), {}, 100_000)).filter((r) => r.periodKey.startsWith(String(year)));
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) {
    const key = `${r.indicatorId ?? ''}|${r.taskId ?? ''}|${r.periodKey}|${r.regionCode}`;
    const seen = latest.get(key);
    if (!seen || r.revision > seen.revision) latest.set(key, r);
  }
  const out = [];
  for (const e of entries) {
    const ref = e.kind === 'indicator' ? { indicatorId: e.itemId } : { taskId: e.itemId };
    const cadence = await cadenceOf(ctx.db, ref);
    const periods = periodsOf(cadence.frequency as Frequency, year, cadence.dueDays).map((p) => {
      const r = latest.get(`${e.kind === 'indicator' ? e.itemId : ''}|${e.kind === 'task' ? e.itemId : ''}|${p.key}|${e.regionCode}`);
      const isIn = r !== undefined && r.status !== 'returned';
      return { key: p.key, end: p.end, due: p.due, state: dueState(p, today, isIn, dueSoonDays), reportId: r?.id ?? null, status: (r?.status ?? null) as never };
    });
    out.push({ ...e, frequency: cadence.frequency, periods });
  }
  return { today, entries: out };
}

import { actOnAssessment, createAssessment, getAssessment } from '../../modules/assessment/assessments.service';
import type { SchemeOut } from '../../modules/assessment/schemas';
import { listSchemes } from '../../modules/assessment/schemes.service';
import { addScore, getSubject, setExemption } from '../../modules/assessment/scores.service';
import { scoreAssessment } from '../../domain/assessment/index';
import { recordAudit } from '../../modules/audit/service';
import * as repo from '../../modules/assessment/repo';
import type { Ctx } from '../../server/context';
import type { DemoCtx, DemoUser } from '../context';
import type { Rng } from '../random';

/**
 * 考核 (issue #9), run last over every other step's data: the counties' assessment of the last full year taken
 * through the whole process (self-assessment, the steering office's review scores, an exempted veto where there is
 * one, consolidation, approval, publication: the ranking, /open and the comparison show it), the year before
 * published too (so year-over-year has a previous).
 */
export async function generateAssessment(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('assessment');
  const steering = ctx.city.user('steering');
  const admin = ctx.city.user('admin');
  const thisYear = Number(new Date(ctx.asOf.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const schemes = await listSchemes(ctx.as(steering, `${thisYear}-01-05T09:00:00`));
  const scheme = schemes.find((s) => s.subject === 'region')!;
  const done: string[] = [];
  // One year fully scored: each score reloads the whole assessment (~30 ms), so a second year would double the time.
  for (const year of [thisYear - 1]) {
    const id = await completedAssessment(ctx, rng, scheme, year, steering, admin);
    done.push(`${year}（${id}）`);
  }
  // This year's cannot be opened yet: the cut-off must fall after the period ends.
  ctx.log(`考核：${done.join('、')} 年度县级考核已公布`);
}

type Score = { itemKey: string; points: number; checked: string[]; note: string };

/**
 * Scores of one subject at one stage. The first county goes through the use case (its rights, checks and audit
 * are the real ones); the others are written straight to the repository, checked by the same domain rule and
 * audited alike: addScore reloads and re-scores the whole assessment each time (~60 ms, minutes at size large).
 */
async function scoreItems(ctx: Ctx, scheme: SchemeOut, assessmentId: number, key: string, stage: 'self' | 'review', scores: Score[], viaService: boolean) {
  for (const body of scores) {
    if (viaService) {
      await addScore(ctx, assessmentId, key, body);
      continue;
    }
    scoreAssessment(scheme.scheme, { reviewed: [body] });
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    const row = await repo.insertScore(ctx.db, { assessmentId, subjectKey: key, itemKey: body.itemKey, stage, points: body.points, checked: body.checked, note: body.note, actorUserId: userId!, at: ctx.now });
    await recordAudit(ctx.db, ctx, { action: 'scoreAssessmentItem', entity: 'assessment_score', entityId: row.id, after: row });
  }
}

/** Points for a reviewed item: the checklist entries a county fulfils (weaker counties fewer), summed. */
function scoreOf(item: SchemeOut['scheme']['items'][number], strength: number, rng: Rng) {
  const checklist = 'checklist' in item && item.checklist ? item.checklist : [];
  const checked = checklist.filter(() => rng.chance(strength)).map((c) => c);
  return { checked: checked.map((c) => c.key), points: checked.reduce((s, c) => s + c.points, 0) };
}

async function completedAssessment(ctx: DemoCtx, rng: Rng, scheme: SchemeOut, year: number, steering: DemoUser, admin: DemoUser) {
  const at = (date: string) => ctx.as(steering, `${date}T10:00:00`);
  // The cut-off after the counties' annual accounts are approved (April, in the dual-control step).
  const opened = await createAssessment(at(`${year + 1}-05-06`), { schemeId: scheme.id, period: String(year), cutoff: `${year + 1}-04-30`, title: `${year}年度县（市、区）节能减排目标责任评价考核（演示）` });
  const reviewed = scheme.scheme.items.filter((i) => i.kind === 'reviewed');
  // Some counties do their homework better than others (the same ones each year, from the region's order).
  const strength = new Map(ctx.city.regions.map((r, k) => [r.code, [0.95, 0.85, 0.75, 0.6][k % 4]!]));
  for (const [k, r] of ctx.city.regions.entries()) {
    const county = ctx.city.user('county', r.code);
    const self = ctx.as(county, `${year + 1}-05-${String(rng.int(8, 25)).padStart(2, '0')}T15:00:00`);
    const scores = reviewed.map((item) => ({ itemKey: item.key, ...scoreOf(item, Math.min(1, strength.get(r.code)! + 0.1), rng), note: '自评：佐证材料见附件（演示）' }));
    await scoreItems(self, scheme, opened.id, r.code, 'self', scores, k === 0);
    await actOnAssessment(self, opened.id, { action: 'submit-self', subjectKey: r.code });
  }
  await actOnAssessment(at(`${year + 1}-05-28`), opened.id, { action: 'open-review' });
  // The review: each item's first reviewing department scores it (a county's self-assessment is usually generous).
  for (const [k, r] of ctx.city.regions.entries()) {
    for (const item of reviewed) {
      const dept = ctx.city.departments.find((d) => item.reviewerDepartments.includes(d.code));
      if (!dept) continue;
      const s = scoreOf(item, strength.get(r.code)!, rng);
      const reviewer = (date: string) => ctx.as(ctx.city.user('department', dept.id), `${date}T10:00:00`);
      const on = `${year + 1}-06-${String(rng.int(1, 20)).padStart(2, '0')}`;
      await scoreItems(reviewer(on), scheme, opened.id, r.code, 'review', [{ itemKey: item.key, points: s.points, checked: s.checked, note: '部门评审意见（演示）' }], k === 0);
    }
  }
  // A vetoed county whose veto is exemptible gets the exemption, with the reason (the first one only).
  for (const r of ctx.city.regions) {
    const detail = await getSubject(at(`${year + 1}-06-22`), opened.id, r.code);
    const veto = detail.result.vetoes[0];
    if (veto) {
      await setExemption(at(`${year + 1}-06-23`), opened.id, r.code, { vetoKey: veto.key, exempt: true, reason: '重大项目单列（演示）：经省级认定的国家重大项目能耗不纳入本地区考核' });
      break;
    }
  }
  await actOnAssessment(at(`${year + 1}-06-28`), opened.id, { action: 'consolidate' });
  await actOnAssessment(at(`${year + 1}-07-01`), opened.id, { action: 'submit-approval' });
  await actOnAssessment(ctx.as(admin, `${year + 1}-07-08T10:00:00`), opened.id, { action: 'approve', comment: '同意' });
  await actOnAssessment(at(`${year + 1}-07-15`), opened.id, { action: 'publish' });
  return (await getAssessment(at(`${year + 1}-07-15`), opened.id)).id;
}

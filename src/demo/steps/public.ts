import { createHash } from 'node:crypto';
import { beijingDate } from '../../domain/reporting/calendar';
import { eq } from 'drizzle-orm';
import { citizenReport } from '../../db/schema/index';
import { AppError } from '../../domain/errors';
import { leadingZeroBits } from '../../domain/public/proof-of-work';
import type { REPORT_TYPES } from '../../domain/public/citizen-report';
import { issueChallenge } from '../../modules/public/citizen-reports.challenge';
import { actOnCitizenReport } from '../../modules/public/citizen-reports.handling';
import { addReportPhoto, submitReport } from '../../modules/public/citizen-reports.service';
import { actOnCommitment, addEnterpriseUpdate, addUpdateWithToken, makeEnterpriseCommitment, makePublicCommitment } from '../../modules/public/commitments.service';
import { createNews, publishNews } from '../../modules/public/news.service';
import { publish } from '../../modules/public/publications.service';
import type { DemoCtx } from '../context';
import { DEMO_LABEL } from '../ids';
import type { Rng } from '../random';
import { addDays, DEMO_PNG } from './supervision';

/**
 * 公开与参与 (issue #10): citizen reports in every status across the counties (a few with photos), enterprise and
 * public commitments with progress, news and campaign events, and the open-data publications /open shows.
 *
 * Random by design (the services draw them, a determinism check must skip these columns): citizen_report.token_hash,
 * commitment.token_hash, spent_challenge.* (each proof-of-work challenge has a random salt).
 */
export async function generatePublic(ctx: DemoCtx): Promise<void> {
  const rng = ctx.rng('public');
  const reports = await citizenReports(ctx, rng);
  const commitments = await commitmentsOf(ctx, rng);
  const news = await newsItems(ctx);
  const published = await publications(ctx);
  ctx.log(`公开与参与：${reports} 件举报与建议，${commitments} 项承诺，${news} 条新闻与活动，${published.join('、')} 已发布`);
}

/** Solves a proof-of-work challenge as the public site's browser does (about 65 000 hashes at difficulty 16). */
function solvedChallenge(at: Date) {
  const { challenge, difficulty } = issueChallenge(at);
  for (let n = 0; ; n++) if (leadingZeroBits(createHash('sha256').update(challenge + n).digest()) >= difficulty) return { challenge, nonce: String(n) };
}

type ReportType = (typeof REPORT_TYPES)[number];
const REPORT_TEXT: Record<ReportType, string[]> = {
  pollution: ['工业园区附近夜间有刺鼻气味，疑似废气直排。', '河道排污口排出浑浊污水，颜色发黄。', '工地扬尘严重，未见洒水降尘措施。'],
  'energy-waste': ['某单位办公楼夜间整栋亮灯，无人办公。', '路灯白天长时间开启。', '商场空调温度设置过低，门口敞开。'],
  suggestion: ['建议在小区增设新能源汽车充电桩。', '建议公交线路加密，方便绿色出行。', '建议学校开展节能知识进课堂活动。'],
};
/** Where a report's story ends: every status the module has, most handled. */
const FATES = ['closed', 'closed', 'closed', 'replied', 'assigned', 'accepted', 'submitted', 'rejected'] as const;

async function citizenReports(ctx: DemoCtx, rng: Rng) {
  const bureau = ctx.city.user('department', ctx.city.departments.find((d) => d.code === 'sthjj')!.id);
  const today = beijingDate(ctx.asOf);
  // Each report solves the public form's proof of work (~0.4 s), so not many.
  const n = Math.round(ctx.city.regions.length * 0.6 * ctx.size.perRegion);
  let count = 0;
  for (let k = 0; k < n; k++) {
    // Spread over the last year, one at a time (the public form allows 5 an hour from one address).
    const day = addDays(today, -Math.round(((n - k) * 330) / n) - rng.int(0, 3));
    const at = `${day}T${String(rng.int(8, 21)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00`;
    const region = rng.pick(ctx.city.regions);
    const type = rng.pick(['pollution', 'pollution', 'energy-waste', 'suggestion'] as const);
    const submitCtx = ctx.as('system', at);
    const { trackingNo, token } = await submitReport(submitCtx, {
      type,
      regionCode: region.code,
      address: `${region.name}某街道（演示）`,
      description: `${rng.pick(REPORT_TEXT[type])}（演示数据）`,
      contactName: rng.chance(0.5) ? '市民（演示）' : null,
      contactPhone: null,
      ...solvedChallenge(submitCtx.now),
    });
    count++;
    if (type !== 'suggestion' && rng.chance(0.3)) await addReportPhoto(ctx.as('system', new Date(submitCtx.now.getTime() + 120_000)), trackingNo, token, '现场照片.png', DEMO_PNG);
    const fate = k < FATES.length ? FATES[k]! : rng.pick(FATES);
    const id = await reportId(ctx, trackingNo);
    const step = async (who: Parameters<DemoCtx['as']>[0], after: number, body: Parameters<typeof actOnCitizenReport>[2]) => {
      const when = addDays(day, after);
      if (when >= today) return false;
      await actOnCitizenReport(ctx.as(who, `${when}T10:00:00`), id, body);
      return true;
    };
    if (fate === 'submitted') continue;
    if (fate === 'rejected') {
      await step(bureau, 1, { action: 'reject', comment: '经核实，所反映问题不属于节能减排管理范围，已告知向相关部门反映。' });
      continue;
    }
    if (!(await step(bureau, 1, { action: 'accept', comment: '' })) || fate === 'accepted') continue;
    const county = ctx.city.user('county', region.code);
    if (!(await step(bureau, 2, { action: 'assign', comment: '请属地核查处理并答复。', regionCode: region.code })) || fate === 'assigned') continue;
    if (!(await step(county, rng.int(5, 12), { action: 'reply', comment: '经现场核查，已责令相关单位整改，后续将加强巡查。' })) || fate === 'replied') continue;
    await step(county, 15, { action: 'close', comment: '整改到位，办结。' });
  }
  return count;
}


/** The handlers' id of a report the public knows only by its tracking number (a read, not a write). */
async function reportId(ctx: DemoCtx, trackingNo: string) {
  const [row] = await ctx.db.select({ id: citizenReport.id }).from(citizenReport).where(eq(citizenReport.trackingNo, trackingNo));
  return row!.id;
}

/** Enterprise commitments (approved, pending, rejected) with progress, and two from the public (shown at once). */
async function commitmentsOf(ctx: DemoCtx, rng: Rng) {
  const steering = ctx.city.user('steering');
  const today = beijingDate(ctx.asOf);
  const units = ctx.city.enterprises.filter((e) => e.isKeyEnergyUnit && e.index % 2 === 0).slice(0, 6 * ctx.size.perRegion);
  let n = 0;
  for (const [k, e] of units.entries()) {
    const user = ctx.city.user('enterprise', e.id);
    const startYear = rng.pick([2023, 2024, 2025]);
    const baseline = rng.int(300, 900);
    const target = Math.round(baseline * rng.float(0.85, 0.95));
    const made = await makeEnterpriseCommitment(ctx.as(user, `${startYear}-03-${String(rng.int(1, 28)).padStart(2, '0')}T10:00:00`), {
      title: `单位产品综合能耗下降承诺${DEMO_LABEL}`,
      content: '通过余热回收、电机系统节能改造和能源管理体系建设，降低单位产品综合能耗。',
      indicator: '单位产品综合能耗',
      unit: 'kgce/t',
      baselineValue: baseline,
      targetValue: target,
      // Some due already (achieved or overdue), some still running.
      dueDate: `${startYear + rng.int(1, 2)}-12-31`,
    });
    n++;
    const fate = k % 5 === 3 ? 'pending' : k % 5 === 4 ? 'rejected' : 'published';
    const review = `${startYear}-04-10T10:00:00`;
    if (fate === 'rejected') {
      await actOnCommitment(ctx.as(steering, review), made.id, { action: 'reject', reason: '承诺目标低于企业现有水平，请重新提交。' });
      continue;
    }
    if (fate === 'published') await actOnCommitment(ctx.as(steering, review), made.id, { action: 'approve', reason: '' });
    // Progress once a year; some reach the target, some stall.
    const pace = rng.pick([1.1, 0.9, 0.5]);
    for (let y = startYear; y <= Number(today.slice(0, 4)); y++) {
      for (const md of ['12-31']) {
        const asOf = `${y}-${md}`;
        const filed = addDays(asOf, 10);
        if (filed >= today) break;
        const elapsed = Math.min(1, (Date.parse(asOf) - Date.parse(`${startYear}-03-01`)) / (2 * 365 * 86_400_000));
        const value = Math.round(baseline - (baseline - target) * Math.min(1, elapsed * pace));
        await addEnterpriseUpdate(ctx.as(user, `${filed}T10:00:00`), made.id, { value, asOf, note: '' });
      }
    }
  }
  const publicOnes = [
    { kind: 'organisation', committerName: `赣州某小学${DEMO_LABEL}`, title: '校园节电承诺', indicator: '年用电量', unit: 'kWh', baselineValue: 180_000, targetValue: 160_000, regionCode: '360702' },
    { kind: 'person', committerName: '市民陈某（演示）', title: '绿色出行承诺', indicator: '每月公交或骑行出行次数', unit: '次', baselineValue: 8, targetValue: 30, regionCode: '360781' },
  ] as const;
  for (const [k, p] of publicOnes.entries()) {
    const at = ctx.as('system', `2025-06-${15 + k}T20:00:00`);
    const made = await makePublicCommitment(at, { ...p, content: `${p.title}：从身边做起，节约能源。`, dueDate: '2026-12-31', ...solvedChallenge(at.now) });
    await addUpdateWithToken(ctx.as('system', `2025-12-20T20:00:00`), made.id, made.token!, { value: Math.round((p.baselineValue + p.targetValue) / 2), asOf: '2025-12-20', note: '' });
    n++;
  }
  return n;
}

async function newsItems(ctx: DemoCtx) {
  const steering = ctx.city.user('steering');
  const items = [
    { kind: 'news', title: '市节能减排工作领导小组召开年度工作推进会', on: '2025-03-18' },
    { kind: 'news', title: '我市完成年度重点用能单位节能监察', on: '2025-11-28' },
    { kind: 'campaign', campaign: 'energy-week', title: '全国节能宣传周赣州主题活动', on: '2025-06-09', end: '2025-06-15' },
    { kind: 'campaign', campaign: 'low-carbon-day', title: '全国低碳日：绿色低碳 美好生活', on: '2025-06-11' },
    { kind: 'campaign', campaign: 'environment-day', title: '六五环境日宣传活动', on: '2025-06-05' },
    { kind: 'campaign', campaign: 'eco-civilisation-month', title: '生态文明宣传月系列活动', on: '2025-08-01', end: '2025-08-31' },
    { kind: 'campaign', campaign: 'energy-week', title: '节能宣传周：节能降碳 绿色发展', on: `${beijingDate(ctx.asOf).slice(0, 4)}-06-08`, end: `${beijingDate(ctx.asOf).slice(0, 4)}-06-14` },
    { kind: 'news', title: '公共机构节约型机关创建工作推进情况（草稿）', on: addDays(beijingDate(ctx.asOf), -3), draft: true },
  ] as const;
  let n = 0;
  for (const it of items) {
    if (it.on >= beijingDate(ctx.asOf)) continue;
    const at = `${addDays(it.on, -2)}T10:00:00`;
    const row = await createNews(ctx.as(steering, at), {
      kind: it.kind,
      campaign: 'campaign' in it ? it.campaign : null,
      title: `${it.title}${DEMO_LABEL}`,
      body: `${it.title}。本条为演示数据，内容为虚构示例，不代表官方发布。`,
      startDate: it.kind === 'campaign' ? it.on : null,
      endDate: 'end' in it ? it.end : null,
    });
    if (!('draft' in it)) await publishNews(ctx.as(steering, `${addDays(it.on, -1)}T09:00:00`), row.id);
    n++;
  }
  return n;
}

/**
 * What /open shows: the plan's targets and the reductions of the last full year, the barometer of each year with
 * approved energy accounts (absent while the dual-control step has none: then it is skipped and said so).
 */
async function publications(ctx: DemoCtx) {
  const steering = ctx.city.user('steering');
  const year = Number(beijingDate(ctx.asOf).slice(0, 4)) - 1;
  const at = ctx.as(steering, `${year + 1}-03-20T10:00:00`);
  const done: string[] = [];
  for (const [dataset, periodKey] of [
    ['targets', String(year)],
    ['reduction', String(year)],
    // The older year first: /open shows the latest publication of a dataset.
    ['barometer', String(year - 1)],
    ['barometer', String(year)],
  ] as const) {
    try {
      await publish(at, { dataset, periodKey });
      done.push(`${dataset} ${periodKey}`);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict')) throw e;
      ctx.log(`  （${dataset} ${periodKey} 未发布：${e.detail}）`);
    }
  }
  return done;
}

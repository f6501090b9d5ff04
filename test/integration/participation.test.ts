import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leadingZeroBits } from '../../src/domain/public/proof-of-work';
import { makeEnterprise, makeUser } from '../factories';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) if (leadingZeroBits(createHash('sha256').update(challenge + n).digest()) >= difficulty) return String(n);
}

const FIELDS = { title: '降低单位产品能耗', content: '通过余热回收降低综合能耗', indicator: '单位产品综合能耗', unit: 'kgce/t', baselineValue: 120, targetValue: 100, dueDate: '2099-12-31' };
const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describeEachDb('voluntary commitments and news: review, tokens, scopes, drafts and the feed', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const [a, b] = [await makeEnterprise(db, { name: '赣州甲水泥有限公司' }), await makeEnterprise(db, { name: '赣州乙稀土有限公司', regionCode: '360703' })];
    cookies.entA = await loginAs(t.app, (await makeUser(db, 'enterprise', { enterpriseId: a.id })).username);
    cookies.entB = await loginAs(t.app, (await makeUser(db, 'enterprise', { enterpriseId: b.id })).username);
    cookies.steering = await loginAs(t.app, (await makeUser(db, 'steering')).username);
  });
  afterAll(() => t.close());

  const call = (who: string | null, method: InjectOptions['method'], url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/public${url}`, ...(payload ? { payload } : {}), headers: { ...headers, ...(who ? { cookie: cookies[who]! } : {}) }, remoteAddress: '198.51.100.7' });
  const publicIds = async (query = '') => ((await call(null, 'GET', `/commitments${query}`)).json() as { id: number }[]).map((c) => c.id);
  async function solved() {
    const { challenge, difficulty } = (await call(null, 'GET', '/reports/challenge')).json() as { challenge: string; difficulty: number };
    return { challenge, nonce: solve(challenge, difficulty) };
  }

  let approvedId = 0;
  it('keeps an enterprise commitment pending until the steering office approves it; a rejected one never shows', async () => {
    const made = await call('entA', 'POST', '/my-commitments', FIELDS);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ status: 'pending', token: null });
    approvedId = made.json().id;
    const rejected = (await call('entA', 'POST', '/my-commitments', { ...FIELDS, title: '待退回承诺' })).json().id as number;
    expect(await publicIds()).not.toContain(approvedId);
    expect((await call(null, 'GET', `/commitments/${approvedId}`)).statusCode).toBe(404);

    const noReason = await call('steering', 'POST', `/managed-commitments/${rejected}/actions`, { action: 'reject' });
    expect([noReason.statusCode, noReason.body]).toEqual([400, expect.stringContaining('#/reason')]);
    expect((await call('steering', 'POST', `/managed-commitments/${rejected}/actions`, { action: 'reject', reason: '指标不可衡量' })).json()).toMatchObject({ status: 'rejected', reviewComment: '指标不可衡量' });
    expect((await call('steering', 'POST', `/managed-commitments/${approvedId}/actions`, { action: 'approve' })).json()).toMatchObject({ status: 'published' });
    expect((await call('steering', 'POST', `/managed-commitments/${rejected}/actions`, { action: 'approve' })).statusCode).toBe(409);

    const ids = await publicIds();
    expect(ids).toContain(approvedId);
    expect(ids).not.toContain(rejected);
    const detail = (await call(null, 'GET', `/commitments/${approvedId}`)).json();
    expect(detail).toMatchObject({ kind: 'enterprise', committerName: '赣州甲水泥有限公司', regionCode: '360702', progress: 'on-track', updates: [] });
    expect(JSON.stringify(detail)).not.toMatch(/tokenHash|sourceHash|reviewComment/);
    const mine = (await call('entA', 'GET', '/my-commitments')).json() as { id: number; status: string }[];
    expect(mine.map((c) => [c.id, c.status])).toEqual(expect.arrayContaining([[approvedId, 'published'], [rejected, 'rejected']]));
  });

  it('lets an enterprise update only its own commitments', async () => {
    const update = { value: 100, asOf: TODAY, note: '余热发电投运' };
    expect((await call('entB', 'POST', `/my-commitments/${approvedId}/updates`, update)).statusCode).toBe(404);
    expect((await call('entB', 'GET', '/my-commitments')).json()).toEqual([]);
    const ok = await call('entA', 'POST', `/my-commitments/${approvedId}/updates`, update);
    expect(ok.statusCode, ok.body).toBe(201);
    const future = await call('entA', 'POST', `/my-commitments/${approvedId}/updates`, { ...update, asOf: '2099-01-01' });
    expect([future.statusCode, future.json().errors?.[0]?.pointer ?? future.json().code]).toEqual([400, expect.anything()]);
    expect((await call(null, 'GET', `/commitments/${approvedId}`)).json()).toMatchObject({ progress: 'achieved', latest: { value: 100 }, updates: [{ note: '余热发电投运' }] });
    expect(await publicIds('?progress=achieved')).toContain(approvedId);
    expect(await publicIds('?progress=on-track')).not.toContain(approvedId);
  });

  it('shows a person’s commitment at once, takes updates with its token only, and hides it on the steering office’s word', async () => {
    const body = { ...FIELDS, kind: 'person', committerName: '李四', regionCode: '360703', title: '家庭节电', indicator: '月用电量', unit: 'kWh', baselineValue: 300, targetValue: 240 };
    const unsolved = await call(null, 'POST', '/commitments', { ...body, challenge: 'pow1.x', nonce: '1' });
    expect(unsolved.statusCode).toBe(400);
    const made = await call(null, 'POST', '/commitments', { ...body, ...(await solved()) });
    expect(made.statusCode, made.body).toBe(201);
    const { id, token, status } = made.json() as { id: number; token: string; status: string };
    expect(status).toBe('published');
    expect(await publicIds('?kind=person&regionCode=360703')).toContain(id);
    expect(await publicIds('?kind=enterprise')).not.toContain(id);

    const update = { value: 280, asOf: TODAY };
    expect((await call(null, 'POST', `/commitments/${id}/updates`, update, { 'x-commitment-token': `${token.slice(0, -2)}AA` })).statusCode).toBe(404);
    expect((await call(null, 'POST', `/commitments/${approvedId}/updates`, update, { 'x-commitment-token': token })).statusCode).toBe(404);
    expect((await call(null, 'POST', `/commitments/${id}/updates`, update)).statusCode).toBe(400);
    const ok = await call(null, 'POST', `/commitments/${id}/updates`, update, { 'x-commitment-token': token });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await call(null, 'GET', `/commitments/${id}`)).json()).toMatchObject({ progress: 'on-track', share: 1 / 3 });

    const hidden = await call('steering', 'POST', `/managed-commitments/${id}/actions`, { action: 'hide', reason: '内容不实' });
    expect(hidden.json()).toMatchObject({ status: 'hidden', reviewComment: '内容不实' });
    expect(await publicIds()).not.toContain(id);
    expect((await call(null, 'GET', `/commitments/${id}`)).statusCode).toBe(404);
    expect((await call(null, 'POST', `/commitments/${id}/updates`, update, { 'x-commitment-token': token })).statusCode).toBe(404);
  });

  it('limits public commitments per address and hour', async () => {
    const body = { ...FIELDS, kind: 'organisation', committerName: '某环保协会', regionCode: '360702' };
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await call(null, 'POST', '/commitments', { ...body, ...(await solved()) })).statusCode);
    expect(codes).toEqual([201, 201, 429]); // one more from this address above already counts
  });

  it('never shows a draft in the list, the detail or the feed; publishes and unpublishes', async () => {
    const draft = await call('steering', 'POST', '/managed-news', { kind: 'news', title: '草稿<不公开>', body: '尚未发布' });
    expect(draft.statusCode, draft.body).toBe(201);
    const campaign = await call('steering', 'POST', '/managed-news', { kind: 'campaign', campaign: 'energy-week', title: '节能宣传周 & 低碳日', body: '第一段\n\n第二段', startDate: TODAY, endDate: '2099-01-07' });
    const [draftId, campaignId] = [draft.json().id as number, campaign.json().id as number];
    expect((await call('steering', 'POST', '/managed-news', { kind: 'campaign', title: '无日期' })).statusCode).toBe(400);
    expect((await call('steering', 'POST', `/managed-news/${campaignId}/publish`)).json().publishedAt).not.toBeNull();

    const list = (await call(null, 'GET', '/news')).json() as { id: number; timing: string | null }[];
    expect(list.map((n) => n.id)).toEqual([campaignId]);
    expect(list[0]!.timing).toBe('ongoing');
    expect((await call(null, 'GET', `/news/${draftId}`)).statusCode).toBe(404);
    const feed = await call(null, 'GET', '/news/feed.atom');
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(feed.body).toContain('<title type="text">节能宣传周 &amp; 低碳日</title>');
    expect(feed.body).toMatch(new RegExp(`<id>tag:ecer\\.ganzhou\\.gov\\.cn,\\d{4}:news/${campaignId}</id>`));
    expect(feed.body).not.toContain('草稿');

    expect((await call('steering', 'POST', `/managed-news/${campaignId}/unpublish`)).statusCode).toBe(200);
    expect((await call(null, 'GET', '/news')).json()).toEqual([]);
    expect((await call(null, 'GET', '/news/feed.atom')).body).not.toContain('节能宣传周');
    expect((await call('steering', 'GET', '/managed-news')).json()).toHaveLength(2);
  });
});

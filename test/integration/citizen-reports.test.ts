import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leadingZeroBits } from '../../src/domain/public/proof-of-work';
import { departmentId, makeUser } from '../factories';
import { jpegWithGps } from '../fixtures/citizen-photos';
import { type TestApp, as, loginAs, startTestApp } from '../helpers/app';
import { describeEachDb } from '../helpers/db';

const PHONE = '13907970001';
const hasBytes = (b: Buffer, s: string) => b.includes(Buffer.from(s, 'latin1'));

/** Finds the nonce as the browser does (SHA-256 of challenge + nonce with enough leading zero bits). */
function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) if (leadingZeroBits(createHash('sha256').update(challenge + n).digest()) >= difficulty) return String(n);
}

describeEachDb('citizen reports: a citizen files and follows a report, the bureau and the assignee handle it', (kind) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const users = {
      sthjj: await makeUser(db, 'department'), // 市生态环境局: the bureau
      fgw: await makeUser(db, 'department', { departmentId: await departmentId(db, '市发改委') }),
      countyA: await makeUser(db, 'county', { regionCode: '360702' }),
      countyB: await makeUser(db, 'county', { regionCode: '360703' }),
    };
    for (const [k, u] of Object.entries(users)) cookies[k] = await loginAs(t.app, u.username);
  });
  afterAll(() => t.close());

  const from = (ip: string, o: InjectOptions): InjectOptions => ({ ...o, remoteAddress: ip });
  async function solvedChallenge(ip = '203.0.113.1') {
    const res = await t.app.inject(from(ip, { method: 'GET', url: '/api/public/reports/challenge' }));
    expect(res.statusCode).toBe(200);
    const { challenge, difficulty } = res.json() as { challenge: string; difficulty: number };
    return { challenge, nonce: solve(challenge, difficulty) };
  }
  const report = { type: 'pollution', regionCode: '360702', address: '章贡区水东镇某厂', lon: 114.95, lat: 25.85, description: '夜间排放黑烟', contactName: '张三', contactPhone: PHONE };
  async function submit(ip = '203.0.113.1', body: object = report) {
    return t.app.inject(from(ip, { method: 'POST', url: '/api/public/reports', payload: { ...body, ...(await solvedChallenge(ip)) } }));
  }
  const track = (no: string, token: string, url = '') => t.app.inject({ method: 'GET', url: `/api/public/reports/${no}${url}`, headers: { 'x-report-token': token } });
  const photo = (no: string, token: string, fileName: string, content: Buffer) =>
    t.app.inject({ method: 'POST', url: `/api/public/reports/${no}/photos?fileName=${encodeURIComponent(fileName)}`, payload: content, headers: { 'x-report-token': token, 'content-type': 'application/octet-stream' } });
  const staff = (who: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject(as(cookies[who]!, { method, url: `/api/public${url}`, ...(payload ? { payload } : {}) }));

  let no = '';
  let token = '';
  let id = 0;

  it('takes a report with a solved challenge and answers a tracking number and a private token', async () => {
    const res = await submit();
    expect(res.statusCode, res.body).toBe(201);
    ({ trackingNo: no, token } = res.json() as { trackingNo: string; token: string });
    expect(no).toMatch(/^GZ\d{8}-0001$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    const second = await submit('203.0.113.2', { type: 'suggestion', address: '赣州市区', description: '建议增加公共充电桩' });
    expect(second.json().trackingNo).toBe(no.replace(/0001$/, '0002'));
  });

  it('lists the county-level divisions for the form, without a login', async () => {
    const regions = (await t.app.inject({ method: 'GET', url: '/api/public/reports/regions' })).json() as { code: string; name: string }[];
    expect(regions).toContainEqual({ code: '360702', name: '章贡区' });
    expect(regions.map((r) => r.code)).not.toContain('360700');
  });

  it('opens the report only with its token; the reporter view has no contact details', async () => {
    const res = await track(no, token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ trackingNo: no, status: 'submitted', description: '夜间排放黑烟', replies: [{ action: 'submit' }] });
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain('张三');
    expect((await track(no, `${token.slice(0, -2)}AA`)).statusCode).toBe(404);
    expect((await track(no.replace(/\d{4}$/, '0099'), token)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/reports/${no}` })).statusCode).toBe(400);
  });

  it('refuses a spent, a forged, an unsolved or a missing challenge', async () => {
    const solved = await solvedChallenge('203.0.113.3');
    const post = (extra: object) => t.app.inject(from('203.0.113.3', { method: 'POST', url: '/api/public/reports', payload: { ...report, ...extra } }));
    expect((await post(solved)).statusCode).toBe(201);
    const spent = await post(solved);
    expect([spent.statusCode, spent.json().code]).toEqual([409, 'conflict']);
    const fresh = await solvedChallenge('203.0.113.3');
    const forged = await post({ ...fresh, challenge: fresh.challenge.replace(/\.\d+\./, '.1.') });
    expect([forged.statusCode, forged.json().errors[0].pointer]).toEqual([400, '#/challenge']);
    const unsolved = await post({ challenge: fresh.challenge, nonce: String(Number(fresh.nonce) + 1) });
    // The next nonce may by chance solve it too; an unsolved one is 400 on #/nonce.
    if (unsolved.statusCode !== 201) expect([unsolved.statusCode, unsolved.json().errors[0].pointer]).toEqual([400, '#/nonce']);
    const missing = await post({});
    expect([missing.statusCode, missing.json().errors.map((e: { pointer: string }) => e.pointer)]).toEqual([400, ['#/challenge', '#/nonce']]);
  });

  it('says what and where for bad input: a point outside Ganzhou, no location, an empty description, an unknown county', async () => {
    const bad = async (body: object) => (await t.app.inject(from('203.0.113.4', { method: 'POST', url: '/api/public/reports', payload: { ...body, challenge: 'x', nonce: '1' } }))).json();
    expect((await bad({ ...report, lon: 120.1, lat: 30.2 })).errors[0]).toMatchObject({ pointer: '#/lon' });
    expect((await bad({ type: 'pollution', description: '无位置' })).errors[0]).toMatchObject({ pointer: '#/address' });
    expect((await bad({ ...report, description: '  ' })).errors[0]).toMatchObject({ pointer: '#/description', detail: '描述不能为空' });
    const unknown = await submit('203.0.113.4', { ...report, regionCode: '999999' });
    expect([unknown.statusCode, unknown.json().errors[0].pointer]).toEqual([400, '#/regionCode']);
  });

  it('holds the rate limit: the sixth report within an hour from one address is 429', async () => {
    for (let i = 0; i < 5; i++) expect((await submit('198.51.100.7')).statusCode).toBe(201);
    const sixth = await submit('198.51.100.7');
    expect([sixth.statusCode, sixth.json().code, sixth.headers['retry-after']]).toEqual([429, 'too-many-attempts', '3600']);
    expect((await submit('198.51.100.8')).statusCode).toBe(201); // another address is not held back
  });

  it('takes photos by content, shows the public a copy without EXIF/GPS, and the handlers the original', async () => {
    const pdf = await photo(no, token, 'photo.jpg', Buffer.from('%PDF-1.7\n1 0 obj\n'));
    expect([pdf.statusCode, pdf.json().code]).toEqual([415, 'unsupported-media-type']);
    expect((await photo(no, 'wrong-token', 'a.jpg', jpegWithGps())).statusCode).toBe(404);
    const up = await photo(no, token, 'IMG_0001.jpg', jpegWithGps());
    expect(up.statusCode, up.body).toBe(201);
    const photoId = up.json().id as number;
    const shown = await track(no, token, `/photos/${photoId}`);
    expect([shown.statusCode, shown.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect(hasBytes(shown.rawPayload, 'Exif') || hasBytes(shown.rawPayload, 'GPS')).toBe(false);
    expect((await track(no, 'wrong-token', `/photos/${photoId}`)).statusCode).toBe(404);
    const [row] = (await staff('sthjj', 'GET', `/citizen-reports?status=submitted`)).json().filter((r: { trackingNo: string }) => r.trackingNo === no);
    id = row.id;
    const original = await staff('sthjj', 'GET', `/citizen-reports/${id}/photos/${photoId}`);
    expect(hasBytes(original.rawPayload, 'GPS')).toBe(true);
    for (let i = 0; i < 3; i++) expect((await photo(no, token, `more${i}.jpg`, jpegWithGps())).statusCode).toBe(201);
    expect((await photo(no, token, 'fifth.jpg', jpegWithGps())).statusCode).toBe(429);
  });

  it('scopes handlers: the bureau sees all; a county or department only what is assigned to it, others get 404', async () => {
    expect((await staff('countyA', 'GET', '/citizen-reports')).json()).toEqual([]);
    expect((await staff('countyA', 'GET', `/citizen-reports/${id}`)).statusCode).toBe(404);
    const accepted = await staff('sthjj', 'POST', `/citizen-reports/${id}/actions`, { action: 'accept' });
    expect([accepted.statusCode, accepted.json().status]).toEqual([200, 'accepted']);
    const noTarget = await staff('sthjj', 'POST', `/citizen-reports/${id}/actions`, { action: 'assign' });
    expect([noTarget.statusCode, noTarget.json().errors[0].pointer]).toEqual([400, '#/departmentId']);
    const assigned = await staff('sthjj', 'POST', `/citizen-reports/${id}/actions`, { action: 'assign', regionCode: '360702', comment: '请章贡区核查' });
    expect(assigned.json()).toMatchObject({ status: 'assigned', assignedRegionCode: '360702' });

    const list = (await staff('countyA', 'GET', '/citizen-reports')).json();
    expect(list.map((r: { id: number }) => r.id)).toEqual([id]);
    expect(JSON.stringify(list)).not.toContain(PHONE); // the list carries no contact details
    const detail = (await staff('countyA', 'GET', `/citizen-reports/${id}`)).json();
    expect(detail).toMatchObject({ contactPhone: PHONE, actions: ['reply', 'note', 'close'] });
    for (const who of ['countyB', 'fgw']) {
      expect((await staff(who, 'GET', `/citizen-reports/${id}`)).statusCode).toBe(404);
      expect((await staff(who, 'POST', `/citizen-reports/${id}/actions`, { action: 'reply', comment: '越权答复' })).statusCode).toBe(404);
      expect((await staff(who, 'GET', `/citizen-reports/${id}/photos/1`)).statusCode).toBe(404);
      expect((await staff(who, 'GET', '/citizen-reports')).json()).toEqual([]);
    }
    expect((await staff('countyA', 'POST', `/citizen-reports/${id}/actions`, { action: 'reject', comment: '不属实' })).statusCode).toBe(403);
    const empty = await staff('countyA', 'POST', `/citizen-reports/${id}/actions`, { action: 'reply' });
    expect([empty.statusCode, empty.json().errors[0].pointer]).toEqual([400, '#/comment']);
    await staff('countyA', 'POST', `/citizen-reports/${id}/actions`, { action: 'note', comment: '内部：已派执法大队' });
    const replied = await staff('countyA', 'POST', `/citizen-reports/${id}/actions`, { action: 'reply', comment: '经现场核查，已责令整改' });
    expect(replied.json().status).toBe('replied');
    const closed = await staff('countyA', 'POST', `/citizen-reports/${id}/actions`, { action: 'close', comment: '整改完成，办结' });
    expect(closed.json()).toMatchObject({ status: 'closed', actions: ['note'] });
  });

  it('shows the reporter the replies and the closing word, never the internal notes or the assignment', async () => {
    const seen = (await track(no, token)).json();
    expect(seen.status).toBe('closed');
    expect(seen.replies.map((r: { action: string; comment: string | null }) => [r.action, r.comment])).toEqual([
      ['submit', null],
      ['accept', null],
      ['reply', '经现场核查，已责令整改'],
      ['close', '整改完成，办结'],
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/内部|请章贡区核查|assigned/);
  });

  it('audits every step; the public steps keep no address', async () => {
    const res = await t.app.inject(as(await loginAs(t.app, (await makeUser(t.database.db, 'admin')).username), { method: 'GET', url: '/api/audit/events?entity=citizen_report&limit=200' }));
    expect(res.statusCode, res.body).toBe(200);
    const { events } = res.json() as { events: { action: string; ip: string | null }[] };
    const actions = events.map((e) => e.action);
    for (const a of ['submitCitizenReport', 'citizenReport.accept', 'citizenReport.assign', 'citizenReport.note', 'citizenReport.reply', 'citizenReport.close']) expect(actions).toContain(a);
    for (const e of events) if (e.action === 'submitCitizenReport') expect(e.ip).toBeNull();
    expect(JSON.stringify(events)).not.toContain(PHONE);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { indicator } from '../../src/db/schema/index';
import type { Role } from '../../src/domain/access';
import { makeEnterprise, makeReport, makeUscc, makeUser, TEST_PASSWORD } from '../factories';
import { type TestApp, loginAs, startTestApp } from '../helpers/app';
import { type Case, EVERYONE, type Fixture, USERS, type Who } from './access/types';
import { PART_MATRIX } from './access/parts';
import { describeEachDb } from '../helpers/db';

const PLAN = 'ganzhou-14fyp-ecer';

const REDUCTION_PROJECT = {
  name: '矩阵测试农村污水',
  regionCode: '360702',
  measureType: 'rural-sewage',
  pollutants: ['COD'],
  facilityName: '矩阵村污水站',
  params: { p_persons: 3000, g_g_per_person_day: { COD: 40 }, eta0: 0, eta_p: 0.7 },
};

const MONITORING_STATION = { mn: 'MX0', name: '矩阵测试站点', regionCode: '360702', medium: 'water', st: '32' };
let stationSeq = 0;

/**
 * The spec of who may call what. Every registered /api route must be listed here:
 * a new route without a rule in this table fails the suite.
 */
const MATRIX: Record<string, Case> = {
  ...PART_MATRIX,
  'GET /api/health': { allowed: EVERYONE, url: () => '/api/health' },
  'POST /api/auth/login': { allowed: EVERYONE, url: () => '/api/auth/login', body: () => ({ username: 'nobody', password: 'x' }) },
  'POST /api/auth/logout': { allowed: USERS, url: () => '/api/auth/logout', freshSession: true },
  'GET /api/auth/me': { allowed: USERS, url: () => '/api/auth/me' },
  'POST /api/auth/password': {
    allowed: USERS,
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },
  'GET /api/org/regions': { allowed: USERS, url: () => '/api/org/regions' },
  'GET /api/org/departments': { allowed: USERS, url: () => '/api/org/departments' },
  'GET /api/org/enterprises': { allowed: USERS, url: () => '/api/org/enterprises' },
  'GET /api/org/enterprises/:id': { allowed: USERS, url: (f) => `/api/org/enterprises/${f.enterpriseId}` },
  'POST /api/org/enterprises': {
    allowed: ['admin', 'steering', 'county'],
    url: () => '/api/org/enterprises',
    body: () => ({ uscc: makeUscc(), name: '矩阵测试企业', regionCode: '360702' }),
  },
  'PATCH /api/org/enterprises/:id': {
    allowed: ['admin', 'steering', 'county', 'enterprise'],
    url: (f) => `/api/org/enterprises/${f.enterpriseId}`,
    body: () => ({ industry: '有色金属' }),
  },
  // Annual energy reports of the fixture enterprise (章贡区): the enterprise, its county and the city may file.
  'GET /api/enterprises/:id/reports': { allowed: ['admin', 'steering', 'department', 'county', 'enterprise'], url: (f) => `/api/enterprises/${f.enterpriseId}/reports` },
  'POST /api/enterprises/:id/reports': {
    allowed: ['admin', 'steering', 'county', 'enterprise'],
    url: (f) => `/api/enterprises/${f.enterpriseId}/reports`,
    body: () => ({ year: 2023, lines: [{ carrier: 'unknown-carrier', quantity: 1, unit: 't' }] }),
  },
  'PUT /api/enterprises/:id/products': {
    allowed: ['admin', 'steering', 'county', 'enterprise'],
    url: (f) => `/api/enterprises/${f.enterpriseId}/products`,
    body: () => ({ year: 2024, productCode: 'cement-clinker', capacity: 100, capacityUnit: '万吨', unitConsumption: 110 }),
  },
  'GET /api/enterprises/benchmarks': { allowed: ['admin', 'steering', 'department', 'county', 'enterprise'], url: () => '/api/enterprises/benchmarks?year=2024' },
  'GET /api/enterprises/high-energy-projects': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/enterprises/high-energy-projects' },
  'POST /api/enterprises/high-energy-projects': {
    allowed: ['admin', 'steering', 'county'],
    url: () => '/api/enterprises/high-energy-projects',
    body: () => ({ name: '测试项目', regionCode: '360702', industry: '水泥', stage: 'planned', energyReviewStatus: 'none', eiaStatus: 'none', disposal: 'pending' }),
  },
  'PUT /api/enterprises/high-energy-projects/:id': {
    allowed: ['admin', 'steering', 'county'],
    url: () => '/api/enterprises/high-energy-projects/999999',
    body: () => ({ name: '测试项目', regionCode: '360702', industry: '水泥', stage: 'planned', energyReviewStatus: 'none', eiaStatus: 'none', disposal: 'pending' }),
  },
  'GET /api/enterprises/:id/reports/template.xlsx': { allowed: ['admin', 'steering', 'county', 'enterprise'], url: (f) => `/api/enterprises/${f.enterpriseId}/reports/template.xlsx?year=2024` },
  'POST /api/enterprises/:id/reports/import': {
    allowed: ['admin', 'steering', 'county', 'enterprise'],
    url: (f) => `/api/enterprises/${f.enterpriseId}/reports/import?year=2024`,
    body: () => Buffer.from('not a workbook'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/enterprises/reports/:id/report.pdf': { allowed: ['admin', 'steering', 'department', 'county', 'enterprise'], url: () => '/api/enterprises/reports/999999/report.pdf' },
  'GET /api/enterprises/reports/awaiting': { allowed: ['admin', 'steering', 'county'], url: () => '/api/enterprises/reports/awaiting' },
  'GET /api/enterprises/reports/:id': { allowed: ['admin', 'steering', 'department', 'county', 'enterprise'], url: () => '/api/enterprises/reports/999999' },
  'POST /api/enterprises/reports/:id/approve': { allowed: ['admin', 'steering', 'county'], url: () => '/api/enterprises/reports/999999/approve', body: () => ({}) },
  'POST /api/enterprises/reports/:id/return': { allowed: ['admin', 'steering', 'county'], url: () => '/api/enterprises/reports/999999/return', body: () => ({ comment: '请补充' }) },
  'GET /api/org/users': { allowed: ['admin'], url: () => '/api/org/users' },
  'POST /api/org/users': {
    allowed: ['admin'],
    url: () => '/api/org/users',
    body: () => ({ username: `matrix${Math.random().toString(36).slice(2, 8)}`, displayName: '矩阵', role: 'steering' }),
  },
  'PATCH /api/org/users/:id': { allowed: ['admin'], url: (f) => `/api/org/users/${f.userId}`, body: () => ({ displayName: '改名' }) },
  'GET /api/plan/plans': { allowed: USERS, url: () => '/api/plan/plans' },
  'GET /api/plan/plans/:code/tree': { allowed: USERS, url: () => `/api/plan/plans/${PLAN}/tree` },
  'GET /api/plan/plans/:code/search': { allowed: USERS, url: () => `/api/plan/plans/${PLAN}/search?q=光伏` },
  'GET /api/plan/plans/:code/mine': { allowed: ['admin', 'steering', 'department'], url: () => `/api/plan/plans/${PLAN}/mine?department=2` },
  'GET /api/plan/plans/:code/export': { allowed: USERS, url: () => `/api/plan/plans/${PLAN}/export?format=json` },
  'GET /api/reporting/calendar': { allowed: ['admin', 'steering', 'department', 'county'], url: () => `/api/reporting/calendar?plan=${PLAN}&year=2025` },
  'GET /api/reporting/template.xlsx': { allowed: ['admin', 'steering', 'department', 'county'], url: () => `/api/reporting/template.xlsx?plan=${PLAN}&year=2025` },
  'POST /api/reporting/import': {
    allowed: ['admin', 'steering', 'department', 'county'],
    url: () => `/api/reporting/import?plan=${PLAN}`,
    body: () => Buffer.from('not a workbook'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  // Evidence: only the submitter or the city may attach; the fixture's submitter is another county user.
  'POST /api/reporting/reports/:id/attachments': {
    allowed: ['admin', 'steering'],
    url: (f) => `/api/reporting/reports/${f.reportId}/attachments?fileName=${encodeURIComponent('佐证.pdf')}`,
    body: () => Buffer.from('%PDF-1.7 evidence'),
    contentType: 'application/octet-stream',
  },
  'GET /api/reporting/reports/:id/attachments': { allowed: USERS, url: (f) => `/api/reporting/reports/${f.reportId}/attachments` },
  'GET /api/reporting/reports/:id/attachments/:sha256': { allowed: USERS, url: (f) => `/api/reporting/reports/${f.reportId}/attachments/${'0'.repeat(64)}` },
  'PUT /api/reporting/rules': { allowed: ['admin', 'steering'], url: () => '/api/reporting/rules', body: () => ({ taskId: fixtureTaskId, frequency: 'quarterly', dueDays: 10 }) },
  'GET /api/reporting/calendar.ics': { allowed: ['admin', 'steering', 'department', 'county'], url: () => `/api/reporting/calendar.ics?plan=${PLAN}&year=2025` },
  'GET /api/reporting/overview': { allowed: ['admin', 'steering', 'department'], url: () => `/api/reporting/overview?plan=${PLAN}&year=2025` },
  // A county may see its own dashboard only; a department any county's (they steer the shares).
  'GET /api/reporting/region-map': { allowed: ['admin', 'steering', 'department'], url: () => `/api/reporting/region-map?plan=${PLAN}&year=2025` },
  'POST /api/reporting/calendar/feed': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reporting/calendar/feed' },
  'DELETE /api/reporting/calendar/feed': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reporting/calendar/feed' },
  // The secret in the address is the credential: a wrong one is a 404 for everyone.
  'GET /api/reporting/calendar/feed/:token': { allowed: EVERYONE, url: () => `/api/reporting/calendar/feed/${'A'.repeat(43)}?plan=${PLAN}` },
  'GET /api/reference': { allowed: USERS, url: () => '/api/reference' },
  // Energy accounts: the county user of the matrix is 章贡区 360702; a missing account is a 404, not a denial.
  'GET /api/dualcontrol/accounts': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/accounts' },
  'POST /api/dualcontrol/accounts': {
    allowed: ['admin', 'steering', 'county'],
    url: () => '/api/dualcontrol/accounts',
    body: () => ({ regionCode: '360702', periodKey: '2021-M03', energy: 100, gdpGrowth: 0.05 }),
  },
  'GET /api/dualcontrol/accounts/template.xlsx': { allowed: ['admin', 'steering', 'county'], url: () => '/api/dualcontrol/accounts/template.xlsx?period=2024' },
  'POST /api/dualcontrol/accounts/import': {
    allowed: ['admin', 'steering', 'county'],
    url: () => '/api/dualcontrol/accounts/import',
    body: () => Buffer.from('not a workbook'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/dualcontrol/accounts/:id': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/accounts/999999' },
  'POST /api/dualcontrol/accounts/:id/approve': { allowed: ['admin', 'steering'], url: () => '/api/dualcontrol/accounts/999999/approve', body: () => ({}) },
  'POST /api/dualcontrol/accounts/:id/return': { allowed: ['admin', 'steering'], url: () => '/api/dualcontrol/accounts/999999/return', body: () => ({ comment: '请核实' }) },
  'GET /api/dualcontrol/targets': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/targets' },
  'PUT /api/dualcontrol/targets/:regionCode': {
    allowed: ['admin', 'steering'],
    url: () => '/api/dualcontrol/targets/360702',
    body: () => ({ basic: 0.125, incentive: 0.13, source: '测试' }),
  },
  'GET /api/dualcontrol/barometer': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/barometer?year=2022' },
  'GET /api/dualcontrol/barometer/quarter': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/barometer/quarter?year=2022&quarter=2' },
  'GET /api/dualcontrol/bulletin.xlsx': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/bulletin.xlsx?year=2022&quarter=2' },
  'GET /api/dualcontrol/bulletin.pdf': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/bulletin.pdf?year=2022&quarter=2' },
  'GET /api/dualcontrol/regions/:regionCode/series': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/regions/360702/series' },
  'GET /api/dualcontrol/what-if': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/dualcontrol/what-if?region=360702&year=2022&gdpGrowth=0.05' },
  'POST /api/reference/:key/versions': {
    allowed: ['admin', 'steering'],
    url: () => '/api/reference/progress-status-rule/versions',
    body: () => ({ validFrom: '2030-01-01', source: '测试', value: { atRiskRatio: 0.75 } }),
  },
  'GET /api/reporting/allocations/:indicatorId': { allowed: ['admin', 'steering', 'department', 'county'], url: (f) => `/api/reporting/allocations/${f.indicatorId}` },
  'PUT /api/reporting/allocations/:indicatorId': {
    allowed: ['admin', 'steering'],
    url: (f) => `/api/reporting/allocations/${f.indicatorId}`,
    body: () => ({ shares: [{ regionCode: '360702', target: 100 }] }),
  },
  'GET /api/reporting/reports': { allowed: USERS, url: () => '/api/reporting/reports' },
  // Out-of-scope readers get 404 (existence does not leak), which is not a route-level denial.
  'GET /api/reporting/reports/:id': { allowed: USERS, url: (f) => `/api/reporting/reports/${f.reportId}` },
  // The fixture task is led by 市工信局 and the report is for 章贡区: the 市生态环境局 user may neither report it nor review it.
  'POST /api/reporting/reports': {
    allowed: ['admin', 'steering', 'county'],
    url: () => '/api/reporting/reports',
    body: () => ({ taskId: fixtureTaskId, periodKey: '2025-Q2', regionCode: '360702', taskStatus: 'on-track', percentComplete: 50 }),
  },
  'POST /api/reporting/reports/:id/approve': { allowed: ['admin', 'steering'], url: (f) => `/api/reporting/reports/${f.reportId}/approve`, body: () => ({}) },
  'POST /api/reporting/reports/:id/return': {
    allowed: ['admin', 'steering'],
    url: (f) => `/api/reporting/reports/${f.reportId}/return`,
    body: () => ({ comment: '请补充说明' }),
  },
  // Online metering: any user reaches the routes; the enterprise scope is checked inside (another's is a 404).
  'GET /api/metering/enterprises/:id/meters': { allowed: USERS, url: (f) => `/api/metering/enterprises/${f.enterpriseId}/meters` },
  'GET /api/metering/meters/:id/series': { allowed: USERS, url: () => '/api/metering/meters/999999/series' },
  'GET /api/metering/enterprises/:id/comparison': { allowed: USERS, url: (f) => `/api/metering/enterprises/${f.enterpriseId}/comparison?year=2025` },
  'GET /api/metering/rejections': { allowed: ['admin', 'steering'], url: () => '/api/metering/rejections' },
  // 污染源在线监测: the city and the matrix county register stations; any user reads within scope (another's is a 404).
  'GET /api/monitoring/stations': { allowed: USERS, url: () => '/api/monitoring/stations' },
  'POST /api/monitoring/stations': { allowed: ['admin', 'steering', 'county'], url: () => '/api/monitoring/stations', body: () => ({ ...MONITORING_STATION, mn: `MX${++stationSeq}` }) },
  'GET /api/monitoring/stations/:id': { allowed: USERS, url: () => '/api/monitoring/stations/999999' },
  'PUT /api/monitoring/stations/:id': { allowed: ['admin', 'steering', 'county'], url: () => '/api/monitoring/stations/999999', body: () => MONITORING_STATION },
  'PUT /api/monitoring/stations/:id/secrets': { allowed: ['admin', 'steering', 'county'], url: () => '/api/monitoring/stations/999999/secrets', body: () => ({ pw: '123456' }) },
  'GET /api/monitoring/stations/:id/series': { allowed: USERS, url: () => '/api/monitoring/stations/999999/series?factor=w01018&from=2025-06-01T00:00:00Z&to=2025-06-02T00:00:00Z' },
  'GET /api/monitoring/stations/:id/live': { allowed: USERS, url: () => '/api/monitoring/stations/999999/live' },
  'GET /api/monitoring/alarms': { allowed: USERS, url: () => '/api/monitoring/alarms' },
  'POST /api/monitoring/alarms/:id/actions': { allowed: USERS, url: () => '/api/monitoring/alarms/999999/actions', body: () => ({ action: 'acknowledge' }) },
  'GET /api/monitoring/completeness': { allowed: USERS, url: () => '/api/monitoring/completeness?from=2025-06-01&to=2025-06-02' },
  'GET /api/monitoring/completeness.xlsx': { allowed: USERS, url: () => '/api/monitoring/completeness.xlsx?from=2025-06-01&to=2025-06-02' },
  'GET /api/notifications': { allowed: USERS, url: () => '/api/notifications' },
  'POST /api/notifications/:id/read': { allowed: USERS, url: () => '/api/notifications/999999/read' },
  'POST /api/notifications/read-all': { allowed: USERS, url: () => '/api/notifications/read-all' },
  'GET /api/audit/events': { allowed: ['admin'], url: () => '/api/audit/events' },
  'GET /api/audit/verify': { allowed: ['admin'], url: () => '/api/audit/verify' },
  // 重点减排工程: the matrix county is 章贡区 360702; a missing project or dispatch is a 404 (existence does not leak).
  'GET /api/assessment/schemes': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/schemes' },
  'POST /api/assessment/schemes': { allowed: ['admin', 'steering'], url: () => '/api/assessment/schemes', body: () => ({ scheme: {}, source: '矩阵测试' }) },
  'PUT /api/assessment/schemes/:id': { allowed: ['admin', 'steering'], url: () => '/api/assessment/schemes/999999', body: () => ({ scheme: {}, source: '矩阵测试' }) },
  'GET /api/assessment/assessments': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments' },
  'POST /api/assessment/assessments': { allowed: ['admin', 'steering'], url: () => '/api/assessment/assessments', body: () => ({ schemeId: 999999, period: '2024', cutoff: '2025-03-31' }) },
  'GET /api/assessment/assessments/:id': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999' },
  'POST /api/assessment/assessments/:id/actions': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/actions', body: () => ({ action: 'open-review' }) },
  'POST /api/assessment/assessments/:id/recompute': { allowed: ['admin', 'steering'], url: () => '/api/assessment/assessments/999999/recompute' },
  'GET /api/assessment/assessments/:id/comparison': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/comparison' },
  'GET /api/assessment/assessments/:id/summary.xlsx': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/summary.xlsx' },
  'GET /api/assessment/assessments/:id/subjects/:key': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/subjects/360702' },
  'POST /api/assessment/assessments/:id/subjects/:key/scores': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/subjects/360702/scores', body: () => ({ itemKey: 'organisation', points: 0, checked: [] }) },
  'POST /api/assessment/assessments/:id/subjects/:key/exemptions': { allowed: ['admin', 'steering'], url: () => '/api/assessment/assessments/999999/subjects/360702/exemptions', body: () => ({ vetoKey: 'intensity', exempt: true, reason: '矩阵测试' }) },
  'POST /api/assessment/assessments/:id/subjects/:key/evidence': {
    allowed: ['admin', 'steering', 'department', 'county'],
    url: () => '/api/assessment/assessments/999999/subjects/360702/evidence',
    body: () => '--x\r\nContent-Disposition: form-data; name="itemKey"\r\n\r\norganisation\r\n--x--\r\n',
    contentType: 'multipart/form-data; boundary=x',
  },
  'GET /api/assessment/assessments/:id/subjects/:key/evidence/:evidenceId': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/subjects/360702/evidence/999999' },
  'GET /api/assessment/assessments/:id/subjects/:key/report.pdf': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/assessment/assessments/999999/subjects/360702/report.pdf' },
  'GET /api/reduction/projects': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/projects' },
  'POST /api/reduction/projects': { allowed: ['county'], url: () => '/api/reduction/projects', body: () => REDUCTION_PROJECT },
  'GET /api/reduction/projects/:id': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/projects/999999' },
  'PUT /api/reduction/projects/:id': { allowed: ['admin', 'steering', 'county'], url: () => '/api/reduction/projects/999999', body: () => REDUCTION_PROJECT },
  'POST /api/reduction/projects/:id/register': { allowed: ['county'], url: () => '/api/reduction/projects/999999/register' },
  'POST /api/reduction/projects/:id/evidence': {
    allowed: ['admin', 'steering', 'county'],
    url: () => `/api/reduction/projects/999999/evidence?kind=acceptance&fileName=${encodeURIComponent('验收.pdf')}`,
    body: () => Buffer.from('%PDF-1.7 evidence'),
    contentType: 'application/octet-stream',
  },
  'GET /api/reduction/projects/:id/evidence/:sha256': { allowed: ['admin', 'steering', 'department', 'county'], url: () => `/api/reduction/projects/999999/evidence/${'0'.repeat(64)}` },
  'POST /api/reduction/projects/:id/dispatches': { allowed: ['admin', 'steering', 'county'], url: () => '/api/reduction/projects/999999/dispatches', body: () => ({ month: '2025-06', status: 'operating' }) },
  'POST /api/reduction/dispatches/:id/review': { allowed: ['admin', 'steering', 'department'], url: () => '/api/reduction/dispatches/999999/review', body: () => ({ action: 'approve' }) },
  'GET /api/reduction/dispatches/awaiting': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/dispatches/awaiting' },
  'GET /api/reduction/dispatch': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/dispatch?month=2025-06' },
  'GET /api/reduction/dispatch.xlsx': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/dispatch.xlsx?month=2025-06' },
  'GET /api/reduction/bulletin.pdf': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/bulletin.pdf?month=2025-06' },
  'GET /api/reduction/allocations': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/allocations' },
  'PUT /api/reduction/allocations/:pollutant': { allowed: ['admin', 'steering'], url: () => '/api/reduction/allocations/COD', body: () => ({ shares: [{ regionCode: '360702', target: 800, reason: '矩阵测试' }] }) },
  'GET /api/reduction/progress': { allowed: ['admin', 'steering', 'department', 'county'], url: () => '/api/reduction/progress?year=2025' },
  'POST /api/reduction/preview': {
    allowed: ['admin', 'steering', 'department', 'county'],
    url: () => '/api/reduction/preview',
    body: () => ({ project: REDUCTION_PROJECT, dispatch: { month: '2025-06', status: 'operating', dates: { eventDate: '2024-05-18' } } }),
  },
};

let fixtureTaskId = 0;

describeEachDb('every route × every role', (kind) => {
  let t: TestApp;
  const users = new Map<Who, { username: string; cookie: string }>();
  let fixture: Fixture;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const db = t.database.db;
    const enterprise = await makeEnterprise(db, { regionCode: '360702' });
    const reporter = await makeUser(db, 'county', { regionCode: '360702' });
    const report = await makeReport(db, { taskCode: '2.1.1', regionCode: '360702', submittedBy: reporter.id });
    fixtureTaskId = report.taskId!;
    const [cod] = await db.select({ id: indicator.id }).from(indicator).where(eq(indicator.code, 'I03'));
    fixture = { enterpriseId: enterprise.id, userId: (await makeUser(db, 'steering')).id, taskId: report.taskId!, reportId: report.id, indicatorId: cod!.id };
    for (const role of USERS as Role[]) {
      const u = await makeUser(db, role, role === 'enterprise' ? { enterpriseId: enterprise.id } : { regionCode: role === 'county' ? '360702' : null });
      users.set(role, { username: u.username, cookie: await loginAs(t.app, u.username) });
    }
  });
  afterAll(() => t.close());

  it('has a rule in the matrix for every registered route, and no stale rule', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.entries(MATRIX))('%s', async (route, c) => {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    for (const who of EVERYONE) {
      const user = users.get(who);
      const cookie = user && c.freshSession ? await loginAs(t.app, user.username) : user?.cookie;
      const res = await t.app.inject({
        method,
        url: c.url(fixture),
        ...(c.body ? { payload: c.body() as object } : {}),
        headers: { ...(cookie ? { cookie } : {}), ...(c.contentType ? { 'content-type': c.contentType } : {}) },
      });
      const label = `${route} as ${who} → ${res.statusCode} ${res.body.slice(0, 120)}`;
      // A denial is a 401 'unauthenticated' or a 403 'forbidden'; anything else means the call got through.
      const code = res.statusCode >= 400 ? (res.json() as { code: string }).code : null;
      const denied = (res.statusCode === 401 && code === 'unauthenticated') || (res.statusCode === 403 && code === 'forbidden');
      if (c.allowed.includes(who)) expect(denied, label).toBe(false);
      else expect([res.statusCode, code], label).toEqual(who === 'public' ? [401, 'unauthenticated'] : [403, 'forbidden']);
    }
  });
});

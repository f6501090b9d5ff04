import type { Case } from './types';

const STAFF: Case['allowed'] = ['admin', 'steering', 'department', 'county'];
/** Writers: the city roles and a county (in its own county). The matrix's department user is 市生态环境局, not 市机关事务管理中心: it reads only. */
const WRITERS: Case['allowed'] = ['admin', 'steering', 'county'];
const BASE = '/api/supervision/institutions';
let seq = 0;
const BODY = () => ({ name: `矩阵测试机关${++seq}`, regionCode: '360702', level: 'county', kind: 'organ' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Who may call the institutions routes of the supervision module (issue #11): staff read (a county its own county);
 * the city roles, 市机关事务管理中心 and a county (its own) register institutions and file use; only the city roles
 * and 市机关事务管理中心 set quotas; enterprises have no access.
 */
export const MATRIX: Record<string, Case> = {
  'GET /api/supervision/institutions': { allowed: STAFF, url: () => `${BASE}?year=2024` },
  'POST /api/supervision/institutions': { allowed: WRITERS, url: () => BASE, body: BODY },
  'GET /api/supervision/institutions/economy-organs': { allowed: STAFF, url: () => `${BASE}/economy-organs?year=2025` },
  'GET /api/supervision/institutions/template.xlsx': { allowed: WRITERS, url: () => `${BASE}/template.xlsx` },
  'POST /api/supervision/institutions/import': { allowed: WRITERS, url: () => `${BASE}/import`, body: () => Buffer.from('not a workbook'), contentType: XLSX },
  'GET /api/supervision/institutions/quota-table.xlsx': { allowed: STAFF, url: () => `${BASE}/quota-table.xlsx?year=2024` },
  'GET /api/supervision/institutions/:id': { allowed: STAFF, url: () => `${BASE}/999999` },
  'PUT /api/supervision/institutions/:id': { allowed: WRITERS, url: () => `${BASE}/999999`, body: BODY },
  'PUT /api/supervision/institutions/:id/uses/:year': { allowed: WRITERS, url: () => `${BASE}/999999/uses/2024`, body: () => ({ months: 12, energyKgce: 1000 }) },
  'PUT /api/supervision/institutions/:id/quotas': { allowed: ['admin', 'steering'], url: () => `${BASE}/999999/quotas`, body: () => ({ year: 2024, kind: 'energy-per-capita', value: 400, source: '矩阵测试' }) },
};

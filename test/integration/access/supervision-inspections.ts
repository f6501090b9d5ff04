import type { Case, Who } from './types';

/**
 * Who may call the inspections routes of the supervision module (issue #11). The matrix's department user is
 * 市生态环境局, outside the reference `inspectorDepartments` (市发改委、市工信局): the service answers it 403 on every
 * inspector route, so it is listed as denied there. On an order or a file by id it gets 404 like anyone outside the
 * order's region or enterprise (a 404 is not a denial here), and it reads its own queue of transfers.
 */
const INSPECTORS: Who[] = ['admin', 'steering', 'county'];
const BY_ID: Who[] = ['admin', 'steering', 'department', 'county', 'enterprise'];
const S = '/api/supervision';

export const MATRIX: Record<string, Case> = {
  'GET /api/supervision/inspection-plans': { allowed: INSPECTORS, url: () => `${S}/inspection-plans?year=2026` },
  'POST /api/supervision/inspection-plans': { allowed: INSPECTORS, url: () => `${S}/inspection-plans`, body: () => ({ year: 2026, regionCode: '360702', title: '矩阵测试计划' }) },
  'POST /api/supervision/inspection-plans/:id/approve': { allowed: INSPECTORS, url: () => `${S}/inspection-plans/999999/approve` },
  'GET /api/supervision/inspections': { allowed: INSPECTORS, url: () => `${S}/inspections?year=2026` },
  'POST /api/supervision/inspections': { allowed: INSPECTORS, url: () => `${S}/inspections`, body: () => ({ enterpriseId: 999999, topics: ['other'] }) },
  'GET /api/supervision/inspections/:id': { allowed: INSPECTORS, url: () => `${S}/inspections/999999` },
  'PUT /api/supervision/inspections/:id/record': { allowed: INSPECTORS, url: () => `${S}/inspections/999999/record`, body: () => ({ inspectedOn: '2026-01-05', inspectors: '甲、乙' }) },
  'POST /api/supervision/inspections/:id/findings': { allowed: INSPECTORS, url: () => `${S}/inspections/999999/findings`, body: () => ({ topic: 'other', description: '矩阵', severity: 'minor' }) },
  'POST /api/supervision/findings/:id/evidence': { allowed: INSPECTORS, url: () => `${S}/findings/999999/evidence?fileName=a.pdf`, body: () => Buffer.from('%PDF-1.4\n'), contentType: 'application/pdf' },
  'POST /api/supervision/findings/:id/transfers': { allowed: INSPECTORS, url: () => `${S}/findings/999999/transfers`, body: () => ({ departmentId: 1, reason: '矩阵' }) },
  'POST /api/supervision/inspections/:id/orders': { allowed: INSPECTORS, url: () => `${S}/inspections/999999/orders`, body: () => ({ findingIds: [999999], requirement: '矩阵' }) },
  'GET /api/supervision/inspection-counties': { allowed: INSPECTORS, url: () => `${S}/inspection-counties?year=2026` },
  'GET /api/supervision/inspection-ledger.xlsx': { allowed: INSPECTORS, url: () => `${S}/inspection-ledger.xlsx?year=2026` },
  // The enterprise lists its own orders; an inspector its scope's; the outside department is refused.
  'GET /api/supervision/orders': { allowed: ['admin', 'steering', 'county', 'enterprise'], url: () => `${S}/orders` },
  'GET /api/supervision/orders/:id': { allowed: BY_ID, url: () => `${S}/orders/999999` },
  'POST /api/supervision/orders/:id/actions': { allowed: BY_ID, url: () => `${S}/orders/999999/actions`, body: () => ({ action: 'answer', comment: '矩阵' }) },
  'POST /api/supervision/orders/:id/evidence': { allowed: BY_ID, url: () => `${S}/orders/999999/evidence?fileName=a.pdf`, body: () => Buffer.from('%PDF-1.4\n'), contentType: 'application/pdf' },
  'GET /api/supervision/orders/:id/notice.pdf': { allowed: BY_ID, url: () => `${S}/orders/999999/notice.pdf` },
  'GET /api/supervision/evidence/:id': { allowed: BY_ID, url: () => `${S}/evidence/999999` },
  'GET /api/supervision/transfers': { allowed: ['admin', 'steering', 'department', 'county'], url: () => `${S}/transfers` },
  'POST /api/supervision/transfers/:id/actions': { allowed: ['department'], url: () => `${S}/transfers/999999/actions`, body: () => ({ action: 'accept' }) },
};

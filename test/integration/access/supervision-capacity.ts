import { type Case, USERS } from './types';

/**
 * Who may call the capacity routes of the supervision module (issue #11 item 3). The matrix's department user is of
 * 市生态环境局, neither a capacity department (市发改委、市人社局) nor an inspector one (市发改委、市工信局): refused.
 * The county reads experts and training and records its own people's attendance; an enterprise reads only its own
 * energy manager's record. A missing id answers 404 or 400 (not a denial).
 */
const managers: Case['allowed'] = ['admin', 'steering'];
const readers: Case['allowed'] = ['admin', 'steering', 'county'];
const expert = () => ({ name: '矩阵专家', fields: ['工业节能'] });
const event = () => ({ title: '矩阵培训', audience: 'mixed', startsOn: '2026-05-01', hours: 4 });

export const MATRIX: Record<string, Case> = {
  'GET /api/supervision/capacity-role': { allowed: USERS, url: () => '/api/supervision/capacity-role' },
  'GET /api/supervision/experts': { allowed: readers, url: () => '/api/supervision/experts' },
  'POST /api/supervision/experts': { allowed: managers, url: () => '/api/supervision/experts', body: expert },
  'GET /api/supervision/experts/:id': { allowed: readers, url: () => '/api/supervision/experts/999999' },
  'PUT /api/supervision/experts/:id': { allowed: managers, url: () => '/api/supervision/experts/999999', body: expert },
  'POST /api/supervision/experts/:id/relations': { allowed: managers, url: () => '/api/supervision/experts/999999/relations', body: () => ({ enterpriseId: 1, relation: 'employer' }) },
  'GET /api/supervision/expert-assignments/check': { allowed: managers, url: (f) => `/api/supervision/expert-assignments/check?expertId=999999&subjectKind=enterprise&subjectId=${f.enterpriseId}` },
  'POST /api/supervision/expert-assignments': {
    allowed: managers,
    url: () => '/api/supervision/expert-assignments',
    body: () => ({ expertId: 999999, subjectKind: 'enterprise', subjectId: 1, purpose: '矩阵评审' }),
  },
  'GET /api/supervision/training-events': { allowed: readers, url: () => '/api/supervision/training-events' },
  'POST /api/supervision/training-events': { allowed: managers, url: () => '/api/supervision/training-events', body: event },
  'GET /api/supervision/training-events/:id': { allowed: readers, url: () => '/api/supervision/training-events/999999' },
  'PUT /api/supervision/training-events/:id': { allowed: managers, url: () => '/api/supervision/training-events/999999', body: event },
  'POST /api/supervision/training-events/:id/attendance': {
    allowed: readers,
    url: () => '/api/supervision/training-events/999999/attendance',
    body: () => ({ enterpriseId: 1, name: '矩阵', attended: true }),
  },
  'GET /api/supervision/training-events/attendance-template.xlsx': { allowed: readers, url: () => '/api/supervision/training-events/attendance-template.xlsx' },
  'POST /api/supervision/training-events/:id/attendance/import': {
    allowed: readers,
    url: () => '/api/supervision/training-events/999999/attendance/import',
    body: () => Buffer.from('not a workbook'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  'GET /api/supervision/energy-managers': { allowed: ['admin', 'steering', 'county', 'enterprise'], url: () => '/api/supervision/energy-managers' },
  'GET /api/supervision/energy-managers.xlsx': { allowed: readers, url: () => '/api/supervision/energy-managers.xlsx' },
  'GET /api/supervision/energy-managers/:id': { allowed: ['admin', 'steering', 'county', 'enterprise'], url: (f) => `/api/supervision/energy-managers/${f.enterpriseId}` },
};

import { type Case, EVERYONE } from './types';

const HANDLERS: Case['allowed'] = ['admin', 'steering', 'department', 'county'];
const NO = 'GZ20200101-0001';

/**
 * Who may call the citizen-reports routes of the public module (issue #10): the reporter's side is public (the
 * private token, not a login, opens a report); the handlers' side needs a login, and the scope is checked inside.
 */
export const MATRIX: Record<string, Case> = {
  'GET /api/public/reports/challenge': { allowed: EVERYONE, url: () => '/api/public/reports/challenge' },
  'GET /api/public/reports/regions': { allowed: EVERYONE, url: () => '/api/public/reports/regions' },
  'POST /api/public/reports': { allowed: EVERYONE, url: () => '/api/public/reports', body: () => ({ type: 'pollution' }) },
  'POST /api/public/reports/:trackingNo/photos': { allowed: EVERYONE, url: () => `/api/public/reports/${NO}/photos?fileName=a.jpg`, body: () => ({}) },
  'GET /api/public/reports/:trackingNo': { allowed: EVERYONE, url: () => `/api/public/reports/${NO}` },
  'GET /api/public/reports/:trackingNo/photos/:photoId': { allowed: EVERYONE, url: () => `/api/public/reports/${NO}/photos/1` },
  'GET /api/public/citizen-reports': { allowed: HANDLERS, url: () => '/api/public/citizen-reports' },
  'GET /api/public/citizen-reports/:id': { allowed: HANDLERS, url: () => '/api/public/citizen-reports/999999' },
  'GET /api/public/citizen-reports/:id/photos/:photoId': { allowed: HANDLERS, url: () => '/api/public/citizen-reports/999999/photos/1' },
  'POST /api/public/citizen-reports/:id/actions': { allowed: HANDLERS, url: () => '/api/public/citizen-reports/999999/actions', body: () => ({ action: 'note', comment: '矩阵测试' }) },
};

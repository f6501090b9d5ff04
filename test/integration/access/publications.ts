import { type Case, EVERYONE } from './types';

/** Who may call the publications routes of the public module (issue #10): the city publishes, anyone reads. */
const city: Case['allowed'] = ['admin', 'steering'];
const body = () => ({ dataset: 'barometer', periodKey: '2031' });

export const MATRIX: Record<string, Case> = {
  'GET /api/public/publications': { allowed: city, url: () => '/api/public/publications' },
  'POST /api/public/publications/preview': { allowed: city, url: () => '/api/public/publications/preview', body },
  'POST /api/public/publications': { allowed: city, url: () => '/api/public/publications', body },
  'POST /api/public/publications/:id/withdraw': { allowed: city, url: () => '/api/public/publications/999999/withdraw', body: () => ({ reason: '矩阵测试' }) },
  'GET /api/public/open-data': { allowed: EVERYONE, url: () => '/api/public/open-data' },
  'GET /api/public/open-data/:dataset/:periodKey': { allowed: EVERYONE, url: () => '/api/public/open-data/barometer/2031' },
  'GET /api/public/open-data/:dataset/:periodKey/:format': { allowed: EVERYONE, url: () => '/api/public/open-data/barometer/2031/csv' },
};

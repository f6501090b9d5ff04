import { type Case, EVERYONE } from './types';

const CITY: Case['allowed'] = ['admin', 'steering'];
const NEWS = { kind: 'news', title: '矩阵测试新闻', body: '正文' };
const UPDATE = { value: 1, asOf: '2026-01-01' };

/**
 * Who may call the participation routes of the public module (issue #10): reading commitments and news, committing
 * as an organisation or a person (with a challenge) and updating with a commitment's token are public; an enterprise
 * user manages its own commitments; the steering office and admin review commitments and write the news.
 */
export const MATRIX: Record<string, Case> = {
  'GET /api/public/commitments': { allowed: EVERYONE, url: () => '/api/public/commitments' },
  'GET /api/public/commitments/:id': { allowed: EVERYONE, url: () => '/api/public/commitments/999999' },
  'POST /api/public/commitments': { allowed: EVERYONE, url: () => '/api/public/commitments', body: () => ({ kind: 'person' }) },
  'POST /api/public/commitments/:id/updates': { allowed: EVERYONE, url: () => '/api/public/commitments/999999/updates', body: () => UPDATE },
  'GET /api/public/my-commitments': { allowed: ['enterprise'], url: () => '/api/public/my-commitments' },
  'POST /api/public/my-commitments': { allowed: ['enterprise'], url: () => '/api/public/my-commitments', body: () => ({ title: '' }) },
  'POST /api/public/my-commitments/:id/updates': { allowed: ['enterprise'], url: () => '/api/public/my-commitments/999999/updates', body: () => UPDATE },
  'GET /api/public/managed-commitments': { allowed: CITY, url: () => '/api/public/managed-commitments' },
  'POST /api/public/managed-commitments/:id/actions': { allowed: CITY, url: () => '/api/public/managed-commitments/999999/actions', body: () => ({ action: 'approve' }) },
  'GET /api/public/news': { allowed: EVERYONE, url: () => '/api/public/news' },
  'GET /api/public/news/feed.atom': { allowed: EVERYONE, url: () => '/api/public/news/feed.atom' },
  'GET /api/public/news/:id': { allowed: EVERYONE, url: () => '/api/public/news/999999' },
  'GET /api/public/managed-news': { allowed: CITY, url: () => '/api/public/managed-news' },
  'POST /api/public/managed-news': { allowed: CITY, url: () => '/api/public/managed-news', body: () => NEWS },
  'PUT /api/public/managed-news/:id': { allowed: CITY, url: () => '/api/public/managed-news/999999', body: () => NEWS },
  'POST /api/public/managed-news/:id/publish': { allowed: CITY, url: () => '/api/public/managed-news/999999/publish' },
  'POST /api/public/managed-news/:id/unpublish': { allowed: CITY, url: () => '/api/public/managed-news/999999/unpublish' },
};

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client';
import { AppError } from '../../domain/errors';
import { CHALLENGE_DIFFICULTY, CHALLENGE_LIFETIME_SECONDS, challengePayload, leadingZeroBits, parseChallenge } from '../../domain/public/proof-of-work';
import { derivedKey } from '../monitoring/secrets';
import * as repo from './citizen-reports.repo';

/**
 * The proof-of-work challenge of the public forms, signed with a key derived from the deployment's one secret
 * (src/modules/monitoring/secrets.ts). Any public form (reports, commitments) may use it: issue, then spend once.
 */
const signingKey = () => derivedKey('public-challenge-v1');

const sign = (payload: string) => createHmac('sha256', signingKey()).update(payload, 'utf8').digest('base64url');

export function issueChallenge(now: Date) {
  const expiresAt = Math.floor(now.getTime() / 1000) + CHALLENGE_LIFETIME_SECONDS;
  const payload = challengePayload({ expiresAt, difficulty: CHALLENGE_DIFFICULTY, salt: randomBytes(16).toString('hex') });
  return { challenge: `${payload}.${sign(payload)}`, difficulty: CHALLENGE_DIFFICULTY, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * Checks the solved challenge (signature, expiry, difficulty, the work) and records it as spent in the caller's
 * transaction; old spent rows are purged on the way. Errors point at the `challenge` field.
 */
export async function spendChallenge(tx: Db, challenge: string, nonce: string, now: Date) {
  const where = { field: 'challenge', pointer: '#/challenge' };
  const parsed = parseChallenge(challenge);
  const expected = parsed && Buffer.from(sign(parsed.payload));
  if (!parsed || !expected || expected.length !== parsed.signature.length || !timingSafeEqual(expected, Buffer.from(parsed.signature))) {
    throw new AppError('validation', '人机验证无效，请刷新页面重试', where);
  }
  if (parsed.expiresAt * 1000 < now.getTime()) throw new AppError('validation', '人机验证已过期，请重新提交', where);
  if (parsed.difficulty < CHALLENGE_DIFFICULTY) throw new AppError('validation', '人机验证难度不足', where);
  const hash = createHash('sha256').update(challenge + nonce, 'utf8').digest();
  if (leadingZeroBits(hash) < parsed.difficulty) throw new AppError('validation', '人机验证未通过', { field: 'nonce', pointer: '#/nonce' });
  await repo.purgeSpentChallenges(tx, new Date(now.getTime() - CHALLENGE_LIFETIME_SECONDS * 1000));
  const fresh = await repo.spendChallenge(tx, createHash('sha256').update(challenge, 'utf8').digest('hex'), now);
  if (!fresh) throw new AppError('conflict', '该人机验证已使用，请重新提交', where);
}

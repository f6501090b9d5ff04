import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config';

/**
 * Secrets at rest (station SM4 keys): AES-256-GCM under one key. The key is SHA-256 of `ECER_SECRET_KEY` when it is
 * set (every gateway, writer and server process of a deployment must share it); otherwise SHA-256 of a random
 * secret generated once into `<ECER_DATA_DIR>/secret.key` (mode 0600), which suits one machine. Losing the key
 * loses the stored SM4 keys (they are entered again), nothing else.
 */
let cached: Buffer | null = null;

function secretKey(): Buffer {
  if (cached) return cached;
  // Every process (server, gateway, writer, CLI) reads the same environment through the one config module.
  const config = loadConfig();
  let secret = config.secretKey;
  if (!secret) {
    const file = path.join(config.dataDir, 'secret.key');
    try {
      secret = fs.readFileSync(file, 'utf8').trim();
    } catch {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const fresh = randomBytes(32).toString('hex');
      try {
        fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
        secret = fresh;
      } catch {
        secret = fs.readFileSync(file, 'utf8').trim(); // another process made it first
      }
    }
  }
  cached = createHash('sha256').update(secret, 'utf8').digest();
  return cached;
}

/**
 * A key for one purpose (e.g. signing public challenges, salting source addresses), derived from the same secret so
 * that a deployment configures one secret only: HMAC-SHA-256(secret key, purpose).
 */
export function derivedKey(purpose: string): Buffer {
  return createHmac('sha256', secretKey()).update(purpose, 'utf8').digest();
}

/** Seals a text: base64 of iv (12) · tag (16) · cipher text. */
export function seal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64');
}

/** Opens a sealed text; null when it was sealed under another key or altered. */
export function unseal(sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', secretKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { smtpMailer } from '../modules/notifications/mailer';
import { runDailyDigest } from '../modules/notifications/service';
import type { Config } from '../server/config';

const DIGEST_HOUR_BEIJING = 8;

/** Runs the digest every morning from 08:00 Beijing time; any server may try, one per day wins. */
export function scheduleDailyDigest(db: Db, config: Config, log: FastifyBaseLogger): NodeJS.Timeout {
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null;
  const tick = async () => {
    const now = new Date();
    if (new Date(now.getTime() + 8 * 3_600_000).getUTCHours() < DIGEST_HOUR_BEIJING) return;
    try {
      const r = await runDailyDigest(db, now, mailer);
      if (r.ran) log.info(r, 'daily digest sent');
    } catch (err) {
      log.error({ err }, 'daily digest failed');
    }
  };
  void tick();
  return setInterval(tick, 10 * 60_000).unref();
}

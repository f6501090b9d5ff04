import { usccCheckChar } from '../domain/org/uscc';

/**
 * Demo identifiers: a USCC whose registration-number part starts with "DM" (valid check digit, GB 32100-2015, but a
 * pattern no registration authority issues), so a demo enterprise can never collide with a real one.
 */
export const demoUscc = (i: number) => {
  const body = `91360700DM${String(i).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};

/**
 * The demo city's MQTT topic root: a demo platform subscribes to `ecer-demo/+/+`, a real one to `ecer/+/+`, so demo
 * meters on a shared broker never reach a real platform (not even as rejections).
 */
export const DEMO_MQTT_PREFIX = 'ecer-demo';

/** Every demo account's password (printed by `ecer demo load`; the demo is for looking, not for real use). */
export const DEMO_PASSWORD = 'ganzhou-demo-2026';

/** The label every demo organisation name carries, so a page or an export of demo data cannot pass for real. */
export const DEMO_LABEL = '（演示）';

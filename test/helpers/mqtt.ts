import net from 'node:net';

/** The broker the metering suites publish to (the local Mosquitto unless TEST_MQTT_URL says otherwise). */
export const MQTT_URL = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/** Whether something listens at the broker's address (a TCP connect within a second). */
export async function brokerReachable(url = MQTT_URL): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 1883) });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

/** Waits until check() holds, polling every 50 ms; throws after `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

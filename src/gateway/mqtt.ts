import mqtt, { type MqttClient } from 'mqtt';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client';
import { TOPIC_PREFIX, topicFilter } from '../domain/metering/payload';
import { type IngestResult, type MeterMessage, createMeterIngestor } from '../modules/metering/ingest.service';

export type MeterSubscriberOptions = {
  url: string;
  db: Db;
  log: FastifyBaseLogger;
  /** Fixed, so the broker keeps the session (subscription and queued QoS 1 messages) while the platform is down. */
  clientId?: string;
  /** The topic root (default `ecer`); the demo city uses its own, so a real platform on the same broker never sees it. */
  topicPrefix?: string;
  /** Store what arrived at least this often (ms) … */
  flushMs?: number;
  /** … or as soon as this many messages wait. */
  batchSize?: number;
  /** Called after each stored batch (benchmarks and tests watch it). */
  onBatch?: (r: IngestResult & { messages: MeterMessage[]; at: Date }) => void;
};

export type MeterSubscriber = {
  /** Resolves once connected and subscribed (the first time); the client keeps reconnecting on its own. */
  ready: Promise<void>;
  /** Resolves when every message received so far is stored (or rejected). */
  drain(): Promise<void>;
  /** Disconnects (keeping the broker session), then stores what is still buffered. */
  stop(): Promise<void>;
  readonly stats: { received: number; stored: number; duplicates: number; rejected: number; failures: number };
};

// Messages waiting beyond this hold back the MQTT client (it stops reading the socket) until a batch is stored.
const HIGH_WATER = 50_000;
const RETRY_MS = 2000;

/**
 * 能耗在线监测 MQTT subscriber: a persistent session (clean: false, fixed client id) subscribed at QoS 1 to
 * ecer/<USCC>/<meterId>; messages are buffered and stored in batches by the metering ingestor. A batch that
 * fails to store (database down) stays buffered and is retried; bad input is rejected and logged, never thrown.
 * mqtt.js acknowledges a message when it is received, so a clean stop stores the buffer before it returns; a
 * crash can lose what was acknowledged but not yet stored (at most one flush interval).
 */
export function startMeterSubscriber(opts: MeterSubscriberOptions): MeterSubscriber {
  const log = opts.log.child({ gateway: 'mqtt' });
  const flushMs = opts.flushMs ?? 200;
  const batchSize = opts.batchSize ?? 5000;
  const ingestor = createMeterIngestor(opts.db, log, opts.topicPrefix);
  const stats = { received: 0, stored: 0, duplicates: 0, rejected: 0, failures: 0 };
  let buffer: MeterMessage[] = [];
  let chain: Promise<void> = Promise.resolve();
  let flushing = false;
  let stopped = false;
  const held: Array<() => void> = [];

  const flush = (): Promise<void> => {
    if (flushing || !buffer.length) return chain;
    flushing = true;
    const batch = buffer;
    buffer = [];
    chain = chain.then(async () => {
      try {
        const r = await ingestor.ingest(batch, new Date());
        stats.stored += r.stored;
        stats.duplicates += r.duplicates;
        stats.rejected += r.rejected;
        opts.onBatch?.({ ...r, messages: batch, at: new Date() });
      } catch (err) {
        // Keep the messages (already acknowledged to the broker) and try again; a person must look at the database.
        stats.failures++;
        log.error({ err, messages: batch.length }, 'meter batch not stored; retrying');
        buffer = batch.concat(buffer);
        await new Promise((r) => setTimeout(r, RETRY_MS));
      } finally {
        flushing = false;
        while (held.length && buffer.length < HIGH_WATER) held.shift()!();
      }
      // Not awaited: the next batch chains after this one (awaiting it here would wait on itself).
      if (buffer.length >= batchSize || (stopped && buffer.length)) void flush();
    });
    return chain;
  };

  const client: MqttClient = mqtt.connect(opts.url, {
    clientId: opts.clientId ?? `${opts.topicPrefix ?? TOPIC_PREFIX}-platform-meters`,
    clean: false,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
  });
  client.on('message', (topic, payload) => {
    stats.received++;
    buffer.push({ topic, payload, receivedAt: new Date() });
    if (buffer.length >= batchSize) void flush();
  });
  // Backpressure: the client reads the next packet only after this callback.
  client.handleMessage = (_packet, callback) => {
    if (buffer.length < HIGH_WATER) callback();
    else held.push(() => callback());
  };
  let subscribed: () => void = () => {};
  const ready = new Promise<void>((resolve) => (subscribed = resolve));
  client.on('connect', (connack) => {
    log.info({ sessionPresent: connack.sessionPresent }, 'mqtt connected');
    client.subscribe(topicFilter(opts.topicPrefix), { qos: 1 }, (err) => {
      if (err) log.error({ err }, 'mqtt subscribe failed');
      else subscribed();
    });
  });
  client.on('error', (err) => log.warn({ err }, 'mqtt error'));
  client.on('offline', () => log.warn('mqtt offline; reconnecting'));
  const timer = setInterval(() => void flush(), flushMs);

  return {
    ready,
    stats,
    async drain() {
      while (buffer.length || flushing) await flush();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const release of held.splice(0)) release();
      await client.endAsync();
      while (buffer.length || flushing) await flush();
      log.info(stats, 'mqtt subscriber stopped');
    },
  };
}

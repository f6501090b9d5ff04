import type { FastifyBaseLogger } from 'fastify';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, type JetStreamManager, StorageType, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { Db } from '../db/client';
import type { IngestRecord } from '../domain/monitoring/model';
import { type StoreResult, createRecordStore } from '../modules/monitoring/ingest.service';

/**
 * The queue between HJ 212 gateways and storage (issue #8 item 6). `enqueue` resolves only once the records are
 * durable (committed to the database, or acknowledged by the JetStream stream); the gateway answers 9014 after
 * that, so a station whose packet was not durably taken resends it (hj212.md §6.5), and the dedupe makes the resend
 * harmless.
 */
export interface RecordQueue {
  enqueue(records: IngestRecord[]): Promise<void>;
  close(): Promise<void>;
}

type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
type Waiter = { records: IngestRecord[]; resolve: () => void; reject: (err: unknown) => void };

export type BatcherOptions = {
  /** Flush after this long even when the batch is small (latency bound of an ack). */
  flushMs?: number;
  /** Flush at this many records. */
  maxBatch?: number;
  /** Batches being written at once; more records wait (and their sockets pause, the gateway's in-flight cap). */
  concurrency?: number;
};

/**
 * Collects records from every connection into batches handed to `sink`; each enqueue settles with its batch.
 * Defaults (bench/gateway): batches of up to 250 uploads (~2,000 values, some 40 ms to commit) with 4 in flight
 * keep an answer's wait short; PostgreSQL runs the 4 on both cores.
 */
export function createBatcher(sink: (records: IngestRecord[]) => Promise<void>, options: BatcherOptions = {}): RecordQueue {
  const flushMs = options.flushMs ?? 20;
  const maxBatch = options.maxBatch ?? 250;
  const concurrency = options.concurrency ?? 4;
  let waiting: Waiter[] = [];
  let waitingRecords = 0;
  let timer: NodeJS.Timeout | null = null;
  let running = 0;
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  function take(): Waiter[] {
    // whole enqueues only: the records of one packet commit together. One splice per batch: a shift per enqueue
    // moves the whole backlog each time, quadratic just when the backlog is long.
    let n = 0;
    let k = 0;
    while (k < waiting.length && (n === 0 || n + waiting[k]!.records.length <= maxBatch)) n += waiting[k++]!.records.length;
    waitingRecords -= n;
    return waiting.splice(0, k);
  }

  function pump() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    while (running < concurrency && waiting.length) {
      const batch = take();
      running++;
      const p = sink(batch.flatMap((w) => w.records)).then(
        () => batch.forEach((w) => w.resolve()),
        (err) => batch.forEach((w) => w.reject(err)),
      );
      const done = p.finally(() => {
        running--;
        inFlight.delete(done);
        if (waitingRecords >= maxBatch) pump();
        else schedule();
      });
      inFlight.add(done);
    }
  }

  function schedule() {
    if (!timer && waiting.length) timer = setTimeout(pump, flushMs);
  }

  return {
    enqueue(records) {
      if (closed) return Promise.reject(new Error('队列已关闭 (queue closed)'));
      if (!records.length) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ records, resolve, reject });
        waitingRecords += records.length;
        if (waitingRecords >= maxBatch) pump();
        else schedule();
      });
    },
    async close() {
      closed = true;
      while (waiting.length || inFlight.size) {
        pump();
        await Promise.allSettled([...inFlight]);
      }
      waiting = [];
    },
  };
}

/** Without NATS_URL: one process, records batched from all connections straight into the record store. */
export function createLocalQueue(opts: { db: Db; log: Log; onStored?: (r: StoreResult, records: number) => void } & BatcherOptions): RecordQueue {
  const store = createRecordStore(opts.db);
  const batcher = createBatcher(async (records) => {
    try {
      const r = await store.store(records, new Date());
      opts.onStored?.(r, records.length);
    } catch (err) {
      opts.log.error({ err, records: records.length }, 'hj212 batch not stored; stations will resend');
      throw err;
    }
  }, opts);
  return {
    enqueue: batcher.enqueue,
    async close() {
      await batcher.close();
      await store.close();
    },
  };
}

export const HJ212_STREAM = 'ECER_HJ212';
export const HJ212_SUBJECT = 'ecer.hj212.records';
export const HJ212_CONSUMER = 'ecer-writer';

/** Stream, subject and consumer; other names only to keep test runs apart on a shared server. */
export type StreamNames = { stream: string; subject: string; consumer: string };
const DEFAULT_NAMES: StreamNames = { stream: HJ212_STREAM, subject: HJ212_SUBJECT, consumer: HJ212_CONSUMER };

async function ensureStream(jsm: JetStreamManager, names: StreamNames) {
  try {
    await jsm.streams.info(names.stream);
  } catch {
    // file storage: a batch acknowledged by the stream survives a NATS restart (the gateway has answered it already)
    await jsm.streams.add({ name: names.stream, subjects: [names.subject], storage: StorageType.File, max_age: 7 * 24 * 3600 * 1e9 });
  }
}

/**
 * With NATS_URL: each batch is published to the ECER_HJ212 stream as JSON and its enqueues resolve on the PubAck.
 * Batches stay well under NATS's 1 MB default payload (maxBatch 400 records of a few factors each).
 */
export async function createJetStreamQueue(opts: { url: string; log: Log; names?: StreamNames } & BatcherOptions): Promise<RecordQueue & { nc: NatsConnection }> {
  const names = opts.names ?? DEFAULT_NAMES;
  const nc = await connect({ servers: opts.url, name: 'ecer-hj212-gateway' });
  await ensureStream(await jetstreamManager(nc), names);
  const js = jetstream(nc);
  const batcher = createBatcher(
    async (records) => {
      try {
        await js.publish(names.subject, JSON.stringify(records));
      } catch (err) {
        opts.log.error({ err, records: records.length }, 'hj212 batch not published; stations will resend');
        throw err;
      }
    },
    { maxBatch: 400, concurrency: 8, ...opts },
  );
  return {
    nc,
    enqueue: batcher.enqueue,
    async close() {
      await batcher.close();
      await nc.drain();
    },
  };
}

export type HJ212Writer = { ready: Promise<void>; stop(): Promise<void>; stats: { batches: number; records: number; stored: number } };

/**
 * A writer: the durable pull consumer `ecer-writer` (several writer processes share it, each message going to one),
 * a fetch of up to 32 messages stored in one transaction, acked after the commit; on failure the messages are
 * nak'ed with a delay and come back (storing them again is idempotent).
 */
export function startJetStreamWriter(opts: { url: string; db: Db; log: Log; maxMessages?: number; names?: StreamNames }): HJ212Writer {
  const names = opts.names ?? DEFAULT_NAMES;
  const log = opts.log;
  const stats = { batches: 0, records: 0, stored: 0 };
  let stopping = false;
  let nc: NatsConnection | null = null;
  let loop: Promise<void> = Promise.resolve();
  const store = createRecordStore(opts.db);
  const ready = (async () => {
    nc = await connect({ servers: opts.url, name: 'ecer-hj212-writer' });
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, names);
    try {
      await jsm.consumers.info(names.stream, names.consumer);
    } catch {
      await jsm.consumers.add(names.stream, { durable_name: names.consumer, ack_policy: AckPolicy.Explicit, ack_wait: 60e9, max_ack_pending: 1000 });
    }
    const consumer = await jetstream(nc).consumers.get(names.stream, names.consumer);
    loop = (async () => {
      while (!stopping) {
        try {
          const msgs = await consumer.fetch({ max_messages: opts.maxMessages ?? 32, expires: 1000 });
          const batch = [];
          for await (const m of msgs) batch.push(m);
          if (!batch.length) continue;
          const records: IngestRecord[] = [];
          for (const m of batch) {
            try {
              records.push(...(m.json() as IngestRecord[]));
            } catch (err) {
              // not ours to store, and never will be: dropped, said so
              log.error({ err, seq: m.seq }, 'hj212 stream message is not JSON records; terminated');
              m.term();
            }
          }
          try {
            const r = await store.store(records, new Date());
            for (const m of batch) m.ack();
            stats.batches++;
            stats.records += records.length;
            stats.stored += r.stored;
          } catch (err) {
            log.error({ err, records: records.length }, 'hj212 writer batch not stored; redelivered later');
            for (const m of batch) m.nak(2000);
          }
        } catch (err) {
          if (stopping) break;
          log.warn({ err }, 'hj212 writer fetch failed; retrying');
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
    log.info({ stream: names.stream, consumer: names.consumer }, 'hj212 writer started');
  })();
  return {
    ready,
    stats,
    async stop() {
      stopping = true;
      await ready.catch(() => undefined);
      await loop;
      await store.close();
      await (nc as NatsConnection | null)?.drain();
    },
  };
}

// Prometheus metrics (prom-client) on the process's default registry, which is what prom-client's
// AggregatorRegistry collects from every worker of a cluster (see cluster.ts). Created once per
// process: several servers in one process (tests) share them.
import cluster from 'node:cluster';
import type pg from 'pg';
import client from 'prom-client';
import { queueFigures, type BookingOutcome } from '@tablebook/api';
import { OUTBOX_CHANNELS, type Database } from '@tablebook/db';

export const METRICS_REQUEST = 'tablebook:metrics-request';
export const METRICS_RESPONSE = 'tablebook:metrics-response';

interface ServerMetrics {
  requests: client.Counter<'procedure' | 'method' | 'status'>;
  durations: client.Histogram<'procedure' | 'method' | 'status'>;
  bookings: client.Counter<'outcome' | 'reason'>;
  openStreams: client.Gauge;
  pools: Set<pg.Pool>;
  outboxSent: client.Counter<'channel'>;
  outboxFailed: client.Counter<'channel'>;
  outboxDead: client.Counter<'channel'>;
  /** The databases whose outbox the queue gauges report (the process's sender registers its own). */
  outboxDatabases: Set<Database>;
}

let metrics: ServerMetrics | undefined;

export function serverMetrics(): ServerMetrics {
  if (metrics) return metrics;
  client.collectDefaultMetrics();
  // prom-client answers the primary's collection requests only once an AggregatorRegistry exists in
  // the worker too (its constructor installs the listener).
  if (cluster.isWorker) new client.AggregatorRegistry();
  const pools = new Set<pg.Pool>();
  metrics = {
    requests: new client.Counter({
      name: 'tablebook_http_requests_total',
      help: 'Requests answered, by procedure (or route), method and status',
      labelNames: ['procedure', 'method', 'status'],
    }),
    durations: new client.Histogram({
      name: 'tablebook_http_request_duration_seconds',
      help: 'Time to answer a request, by procedure (or route), method and status',
      labelNames: ['procedure', 'method', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    bookings: new client.Counter({
      name: 'tablebook_bookings_total',
      help: 'Booking attempts by outcome (created, refused by a rule, rejected as invalid, failed) and reason',
      labelNames: ['outcome', 'reason'],
    }),
    openStreams: new client.Gauge({
      name: 'tablebook_open_streams',
      help: 'Live update streams open now (tRPC subscriptions and REST server-sent events)',
    }),
    pools,
    outboxSent: new client.Counter({
      name: 'tablebook_outbox_sent_total',
      help: 'Outbox messages sent (an e-mail accepted by the SMTP server, a webhook answered 2xx), by channel',
      labelNames: ['channel'],
    }),
    outboxFailed: new client.Counter({
      name: 'tablebook_outbox_failed_total',
      help: 'Outbox attempts that failed and will be retried after a backoff, by channel',
      labelNames: ['channel'],
    }),
    outboxDead: new client.Counter({
      name: 'tablebook_outbox_dead_total',
      help: 'Outbox messages given up after their last attempt (dead: shown to the admin, retried by hand), by channel',
      labelNames: ['channel'],
    }),
    outboxDatabases: new Set<Database>(),
  };
  for (const channel of OUTBOX_CHANNELS) {
    metrics.outboxSent.inc({ channel }, 0);
    metrics.outboxFailed.inc({ channel }, 0);
    metrics.outboxDead.inc({ channel }, 0);
  }
  const outboxDatabases = metrics.outboxDatabases;
  // Both read at scrape time, one query for the two. Every worker of a cluster reports the same shared
  // queue: the primary keeps the largest figure, not their sum.
  let figures: Promise<Map<string, { depth: number; oldestDueAgeSeconds: number }>> | undefined;
  const readFigures = () => {
    figures ??= (async () => {
      const byChannel = new Map(OUTBOX_CHANNELS.map((channel) => [channel as string, { depth: 0, oldestDueAgeSeconds: 0 }]));
      for (const database of outboxDatabases) {
        for (const figure of await queueFigures(database)) {
          const known = byChannel.get(figure.channel)!;
          known.depth = Math.max(known.depth, figure.depth);
          known.oldestDueAgeSeconds = Math.max(known.oldestDueAgeSeconds, figure.oldestDueAgeSeconds);
        }
      }
      return byChannel;
    })().finally(() => {
      // Kept for this scrape only (both gauges read it).
      setTimeout(() => (figures = undefined), 0);
    });
    return figures;
  };
  new client.Gauge({
    name: 'tablebook_outbox_queue_depth',
    help: 'Outbox messages due now or being sent (reminders still ahead not counted), by channel',
    labelNames: ['channel'],
    aggregator: 'max',
    async collect() {
      // The database not answering: the last figures stay.
      const byChannel = await readFigures().catch(() => undefined);
      if (byChannel) for (const channel of OUTBOX_CHANNELS) this.set({ channel }, byChannel.get(channel)?.depth ?? 0);
    },
  });
  new client.Gauge({
    name: 'tablebook_outbox_oldest_due_age_seconds',
    help: 'How long the oldest due, unsent outbox message has waited past its due time, by channel (0: none waiting)',
    labelNames: ['channel'],
    aggregator: 'max',
    async collect() {
      const byChannel = await readFigures().catch(() => undefined);
      if (byChannel) for (const channel of OUTBOX_CHANNELS) this.set({ channel }, byChannel.get(channel)?.oldestDueAgeSeconds ?? 0);
    },
  });
  new client.Gauge({
    name: 'tablebook_db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'],
    collect() {
      let total = 0;
      let idle = 0;
      let waiting = 0;
      for (const pool of pools) {
        total += pool.totalCount;
        idle += pool.idleCount;
        waiting += pool.waitingCount;
      }
      this.set({ state: 'total' }, total);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, waiting);
    },
  });
  return metrics;
}

export const recordBooking = (outcome: BookingOutcome, reason: string) => serverMetrics().bookings.inc({ outcome, reason });

/**
 * The metrics text: this process's own, or, in a cluster worker, every worker's aggregated by the
 * primary (asked over IPC; the primary runs prom-client's AggregatorRegistry).
 */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  serverMetrics();
  if (!cluster.isWorker || !process.send) {
    return { contentType: client.register.contentType, body: await client.register.metrics() };
  }
  const id = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const body = await new Promise<string>((resolve, reject) => {
    /** Ends the wait once, whichever way: the answer, an error, or the timeout. */
    const settle = (outcome: { body: string } | { error: Error }) => {
      clearTimeout(timer);
      process.off('message', onMessage);
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.body);
    };
    const timer = setTimeout(() => settle({ error: new Error('the cluster primary did not answer the metrics request within 5 s') }), 5000);
    const onMessage = (message: unknown) => {
      const reply = message as { type?: string; id?: string; body?: string; error?: string };
      if (reply?.type !== METRICS_RESPONSE || reply.id !== id) return;
      settle(reply.error !== undefined ? { error: new Error(reply.error) } : { body: reply.body ?? '' });
    };
    process.on('message', onMessage);
    if (!process.connected) return settle({ error: new Error('this worker has lost its cluster primary') });
    process.send!({ type: METRICS_REQUEST, id }, undefined, {}, (error) => {
      if (error) settle({ error });
    });
  });
  return { contentType: client.register.contentType, body };
}

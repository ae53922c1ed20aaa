import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { getDb, transaction } from '@/lib/db';
import { acquireLease, holdsLease, releaseLease } from '@/lib/queue/lease';
import { attemptDelivery, recordAttempt } from './deliver';
import { raiseFinishedBatches } from './raise';
import type { AlertFacts, WebhookFormat } from './types';

/**
 * The alerts loop: on exactly one process of the store (the `alerts` lease, as the queue's workers hold
 * theirs), it announces finished batches and sends what the outbox holds, with retries, beside the queue and
 * never in its way: its own timer, short transactions, and at most `concurrency` messages in flight, each cut
 * off after 5 s. A delivery that fails is tried again after 30 s, 2 min, 10 min and 45 min (5 tries over about
 * an hour), then marked failed.
 */
export const ALERTS_LEASE = 'alerts';
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 2_700_000] as const;
// A claimed delivery is not claimed again for this long (a process that dies mid-send leaves it to the next).
const CLAIM_MS = 60_000;
const PRUNE_EVERY_MS = 3_600_000;
/** Events (with their deliveries) are kept this long; an open rule.behind episode is kept until it ends. */
export const KEEP_MS = 30 * 86_400_000;

export type DelivererOptions = {
  owner?: string;
  pollMs?: number;
  leaseMs?: number;
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  concurrency?: number;
};

export type DelivererTick = 'standby' | 'idle' | 'sent';

export function alertsPollMs(): number {
  const n = Number(process.env.LOGPORT_ALERTS_POLL_MS);
  return Number.isFinite(n) && n >= 50 ? n : 2_000;
}

export class AlertDeliverer {
  readonly owner: string;
  readonly pollMs: number;
  readonly leaseMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly timeoutMs: number | undefined;
  private readonly concurrency: number;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<DelivererTick> | undefined;
  private prunedAt = 0;

  constructor(options: DelivererOptions = {}) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? alertsPollMs();
    this.leaseMs = options.leaseMs ?? Math.max(30_000, this.pollMs * 6);
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs;
    this.concurrency = options.concurrency ?? 4;
  }

  tick(): Promise<DelivererTick> {
    this.ticking ??= this.step().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      let result: DelivererTick = 'idle';
      try {
        result = await this.tick();
      } catch (err) {
        console.error('[alerts] tick failed:', err instanceof Error ? err.message : err);
      }
      if (this.stopped) return;
      this.timer = setTimeout(loop, result === 'sent' ? 0 : this.pollMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking?.catch(() => undefined);
    await releaseLease(this.owner, ALERTS_LEASE).catch(() => undefined);
  }

  private async step(now = Date.now()): Promise<DelivererTick> {
    if (!(await acquireLease(this.owner, this.leaseMs, undefined, ALERTS_LEASE))) return 'standby';
    await raiseFinishedBatches(now).catch((err: unknown) =>
      console.error('[alerts] finished batches not read:', err instanceof Error ? err.message : err),
    );
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await prune(now).catch(() => undefined);
    }
    const claimed = await this.claim(now);
    if (claimed.length === 0) return 'idle';
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return 'sent';
  }

  /** The due deliveries, marked as taken, in the same transaction that checks the lease is still ours. */
  private claim(now: number) {
    return transaction(async (db) => {
      if (!(await holdsLease(this.owner, undefined, ALERTS_LEASE))) return [];
      const due = await db
        .selectFrom('alert_deliveries as d')
        .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
        .innerJoin('alert_events as e', 'e.id', 'd.event_id')
        .select([
          'd.id',
          'd.attempts',
          'w.id as webhookId',
          'w.url',
          'w.format',
          'w.secret_sealed',
          'e.payload',
        ])
        .where('d.state', '=', 'pending')
        .where('d.next_at', '<=', now)
        .orderBy('d.next_at')
        .limit(this.concurrency)
        .execute();
      if (due.length > 0)
        await db
          .updateTable('alert_deliveries')
          .set({ next_at: now + CLAIM_MS })
          .where(
            'id',
            'in',
            due.map((d) => d.id),
          )
          .execute();
      return due;
    });
  }

  private async deliver(d: {
    id: string;
    attempts: number;
    webhookId: string;
    url: string;
    format: string;
    secret_sealed: string | null;
    payload: string;
  }): Promise<void> {
    const attempt = d.attempts + 1;
    const facts = JSON.parse(d.payload) as AlertFacts;
    const result = await attemptDelivery(
      { id: d.webhookId, url: d.url, format: d.format as WebhookFormat, secret_sealed: d.secret_sealed },
      d.id,
      facts,
      { timeoutMs: this.timeoutMs },
    );
    const delay = this.retryDelaysMs[attempt - 1];
    const done = Date.now();
    await recordAttempt(d.id, attempt, result, delay === undefined ? 'final' : { at: done + delay }, done);
  }
}

/** Old events and their deliveries go; an open rule.behind stays (it holds the episode). */
async function prune(now: number): Promise<void> {
  const db = await getDb();
  await db
    .deleteFrom('alert_events')
    .where('created_at', '<', now - KEEP_MS)
    .where((eb) => eb.or([eb('event', '!=', 'rule.behind'), eb('resolved_at', 'is not', null)]))
    .execute();
}

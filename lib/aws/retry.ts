import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { mayHaveActed } from './errors';

/**
 * The SDK's standard strategy treats `LimitExceededException` (one active export per account) as throttling and
 * silently retries it, which makes a launch look slow and then fail anyway. This strategy retries throttling,
 * 5xx and network errors with capped exponential backoff and full jitter, and hands every other error straight
 * back to the caller.
 */
const NEVER_RETRY = new Set(['LimitExceededException']);

type Token = RetryToken & { attempts: number; delay: number };

function token(attempts: number, delay: number): Token {
  return { attempts, delay, getRetryCount: () => attempts, getRetryDelay: () => delay };
}

export class LogportRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  constructor(
    private readonly maxAttempts = 3,
    private readonly baseDelayMs = 100,
    private readonly maxDelayMs = 2_000,
    /**
     * Whether to retry errors that may come after AWS did the work (5xx, timeouts, cut connections). Off for
     * calls that are not idempotent (CreateExportTask): the caller looks for what the call made instead.
     * Throttling and failures to connect are always retried: those requests did nothing.
     */
    private readonly retryAmbiguous = true,
  ) {}

  async acquireInitialRetryToken(): Promise<RetryToken> {
    return token(0, 0);
  }

  async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const attempts = (previous as Token).attempts + 1;
    const name = info.error?.name ?? '';
    const transient = ['THROTTLING', 'TRANSIENT', 'SERVER_ERROR'].includes(info.errorType);
    const retryable =
      info.errorType === 'THROTTLING' || (transient && (this.retryAmbiguous || !mayHaveActed(info.error)));
    if (NEVER_RETRY.has(name) || !retryable || attempts >= this.maxAttempts) {
      throw new Error('no retry');
    }
    const cap = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempts);
    return token(attempts, Math.round(Math.random() * cap));
  }

  recordSuccess(): void {}
}

import { HttpError, NetworkError } from './errors.js';
import type { RetryState } from './types.js';

/**
 * When the chat sends a message again by itself. Only a send that was never accepted is retried:
 * once `transport.send` has resolved (the reply stream started) nothing is replayed automatically.
 * Pass a part of it as {@link ChatOptions.retry} to change a field, or `false` to never retry.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included; `1` never retries. @defaultValue 3 */
  readonly limit: number;
  /**
   * The longest wait before attempt `attempt + 1` when the server did not say how long to wait.
   * @defaultValue `attempt => 1000 * 2 ** (attempt - 1)` (1 s, 2 s, 4 s, …)
   */
  readonly backoffMs: (attempt: number) => number;
  /**
   * The cap on backoff. A server that asks for a longer wait (`Retry-After`, `X-RateLimit-Reset`)
   * is not retried automatically: the message fails, with Retry, and the visitor is told how long to wait.
   * @defaultValue 30000
   */
  readonly maxDelayMs: number;
  /** "Full jitter": wait a random time up to the backoff, so many widgets do not retry in step. @defaultValue true */
  readonly jitter: boolean;
  /**
   * Statuses retried; `Retry-After` / `X-RateLimit-Reset` win over backoff. Network failures before
   * the stream starts are retried too; anything else (400, 401, 403, 404, 413, …) never is.
   * @defaultValue `[408, 429, 500, 502, 503, 504]`
   */
  readonly statusCodes: readonly number[];
}

/** The policy {@link createChat} uses unless told otherwise. */
export const defaultRetryPolicy: RetryPolicy = {
  limit: 3,
  backoffMs: (attempt) => 1000 * 2 ** (attempt - 1),
  maxDelayMs: 30_000,
  jitter: true,
  statusCodes: [408, 429, 500, 502, 503, 504],
};

/**
 * Milliseconds to wait before attempt `attempt + 1` after `error` failed attempt `attempt`, or -1
 * for no retry. A `NetworkError` with code `offline` is not retried here: the chat sends it when the
 * browser is back online.
 */
export function retryDelay(policy: RetryPolicy, error: unknown, attempt: number, random = Math.random): number {
  const http = error instanceof HttpError;
  if (attempt >= policy.limit || (http ? !policy.statusCodes.includes(error.status) : !(error instanceof NetworkError) || error.code === 'offline')) {
    return -1;
  }
  const asked = http ? error.retryAfter : undefined;
  if (asked !== undefined) return asked > policy.maxDelayMs ? -1 : asked;
  const backoff = Math.min(policy.backoffMs(attempt), policy.maxDelayMs);
  return policy.jitter ? Math.round(random() * backoff) : backoff;
}

/** Waits `ms`; rejects with the signal's reason (an `AbortError`) as soon as it aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Runs `attempt` until it resolves, waiting between attempts as {@link retryDelay} says. `waiting` hears
 * of each wait, with the error that caused it, and of its end (`null`). Rejects with the error no retry
 * follows, or with `signal`'s reason once it aborts.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  signal: AbortSignal,
  attempt: () => Promise<T>,
  waiting: (state: RetryState | null, cause: unknown) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (cause) {
      const wait = signal.aborted ? -1 : retryDelay(policy, cause, n);
      if (wait < 0) throw cause;
      waiting({ attempt: n + 1, at: Date.now() + wait }, cause);
      try {
        await delay(wait, signal);
      } finally {
        waiting(null, cause);
      }
    }
  }
}

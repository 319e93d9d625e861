/** The outcome of one request against the limit. */
export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Unix seconds when the oldest counted request leaves the window. */
  readonly resetAt: number;
  /** Whole seconds to wait before a request is allowed again (0 when allowed). */
  readonly retryAfterSeconds: number;
}

export interface SlidingWindowLimiter {
  /** Counts a request for `key` if the window has room. Refused requests are not counted. */
  take(key: string): RateDecision;
  reset(): void;
}

/**
 * A sliding-window log, like Agento's "120 requests per minute per API key": a request is allowed
 * when fewer than `limit` requests were counted in the last `windowMs`.
 */
export function createSlidingWindowLimiter(limit: number, windowMs: number, now: () => number): SlidingWindowLimiter {
  const hits = new Map<string, number[]>();

  return {
    take(key) {
      const time = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > time - windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(time);
      hits.set(key, recent);

      const oldest = recent[0] ?? time;
      const freeAt = oldest + windowMs;
      return {
        allowed,
        limit,
        remaining: Math.max(0, limit - recent.length),
        resetAt: Math.ceil(freeAt / 1000),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((freeAt - time) / 1000)),
      };
    },
    reset() {
      hits.clear();
    },
  };
}

/** The `X-RateLimit-*` headers every answer to a known key carries. */
export function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetAt),
  };
}

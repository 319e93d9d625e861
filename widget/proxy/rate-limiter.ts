import { AgentoProxyError } from './errors.js';
import type { BucketOptions, RateLimitOptions } from './types.js';

/** What a store answers when asked for a token. */
export type RateLimitDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Where the token buckets live. `take` must be atomic: refill the bucket for the time passed
 * since it was last touched (up to `capacity`), then take one token if there is one, else say how
 * long until there will be.
 *
 * The default keeps buckets in memory, which is right for one process. Behind a load balancer,
 * give every instance the same store, for example Redis with a Lua script (atomic, one round trip):
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 *
 * const TAKE = `
 *   local capacity, perMs, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
 *   local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
 *   local tokens = tonumber(state[1]) or capacity
 *   tokens = math.min(capacity, tokens + (now - (tonumber(state[2]) or now)) * perMs)
 *   local wait = 0
 *   if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / perMs) end
 *   redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
 *   redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs))
 *   return wait`;
 *
 * const store: RateLimitStore = {
 *   async take(key, bucket, now) {
 *     const perMs = bucket.refillPerMinute / 60_000;
 *     const args = [bucket.capacity, perMs, now].map(String);
 *     const wait = Number(await redis.eval(TAKE, { keys: [`agento:limit:${key}`], arguments: args }));
 *     return wait === 0 ? { allowed: true } : { allowed: false, retryAfterMs: wait };
 *   },
 * };
 * createAgentoProxy({ ...options, limits: { store } });
 * ```
 * Keep the instances' clocks in sync (NTP), since `now` comes from each instance.
 */
export interface RateLimitStore {
  take(key: string, bucket: BucketOptions, now: number): RateLimitDecision | Promise<RateLimitDecision>;
}

/** Default limits: bursts of 20 sends then 10 a minute; 60 other calls then 120 a minute. */
export const DEFAULT_LIMITS = {
  send: { capacity: 20, refillPerMinute: 10 },
  other: { capacity: 60, refillPerMinute: 120 },
} as const satisfies Record<string, BucketOptions>;

/**
 * Buckets in a `Map`, the least recently used dropped past `maxKeys` (a dropped bucket is a
 * full one, so this only ever forgives).
 */
export function createMemoryRateLimitStore(maxKeys = 10_000): RateLimitStore {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, { capacity, refillPerMinute }, now) {
      const previous = buckets.get(key);
      const elapsed = previous ? Math.max(0, now - previous.at) : 0;
      let tokens = previous ? Math.min(capacity, previous.tokens + (elapsed * refillPerMinute) / 60_000) : capacity;
      const allowed = tokens >= 1;
      if (allowed) tokens -= 1;

      buckets.delete(key); // re-inserted last: the Map's order is recency
      buckets.set(key, { tokens, at: now });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);

      return allowed ? { allowed } : { allowed, retryAfterMs: ((1 - tokens) * 60_000) / refillPerMinute };
    },
  };
}

/** Which bucket a call draws from. */
export type LimitKind = 'send' | 'other';

/** Takes a token for a visitor, or throws `429` with `Retry-After` in whole seconds (at least 1). */
export type RateLimiter = (kind: LimitKind, peerId: string) => Promise<void>;

export function createRateLimiter(options: RateLimitOptions | false | undefined): RateLimiter {
  if (options === false) return async () => {};
  const buckets = { send: options?.send ?? DEFAULT_LIMITS.send, other: options?.other ?? DEFAULT_LIMITS.other };
  for (const bucket of Object.values(buckets)) {
    if (!(bucket.capacity >= 1 && bucket.refillPerMinute > 0)) {
      throw new TypeError('limits: capacity must be at least 1 and refillPerMinute above 0');
    }
  }
  const store = options?.store ?? createMemoryRateLimitStore();

  return async (kind, peerId) => {
    const decision = await store.take(`${kind}:${peerId}`, buckets[kind], Date.now());
    if (decision.allowed) return;
    const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new AgentoProxyError(429, 'rate_limited', 'Too many requests, please slow down', {
      headers: { 'Retry-After': String(seconds) },
    });
  };
}

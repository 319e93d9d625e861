import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentoError, HttpError, NetworkError, StreamError, httpErrorFrom } from '../../widget/core/errors.js';
import { defaultRetryPolicy, delay, retryDelay, type RetryPolicy } from '../../widget/core/retry-policy.js';
import { failOnStrayErrors } from '../helpers/stray-errors.js';

failOnStrayErrors();
afterEach(() => {
  vi.useRealTimers();
});

const exact: RetryPolicy = { ...defaultRetryPolicy, jitter: false };
const http = (status: number, retryAfter?: number) => new HttpError(status, `http_${status}`, 'x', retryAfter);

describe('defaultRetryPolicy', () => {
  it('is a plain, documented object: 3 attempts, 1 s doubling backoff, 30 s cap, full jitter', () => {
    expect(defaultRetryPolicy).toMatchObject({ limit: 3, maxDelayMs: 30_000, jitter: true, statusCodes: [408, 429, 500, 502, 503, 504] });
    expect([1, 2, 3, 4].map(defaultRetryPolicy.backoffMs)).toEqual([1000, 2000, 4000, 8000]);
  });
});

describe('retryDelay', () => {
  it('waits what a 429 asks (Retry-After / X-RateLimit-Reset, carried by HttpError.retryAfter), not the backoff', () => {
    expect(retryDelay(defaultRetryPolicy, http(429, 5000), 1)).toBe(5000);
    expect(retryDelay(defaultRetryPolicy, http(503, 0), 2)).toBe(0);
  });

  it('reads Retry-After in seconds, as an HTTP date, and X-RateLimit-Reset', async () => {
    const now = Date.now();
    const answer = (headers: Record<string, string>) =>
      httpErrorFrom(new Response('{"error":{"code":"rate_limited","message":"slow down"}}', { status: 429, headers }));
    expect(retryDelay(exact, await answer({ 'Retry-After': '7' }), 1)).toBe(7000);
    const dated = retryDelay(exact, await answer({ 'Retry-After': new Date(now + 10_000).toUTCString() }), 1);
    expect(dated).toBeGreaterThan(8000);
    expect(dated).toBeLessThanOrEqual(10_000);
    const reset = retryDelay(exact, await answer({ 'X-RateLimit-Reset': String(Math.ceil(now / 1000) + 4) }), 1);
    expect(reset).toBeGreaterThan(2000);
    expect(reset).toBeLessThanOrEqual(5000);
    // No hint at all: exponential backoff.
    expect(retryDelay(exact, await answer({}), 2)).toBe(2000);
  });

  it('reads X-RateLimit-Reset only on a 429: Agento sends it with every answer', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 60);
    const bad = await httpErrorFrom(new Response('{}', { status: 502, headers: { 'X-RateLimit-Reset': reset } }));
    expect(bad.retryAfter).toBeUndefined();
    expect(retryDelay(exact, bad, 1)).toBe(1000);
    const busy = await httpErrorFrom(new Response('{}', { status: 503, headers: { 'X-RateLimit-Reset': reset, 'Retry-After': '2' } }));
    expect(retryDelay(exact, busy, 1)).toBe(2000);
  });

  it('does not retry automatically when the server asks for longer than maxDelayMs', () => {
    expect(retryDelay(defaultRetryPolicy, http(429, 30_001), 1)).toBe(-1);
    expect(retryDelay({ ...defaultRetryPolicy, maxDelayMs: 120_000 }, http(429, 60_000), 1)).toBe(60_000);
  });

  it('backs off exponentially on 5xx and network failures, capped by maxDelayMs', () => {
    for (const error of [http(500), http(502), http(503), http(504), http(408), new NetworkError('Failed to fetch')]) {
      expect([1, 2].map((attempt) => retryDelay({ ...exact, limit: 9 }, error, attempt))).toEqual([1000, 2000]);
    }
    expect(retryDelay({ ...exact, limit: 99 }, http(500), 10)).toBe(30_000);
  });

  it('uses full jitter: a random wait between 0 and the backoff', () => {
    expect(retryDelay(defaultRetryPolicy, http(503), 2, () => 0)).toBe(0);
    expect(retryDelay(defaultRetryPolicy, http(503), 2, () => 0.5)).toBe(1000);
    expect(retryDelay(defaultRetryPolicy, http(503), 2, () => 0.999)).toBe(1998);
    const real = retryDelay(defaultRetryPolicy, http(503), 2);
    expect(real).toBeGreaterThanOrEqual(0);
    expect(real).toBeLessThanOrEqual(2000);
  });

  it('never retries 400, 401, 403, 404, 413, nor broken streams and other errors', () => {
    for (const status of [400, 401, 403, 404, 405, 413, 422]) expect(retryDelay(exact, http(status, 1000), 1)).toBe(-1);
    expect(retryDelay(exact, new StreamError('interrupted', 'cut'), 1)).toBe(-1);
    expect(retryDelay(exact, new AgentoError('bad_response', 'x'), 1)).toBe(-1);
    expect(retryDelay(exact, new TypeError('boom'), 1)).toBe(-1);
    expect(retryDelay(exact, new DOMException('aborted', 'AbortError'), 1)).toBe(-1);
  });

  it('leaves an offline failure to the online event', () => {
    expect(retryDelay(exact, new NetworkError('offline', undefined, 'offline'), 1)).toBe(-1);
  });

  it('stops after `limit` attempts in all', () => {
    expect(retryDelay(exact, http(503), 2)).toBe(2000);
    expect(retryDelay(exact, http(503), 3)).toBe(-1);
    expect(retryDelay({ ...exact, limit: 1 }, http(429, 10), 1)).toBe(-1);
  });

  it('honours the fields it is given', () => {
    const policy: RetryPolicy = { limit: 5, backoffMs: () => 250, maxDelayMs: 1000, jitter: false, statusCodes: [418] };
    expect(retryDelay(policy, http(418), 4)).toBe(250);
    expect(retryDelay(policy, http(503), 1)).toBe(-1);
  });
});

describe('delay', () => {
  it('resolves after the time', async () => {
    vi.useFakeTimers();
    let done = false;
    const waiting = delay(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('rejects with an AbortError as soon as its signal aborts, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = delay(60_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(delay(60_000, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

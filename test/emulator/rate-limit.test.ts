import { afterEach, describe, expect, it } from 'vitest';
import { createSlidingWindowLimiter } from '../../demo/emulator/rate-limiter.js';
import { manualClock, startEmulator, type EmulatorRig } from './support.js';

describe('emulator: rate limit', () => {
  let rig: EmulatorRig;
  afterEach(() => rig.close());

  it('puts X-RateLimit-* on every answer: 120 a minute per key by default', async () => {
    const clock = manualClock();
    rig = await startEmulator({ now: clock.now });
    const first = await rig.call('/sessions', { method: 'POST' });
    const second = await rig.call('/messages?peerId=p');
    const notFound = await rig.call('/messages?sessionId=ses_none');
    for (const [response, remaining] of [[first, '119'], [second, '118'], [notFound, '117']] as const) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('120');
      expect(response.headers.get('x-ratelimit-remaining')).toBe(remaining);
      expect(response.headers.get('x-ratelimit-reset')).toBe(String(clock.now() / 1000 + 60));
    }
    const stream = await rig.send({ message: 'hi' });
    expect(stream.headers.get('x-ratelimit-remaining')).toBe('116');
    await stream.text();
  });

  it('answers 429 with Retry-After past the limit, until the window slides', async () => {
    const clock = manualClock();
    rig = await startEmulator({ now: clock.now, rateLimit: { limit: 3, windowMs: 60_000 } });
    const session = () => rig.call('/sessions', { method: 'POST' });

    expect((await session()).status).toBe(201); // t = 0
    clock.advance(30_000);
    expect((await session()).status).toBe(201); // t = 30 s
    clock.advance(15_000);
    expect((await session()).status).toBe(201); // t = 45 s

    const refused = await session();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });

    clock.advance(15_001); // the request at t = 0 leaves the window; refused ones were never counted
    const allowed = await session();
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await session()).status).toBe(429);
  });

  it('counts each API key on its own', async () => {
    rig = await startEmulator({ apiKeys: ['ak_test_emulator', 'ak_other'], rateLimit: { limit: 1 } });
    expect((await rig.call('/sessions', { method: 'POST' })).status).toBe(201);
    expect((await rig.call('/sessions', { method: 'POST' })).status).toBe(429);
    expect((await rig.call('/sessions', { method: 'POST', headers: { 'X-Api-Key': 'ak_other' } })).status).toBe(201);
  });

  it('forgets counts on reset()', async () => {
    rig = await startEmulator({ rateLimit: { limit: 1 } });
    await rig.call('/sessions', { method: 'POST' });
    rig.emulator.reset();
    expect((await rig.call('/sessions', { method: 'POST' })).status).toBe(201);
  });
});

describe('sliding window limiter', () => {
  it('reports the reset as the Unix second the oldest request leaves the window', () => {
    const clock = manualClock(10_500);
    const limiter = createSlidingWindowLimiter(2, 1_000, clock.now);
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 1, resetAt: 12 });
    clock.advance(400);
    expect(limiter.take('k')).toMatchObject({ allowed: true, remaining: 0, resetAt: 12 });
    expect(limiter.take('k')).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
  });
});

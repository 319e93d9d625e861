import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore, type RateLimitStore } from '../../widget/proxy/index.js';
import { errorOf, startRig } from './rig.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the proxy’s own per-visitor limits', () => {
  it('answers 429 with Retry-After in whole seconds once a visitor’s send bucket is empty, without calling upstream', async () => {
    const rig = await startRig({ proxy: { limits: { send: { capacity: 2, refillPerMinute: 1 } } } });
    const alice = rig.as('alice');
    for (const message of ['one', 'two']) expect((await alice.send({ message })).status).toBe(200);

    const response = await alice.send({ message: 'three' });

    expect(response.headers.get('retry-after')).toMatch(/^(59|60)$/);
    expect(await errorOf(response)).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(rig.emulator.log.filter((entry) => entry.route === 'send')).toHaveLength(2);
  });

  it('keeps visitors apart, and sends apart from other calls', async () => {
    const rig = await startRig({ proxy: { limits: { send: { capacity: 1, refillPerMinute: 1 } } } });
    await (await rig.as('alice').send({ message: 'one' })).text();

    expect((await rig.as('alice').send({ message: 'two' })).status).toBe(429);
    expect((await rig.as('bob').send({ message: 'one' })).status).toBe(200);
    expect((await rig.as('alice').newSession()).status).toBe(201);
  });

  it('defaults to bursts of 20 sends and 60 other calls', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const sends = await Promise.all(Array.from({ length: 21 }, () => alice.send('{')));
    const others = await Promise.all(Array.from({ length: 61 }, () => alice.history({})));

    expect(sends.filter((response) => response.status === 429)).toHaveLength(1);
    expect(others.filter((response) => response.status === 429)).toHaveLength(1);
  });

  it('never answers Retry-After: 0, even when the next token is under a second away', async () => {
    const rig = await startRig({ proxy: { limits: { other: { capacity: 1, refillPerMinute: 120 } } } });
    await rig.as('alice').newSession();
    const response = await rig.as('alice').newSession();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('refills the bucket over time', async () => {
    const rig = await startRig({ proxy: { limits: { other: { capacity: 1, refillPerMinute: 600 } } } });
    const alice = rig.as('alice');
    expect((await alice.newSession()).status).toBe(201);
    expect((await alice.newSession()).status).toBe(429);
    await delay(150); // 10 tokens a second
    expect((await alice.newSession()).status).toBe(201);
  });

  it('can be switched off', async () => {
    const rig = await startRig({ proxy: { limits: false } });
    const answers = await Promise.all(Array.from({ length: 30 }, () => rig.as('alice').send('{')));
    expect(answers.every((response) => response.status === 400)).toBe(true);
  });

  it('asks a custom (async) store, keyed by bucket and visitor', async () => {
    const asked: string[] = [];
    const store: RateLimitStore = {
      async take(key, bucket) {
        asked.push(`${key} ${bucket.capacity}/${bucket.refillPerMinute}`);
        return { allowed: false, retryAfterMs: 2500 };
      },
    };
    const rig = await startRig({ proxy: { limits: { store } } });
    const send = await rig.as('alice').send({ message: 'hi' });
    const session = await rig.as('bob').newSession();

    expect([send.status, session.status]).toEqual([429, 429]);
    expect(send.headers.get('retry-after')).toBe('3');
    expect(asked).toEqual(['send:alice 20/10', 'other:bob 60/120']);
    expect(rig.emulator.log).toHaveLength(0);
  });

  it('shares buckets between proxy instances that share a store', async () => {
    const store = createMemoryRateLimitStore();
    const limits = { store, send: { capacity: 1, refillPerMinute: 1 } };
    const first = await startRig({ proxy: { limits } });
    const second = await startRig({ proxy: { limits } });

    expect((await first.as('alice').send({ message: 'hi' })).status).toBe(200);
    expect((await second.as('alice').send({ message: 'hi' })).status).toBe(429);
  });

  it('the memory store refills at the given rate and forgets the least recently used bucket past its size', () => {
    const store = createMemoryRateLimitStore(2);
    const bucket = { capacity: 1, refillPerMinute: 60 };
    expect(store.take('a', bucket, 0)).toEqual({ allowed: true });
    expect(store.take('a', bucket, 250)).toEqual({ allowed: false, retryAfterMs: 750 });
    expect(store.take('a', bucket, 1000)).toEqual({ allowed: true });

    store.take('b', bucket, 1000);
    store.take('c', bucket, 1000); // 'a' is now the least recently used, and dropped
    expect(store.take('a', bucket, 1000)).toEqual({ allowed: true });
    expect(store.take('c', bucket, 1000)).toMatchObject({ allowed: false });
  });
});

describe('Agento’s limits', () => {
  it('passes upstream 429 on with its Retry-After and X-RateLimit-*', async () => {
    const rig = await startRig({ emulator: { faults: { status: 429, retryAfterSeconds: 7 } } });
    for (const response of [
      await rig.as('alice').send({ message: 'hi' }),
      await rig.as('alice').newSession(),
    ]) {
      expect(response.headers.get('retry-after')).toBe('7');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      expect(response.headers.get('x-ratelimit-limit')).toBe('120');
      expect(await errorOf(response)).toMatchObject({ status: 429, code: 'rate_limited' });
    }
  });

  it('passes upstream 429 on when the key’s 120 a minute are used up', async () => {
    const rig = await startRig({ emulator: { rateLimit: { limit: 2 } }, proxy: { limits: false } });
    await rig.as('alice').newSession();
    await rig.as('bob').newSession();
    const response = await rig.as('carol').newSession();

    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get('x-ratelimit-limit')).toBe('2');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('passes X-RateLimit-* on with successful answers too', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const session = await alice.newSession();
    const { sessionId } = (await session.json()) as { sessionId: string };
    const send = await alice.send({ message: 'hi', sessionId });
    await send.text();
    const history = await alice.history({ sessionId });

    expect([session, send, history].map((response) => response.headers.get('x-ratelimit-remaining'))).toEqual([
      '119',
      '118',
      '117',
    ]);
    expect(history.headers.get('x-ratelimit-limit')).toBe('120');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestLogEntry } from '../../demo/emulator/index.js';
import { readStream, startEmulator, type EmulatorRig } from './support.js';

describe('emulator: faults', () => {
  let rig: EmulatorRig;
  const aborted: RequestLogEntry[] = [];
  beforeAll(async () => {
    rig = await startEmulator({ onStreamAbort: (entry) => aborted.push(entry) });
  });
  beforeEach(() => {
    rig.emulator.reset();
    aborted.length = 0;
  });
  afterAll(() => rig.close());

  const lastEntry = () => rig.emulator.log.at(-1);
  const historyOf = async (peerId: string) => (await rig.history({ peerId })).data.map((message) => message.role);

  describe('cut mid-stream', () => {
    it('ends cleanly after N tokens without done, and stores no assistant reply', async () => {
      rig.emulator.faults.cutAfterTokens = 3;
      const stream = await readStream(await rig.send({ message: 'a reply long enough to cut', peerId: 'p_cut' }));
      expect(stream.types).toEqual(['text', 'text', 'text']);
      expect(lastEntry()?.stream).toBe('cut');
      expect(await historyOf('p_cut')).toEqual(['user']);
    });

    it('drops the connection in cutMode abort', async () => {
      Object.assign(rig.emulator.faults, { cutAfterTokens: 2, cutMode: 'abort' });
      const response = await rig.send({ message: 'this connection will drop' });
      await expect(response.text()).rejects.toThrow();
      expect(lastEntry()?.stream).toBe('cut');
    });

    it('is switched on by "/fault cut", with a reply that explains itself', async () => {
      const stream = await readStream(await rig.send({ message: '/fault cut' }));
      expect(stream.types).toEqual(Array(8).fill('text'));
      expect(stream.text).toMatch(/^This reply was sent with the fault `cut`/);
    });

    it('"/fault drop" cuts the connection', async () => {
      await expect((await rig.send({ message: '/fault drop long' })).text()).rejects.toThrow();
    });
  });

  describe('an error event mid-stream', () => {
    it('sends N tokens then {type:"error",error:{code,message}} and no done', async () => {
      rig.emulator.faults.errorAfterTokens = 2;
      const stream = await readStream(await rig.send({ message: 'this will fail', peerId: 'p_err' }));
      expect(stream.types).toEqual(['text', 'text', 'error']);
      expect(stream.events.at(-1)?.data).toEqual({ type: 'error', error: { code: 'agent_failed', message: expect.any(String) } });
      expect(lastEntry()?.stream).toBe('error');
      expect(await historyOf('p_err')).toEqual(['user']);
    });

    it('is switched on by "/fault error"', async () => {
      const stream = await readStream(await rig.send({ message: '/fault error tell me a long story' }));
      expect(stream.types).toEqual([...Array(8).fill('text'), 'error']);
      expect(stream.text).toMatch(/^## How a reply reaches you/); // the rest of the message is answered
    });
  });

  describe('HTTP errors', () => {
    it('answers 429 JSON with Retry-After on every route by default', async () => {
      rig.emulator.faults.status = 429;
      for (const response of [await rig.send({ message: 'hi' }), await rig.call('/sessions', { method: 'POST' })]) {
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBe('5');
        expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
        expect(response.headers.get('x-ratelimit-limit')).toBe('120');
        expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      }
    });

    it('limits a status fault to statusRoutes, with its own Retry-After', async () => {
      Object.assign(rig.emulator.faults, { status: 429, statusRoutes: ['send'], retryAfterSeconds: 2 });
      expect((await rig.call('/sessions', { method: 'POST' })).status).toBe(201);
      expect((await rig.send({ message: 'hi' })).headers.get('retry-after')).toBe('2');
    });

    it('answers 500 JSON', async () => {
      rig.emulator.faults.status = 500;
      const response = await rig.send({ message: 'hi' });
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    });

    it.each([
      ['/fault 429', 429],
      ['/fault 500', 500],
    ])('"%s" fails that message only, storing nothing', async (message, status) => {
      expect((await rig.send({ message, peerId: 'p_http' })).status).toBe(status);
      expect(await historyOf('p_http')).toEqual([]);
      expect((await rig.send({ message: 'again', peerId: 'p_http' })).status).toBe(200);
    });
  });

  describe('timing', () => {
    it('sends slow tokens', async () => {
      rig.emulator.faults.tokenDelayMs = 40;
      const started = performance.now();
      const stream = await readStream(await rig.send({ message: 'hi' }));
      expect(performance.now() - started).toBeGreaterThanOrEqual(40 * stream.events.length - 20);
    });

    it('"/fault slow" spaces tokens 750 ms apart', async () => {
      const response = await rig.send({ message: '/fault slow' });
      const reader = response.body!.getReader();
      await reader.read();
      const started = performance.now();
      await reader.read();
      expect(performance.now() - started).toBeGreaterThan(600);
      await reader.cancel();
    });

    it('holds the whole answer for responseDelayMs', async () => {
      rig.emulator.faults.responseDelayMs = 300;
      const started = performance.now();
      const response = await rig.call('/sessions', { method: 'POST' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(response.status).toBe(201);
    });

    it('notices a client that leaves while the answer is held', async () => {
      rig.emulator.faults.responseDelayMs = 10_000;
      await expect(rig.send({ message: 'hi' }, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
      await vi.waitFor(() => expect(lastEntry()?.aborted).toBe(true));
    });
  });

  describe('wire format', () => {
    it('uses CRLF line endings', async () => {
      rig.emulator.faults.crlf = true;
      const stream = await readStream(await rig.send({ message: 'hi' }));
      expect(stream.raw).toContain('\r\n\r\n');
      expect(stream.raw.replaceAll('\r\n', '')).not.toContain('\n');
      expect(stream.types.at(-1)).toBe('done');
    });

    it('sends : ping comments between tokens', async () => {
      rig.emulator.faults.ping = true;
      const stream = await readStream(await rig.send({ message: 'hi' }));
      expect(stream.comments.length).toBe(stream.types.filter((type) => type === 'text').length);
      expect(stream.comments.every((comment) => comment === 'ping')).toBe(true);
      expect(stream.raw).toMatch(/"\}\n\n: ping\n\ndata: /);
    });

    it('interleaves unknown events without touching the text', async () => {
      rig.emulator.faults.unknownEvents = true;
      const plain = await readStream(await rig.send({ message: 'same words' }));
      rig.emulator.faults.unknownEvents = false;
      const clean = await readStream(await rig.send({ message: 'same words' }));
      expect(plain.text).toBe(clean.text);
      expect(plain.types).toEqual(expect.arrayContaining(['thinking', 'tool_call', 'sources', 'foo']));
      expect(plain.events.find(({ data }) => (data as { type: string }).type === 'foo')?.event).toBe('foo');
      expect(plain.raw).toContain('event: foo\ndata: ');
      expect(plain.types.at(-1)).toBe('done');
    });

    it('ends with data: [DONE] instead of a done event', async () => {
      rig.emulator.faults.doneSentinel = true;
      const stream = await readStream(await rig.send({ message: 'hi', peerId: 'p_sentinel' }));
      expect(stream.raw.endsWith('data: [DONE]\n\n')).toBe(true);
      expect(stream.types).not.toContain('done');
      expect(await historyOf('p_sentinel')).toEqual(['user', 'assistant']);
    });

    it('combines magic words: "/fault crlf ping unknown done hello"', async () => {
      const stream = await readStream(await rig.send({ message: '/fault crlf ping unknown done hello' }));
      expect(stream.raw).toContain('\r\n: ping\r\n');
      expect(stream.types).toEqual(expect.arrayContaining(['thinking', 'tool_call', 'sources', 'foo', '[DONE]']));
      expect(stream.text).toMatch(/^Hello! /);
    });
  });

  describe('a client that goes away', () => {
    it('is logged as aborted, reported to onStreamAbort, and its reply is not stored', async () => {
      rig.emulator.faults.tokenDelayMs = 50;
      const controller = new AbortController();
      const response = await rig.send({ message: 'hi', peerId: 'p_gone' }, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      await vi.waitFor(() => expect(aborted).toHaveLength(1));
      expect(aborted[0]).toMatchObject({ route: 'send', stream: 'aborted', aborted: true });
      expect(lastEntry()).toBe(aborted[0]);
      expect(await historyOf('p_gone')).toEqual(['user']);
    });
  });

  it('reset() restores the initial faults and keeps the same faults object', async () => {
    const withFaults = await startEmulator({ faults: { ping: true } });
    try {
      const { faults } = withFaults.emulator;
      faults.crlf = true;
      faults.ping = false;
      withFaults.emulator.reset();
      expect(withFaults.emulator.faults).toBe(faults);
      expect(faults).toEqual({ ping: true });
    } finally {
      await withFaults.close();
    }
  });
});

// @vitest-environment happy-dom
// (happy-dom for `storage` events between tabs and `online` / `offline` on window; the chat itself touches no DOM.)
import { effect, signal } from '@preact/signals-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChat, HISTORY_PAGE_SIZE } from '../../widget/core/create-chat.js';
import { HttpError, NetworkError, StreamError } from '../../widget/core/errors.js';
import { changeKey, sessionKey } from '../../widget/core/session-store.js';
import type { Chat, ChatOptions, ChatTransport, HistoryMessage, RetryState, StorageLike } from '../../widget/core/types.js';
import { fakeTransport, memoryStorage, settle } from './fakes.js';
import { failOnStrayErrors } from '../helpers/stray-errors.js';

const ENDPOINT = '/api/agento';
const KEY = sessionKey(ENDPOINT);
const stored = (sessionId: string) => JSON.stringify({ v: 1, sessionId });

// No scenario may leave a promise rejected unobserved or throw past the chat.
failOnStrayErrors();

const chats: Chat[] = [];
afterEach(async () => {
  for (const chat of chats.splice(0)) chat.dispose();
  vi.useRealTimers();
  vi.restoreAllMocks();
  localStorage.clear();
  await settle();
});

/** Fake timers for the retry waits and polls; promise callbacks still run at once. */
const fakeTime = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
/** Lets pending promise callbacks (and timers due within `ms`) run, under fake timers. */
async function tick(ms = 0) {
  await vi.advanceTimersByTimeAsync(ms);
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/**
 * A fake Agento behind the fake transport: it stores a user message when `send` is accepted and
 * answers history like the API (`since` exclusive, oldest first, `limit`/`offset`, `total`).
 */
function fakeServer(transport: ReturnType<typeof fakeTransport>) {
  const messages: HistoryMessage[] = [];
  let clock = Date.UTC(2030, 0, 1);
  const store = (role: HistoryMessage['role'], content: string) =>
    void messages.push({ role, content, timestamp: new Date((clock += 1000)).toISOString() });
  transport.history.mockImplementation(async (_id, { since, limit = 50, offset = 0 }) => {
    const matching = messages.filter((m) => !since || m.timestamp > since);
    return { data: matching.slice(offset, offset + limit), pagination: { total: matching.length, limit, offset } };
  });
  const accept = transport.send.getMockImplementation()!;
  transport.send.mockImplementation(async (id, message, abortSignal) => {
    store('user', message);
    return accept(id, message, abortSignal);
  });
  return { messages, store };
}

function setup({ token, storage, ...options }: Partial<ChatOptions> & { token?: string } = {}) {
  const transport = fakeTransport();
  const store = storage ?? memoryStorage(token ? { [KEY]: stored(token) } : {});
  const online = signal(true);
  const visible = signal(true);
  const onError = vi.fn();
  const chat = createChat({ endpoint: ENDPOINT, transport, storage: store, schedule: (flush) => flush(), online, visible, onError, ...options });
  chats.push(chat);
  const view = () => chat.messages.value.map((m) => `${m.role}:${m.state}:${m.content}`);
  return { chat, transport, storage: store, online, visible, onError, view };
}

/** Every value `retrying` took. */
function recordRetrying(chat: Chat) {
  const seen: (RetryState | null)[] = [];
  const stop = effect(() => void seen.push(chat.retrying.value));
  chats.push({ dispose: stop } as unknown as Chat);
  return seen;
}

const http = (status: number, retryAfter?: number) => new HttpError(status, `http_${status}`, `HTTP ${status}`, retryAfter);

describe('retry before the stream starts', () => {
  it('waits for Retry-After on a 429, says so in `retrying`, then sends and streams', async () => {
    fakeTime();
    const { chat, transport, view, onError } = setup({ token: 'tok-1' });
    transport.send.mockRejectedValueOnce(http(429, 5000));
    const start = Date.now();
    const sending = chat.send('Hi');
    await tick();
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(chat.retrying.value).toEqual({ attempt: 2, at: start + 5000 });
    expect(chat.status.value).toBe('submitted');
    expect(view()).toEqual(['user:sending:Hi']);

    await tick(4999);
    expect(transport.send).toHaveBeenCalledTimes(1);
    await tick(1);
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(chat.retrying.value).toBeNull();
    transport.reply.text('Hello');
    transport.reply.push({ type: 'done' });
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
    expect(chat.error.value).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('retries 5xx and network failures with exponential backoff, then fails with Retry after `limit` attempts', async () => {
    fakeTime();
    const { chat, transport, view } = setup({ token: 'tok-1', retry: { jitter: false } });
    const seen = recordRetrying(chat);
    transport.send.mockRejectedValueOnce(http(503)).mockRejectedValueOnce(new NetworkError('Failed to fetch')).mockRejectedValueOnce(http(500));
    const sending = chat.send('Hi');
    await tick();
    expect(transport.send).toHaveBeenCalledTimes(1);
    await tick(1000);
    expect(transport.send).toHaveBeenCalledTimes(2);
    await tick(1999);
    expect(transport.send).toHaveBeenCalledTimes(2);
    await tick(1);
    await sending;
    expect(transport.send).toHaveBeenCalledTimes(3);
    expect(seen.filter(Boolean).map((r) => r?.attempt)).toEqual([2, 3]);
    expect(view()).toEqual(['user:failed:Hi']);
    expect(chat.messages.value[0]?.error).toMatchObject({ status: 500 });
    expect(chat.status.value).toBe('error');
    expect(chat.retrying.value).toBeNull();
    await tick(120_000);
    expect(transport.send).toHaveBeenCalledTimes(3);
  });

  it('retries a session that could not be created', async () => {
    fakeTime();
    const { chat, transport, view } = setup({ retry: { jitter: false } });
    transport.createSession.mockRejectedValueOnce(http(502));
    const sending = chat.send('Hi');
    await tick(1000);
    transport.reply.push({ type: 'done' });
    await sending;
    expect(transport.createSession).toHaveBeenCalledTimes(2);
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:']);
  });

  it.each([400, 401, 403, 404, 413])('never retries a %i', async (status) => {
    fakeTime();
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const seen = recordRetrying(chat);
    transport.send.mockRejectedValueOnce(http(status, 1000));
    await chat.send('Hi');
    await tick(60_000);
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([null]);
    expect(view()).toEqual(['user:failed:Hi']);
    expect(chat.status.value).toBe('error');
  });

  it('fails at once when the server asks for a longer wait than maxDelayMs, keeping how long in the error', async () => {
    fakeTime();
    const { chat, transport } = setup({ token: 'tok-1' });
    transport.send.mockRejectedValueOnce(http(429, 120_000));
    await chat.send('Hi');
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(chat.error.value).toMatchObject({ status: 429, retryAfter: 120_000 });
    expect(chat.messages.value[0]?.state).toBe('failed');
  });

  it('never retries with `retry: false`', async () => {
    fakeTime();
    const { chat, transport } = setup({ token: 'tok-1', retry: false });
    transport.send.mockRejectedValueOnce(http(503));
    await chat.send('Hi');
    await tick(60_000);
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(chat.messages.value[0]?.state).toBe('failed');
  });

  it('cancelRetry() stops waiting: the message fails with the error that caused the wait, and Retry sends it', async () => {
    fakeTime();
    const { chat, transport, view } = setup({ token: 'tok-1' });
    transport.send.mockRejectedValueOnce(http(429, 10_000));
    const sending = chat.send('Hi');
    await tick();
    expect(chat.retrying.value).not.toBeNull();
    chat.cancelRetry();
    await sending;
    expect(chat.retrying.value).toBeNull();
    expect(view()).toEqual(['user:failed:Hi']);
    expect(chat.messages.value[0]?.error).toMatchObject({ status: 429 });
    expect(chat.status.value).toBe('idle');
    await tick(60_000);
    expect(transport.send).toHaveBeenCalledTimes(1);

    const retrying = chat.retry(chat.messages.value[0]!.id);
    await tick();
    transport.reply.push({ type: 'done' });
    await retrying;
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:']);
  });

  it('cancelRetry() does nothing when no retry is waiting', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    chat.cancelRetry();
    expect(transport.reply.signal?.aborted).toBe(false);
    transport.reply.push({ type: 'done' });
    await sending;
    expect(chat.messages.value[1]?.state).toBe('complete');
  });

  it('stop() while waiting to retry also leaves the message failed with Retry', async () => {
    fakeTime();
    const { chat, transport, view } = setup({ token: 'tok-1' });
    transport.send.mockRejectedValueOnce(http(503));
    const sending = chat.send('Hi');
    await tick();
    chat.stop();
    await sending;
    await tick(60_000);
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(view()).toEqual(['user:failed:Hi']);
  });
});

describe('a reply cut after the stream started', () => {
  it.each([
    ['ends without done', (reply: ReturnType<typeof fakeTransport>['reply']) => reply.end(), 'interrupted'],
    ['sends an error event', (reply: ReturnType<typeof fakeTransport>['reply']) => reply.push({ type: 'error', code: 'agent_failed', message: 'x' }), 'agent_failed'],
    ['loses the network', (reply: ReturnType<typeof fakeTransport>['reply']) => reply.fail(new NetworkError('connection reset')), 'network_error'],
  ] as const)('%s: the partial text stays, marked interrupted, and nothing is resent', async (_, cut, code) => {
    fakeTime();
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await tick();
    transport.reply.text('Hel', 'lo');
    await tick();
    cut(transport.reply);
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:interrupted:Hello']);
    expect(chat.messages.value[1]?.error).toMatchObject({ code });
    expect(chat.status.value).toBe('error');
    await tick(10 * 60_000);
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(chat.retrying.value).toBeNull();
  });

  it('is interrupted after `idleTimeoutMs` of silence (the option reaches the default transport)', async () => {
    fakeTime();
    const encoder = new TextEncoder();
    let cancelled = false;
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (init?.method !== 'POST') return Response.json({ data: [], pagination: { total: 0, limit: 50, offset: 0 } });
      const body = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(encoder.encode('data: {"type":"text","content":"Hel"}\n\n')),
        cancel: () => void (cancelled = true),
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    });
    const chat = createChat({
      endpoint: ENDPOINT,
      fetch: fetch as typeof globalThis.fetch,
      storage: memoryStorage({ [KEY]: stored('tok-1') }),
      schedule: (flush) => flush(),
      online: signal(true),
      idleTimeoutMs: 1000,
    });
    chats.push(chat);
    const sending = chat.send('Hi');
    await tick(999);
    expect(chat.messages.value[1]).toMatchObject({ state: 'streaming', content: 'Hel' });
    await tick(1);
    await sending;
    expect(chat.messages.value[1]).toMatchObject({ state: 'interrupted', content: 'Hel', error: { code: 'idle_timeout' } });
    expect(cancelled).toBe(true);
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
  });

  it('stop() aborts the request and keeps the partial reply', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Hel');
    await settle();
    chat.stop();
    await sending;
    expect(transport.reply.signal?.aborted).toBe(true);
    expect(view()).toEqual(['user:complete:Hi', 'assistant:stopped:Hel']);
    expect(chat.status.value).toBe('idle');
  });
});

describe('catching up with the server', () => {
  async function loaded() {
    const ctx = setup({ token: 'tok-1' });
    const server = fakeServer(ctx.transport);
    server.store('user', 'm0');
    server.store('assistant', 'm1');
    await ctx.chat.loadHistory();
    return { ...ctx, server };
  }

  type Loaded = Awaited<ReturnType<typeof loaded>>;

  /** Sends `question`; its reply streams `partial`, then the stream ends without `done`. */
  async function sendCut({ chat, transport }: Loaded, question: string, partial: string) {
    const sending = chat.send(question);
    await settle();
    transport.reply.text(partial);
    transport.reply.end();
    await sending;
    await settle();
  }

  /** Sends `question`; its reply streams `answer` and finishes. */
  async function sendAnswered({ chat, transport }: Loaded, question: string, answer: string) {
    const sending = chat.send(question);
    await settle();
    transport.reply.text(answer);
    transport.reply.push({ type: 'done' });
    await sending;
  }

  it('after a cut, syncs `since` the newest server message: no duplicates, the partial reply after its question', async () => {
    const ctx = await loaded();
    const { chat, transport, server, view } = ctx;
    await sendCut(ctx, 'Q', 'par');
    expect(transport.history).toHaveBeenLastCalledWith('tok-1', { since: server.messages[1]?.timestamp, limit: HISTORY_PAGE_SIZE }, expect.any(AbortSignal));
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:Q', 'assistant:interrupted:par']);
    // The question now is the server's copy (its timestamp), not the local one.
    expect(chat.messages.value[2]?.timestamp).toBe(server.messages[2]?.timestamp);

    // Later syncs keep it that way.
    server.store('user', 'from another tab');
    await chat.sync();
    await chat.sync();
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:Q', 'assistant:interrupted:par', 'user:complete:from another tab']);
  });

  it('Retry on an interrupted reply shows the reply the server kept meanwhile, without sending again', async () => {
    const ctx = await loaded();
    const { chat, transport, server, view } = ctx;
    await sendCut(ctx, 'Q', 'par');
    server.store('assistant', 'the whole answer');

    await chat.retry(chat.messages.value[3]!.id);
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:Q', 'assistant:complete:the whole answer']);
  });

  it('Retry on an interrupted reply asks its question again when the server has no reply', async () => {
    const ctx = await loaded();
    const { chat, transport, server, view } = ctx;
    await sendCut(ctx, 'Q', 'par');

    const retrying = chat.retry(chat.messages.value[3]!.id);
    await settle();
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(transport.send).toHaveBeenLastCalledWith('tok-1', 'Q', expect.any(AbortSignal));
    transport.reply.text('answer');
    transport.reply.push({ type: 'done' });
    await retrying;
    expect(view()).toEqual([
      'user:complete:m0',
      'assistant:complete:m1',
      'user:complete:Q',
      'assistant:interrupted:par',
      'user:complete:Q',
      'assistant:complete:answer',
    ]);

    // Synced later: the cut reply keeps its place after the first question, the new turn is the server's.
    server.store('assistant', 'answer');
    await chat.sync();
    expect(view()).toEqual([
      'user:complete:m0',
      'assistant:complete:m1',
      'user:complete:Q',
      'assistant:interrupted:par',
      'user:complete:Q',
      'assistant:complete:answer',
    ]);
    expect(chat.messages.value.slice(4).map((m) => m.timestamp)).toEqual(server.messages.slice(3).map((m) => m.timestamp));
  });

  it('replaces local copies with the server’s, adds other tabs’ messages, keeps failed sends last, never duplicates', async () => {
    const ctx = await loaded();
    const { chat, transport, server, view } = ctx;
    await sendAnswered(ctx, 'B', 'b');
    server.store('assistant', 'b');
    server.store('user', 'X');
    server.store('assistant', 'x');
    transport.send.mockRejectedValueOnce(http(400));
    await chat.send('F');

    expect(await chat.sync()).toBe(true);
    expect(view()).toEqual([
      'user:complete:m0',
      'assistant:complete:m1',
      'user:complete:B',
      'assistant:complete:b',
      'user:complete:X',
      'assistant:complete:x',
      'user:failed:F',
    ]);
    expect(await chat.sync()).toBe(false);
    expect(view()).toHaveLength(7);
  });

  it('skips messages it already shows, should a server’s `since` include its bound', async () => {
    const { chat, transport, server, view } = await loaded();
    const exclusive = transport.history.getMockImplementation()!;
    transport.history.mockImplementation(async (id, query, abortSignal) => {
      const page = await exclusive(id, {}, abortSignal);
      return { ...page, data: page.data.filter((m) => !query.since || m.timestamp >= query.since) };
    });
    server.store('user', 'new');
    await chat.sync();
    await chat.sync();
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:new']);
  });

  it('keeps a local reply the server stores a moment late, then shows the server’s copy once', async () => {
    const ctx = await loaded();
    const { chat, server, view } = ctx;
    await sendAnswered(ctx, 'B', 'b');
    await chat.sync();
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:B', 'assistant:complete:b']);
    server.store('assistant', 'b');
    await chat.sync();
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:B', 'assistant:complete:b']);
    expect(chat.messages.value[3]?.timestamp).toBe(server.messages[3]?.timestamp);
  });

  it('shows the newest page of all when more than a page arrived since, rather than leave a gap', async () => {
    const { chat, transport, server } = await loaded();
    for (let i = 2; i < 2 + HISTORY_PAGE_SIZE + 10; i++) server.store(i % 2 ? 'assistant' : 'user', `m${i}`);
    await chat.sync();
    const shown = chat.messages.value.map((m) => m.content);
    expect(shown).toEqual(server.messages.slice(-HISTORY_PAGE_SIZE).map((m) => m.content));
    expect(transport.history.mock.calls.at(-1)?.[1]).toEqual({ limit: HISTORY_PAGE_SIZE, offset: 12 });
  });

  it('runs one sync at a time, and once more for a call made meanwhile', async () => {
    const { chat, transport, server, view } = await loaded();
    const calls = transport.history.mock.calls.length;
    const first = chat.sync();
    server.store('user', 'late');
    const second = chat.sync();
    expect(second).toBe(first);
    expect(await first).toBe(true);
    expect(transport.history.mock.calls.length - calls).toBe(2);
    expect(view().at(-1)).toBe('user:complete:late');
  });

  it('never rejects: a failing sync changes nothing', async () => {
    const { chat, transport, view } = await loaded();
    transport.history.mockRejectedValueOnce(new NetworkError('down'));
    await expect(chat.sync()).resolves.toBe(false);
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1']);
    expect(chat.status.value).toBe('idle');
  });
});

describe('offline', () => {
  it('fails a send at once with `offline`, sends nothing, and sends it when the browser is back online', async () => {
    const { chat, transport, online, view } = setup({ token: 'tok-1' });
    online.value = false;
    await chat.send('Hi');
    expect(transport.send).not.toHaveBeenCalled();
    expect(view()).toEqual(['user:failed:Hi']);
    expect(chat.messages.value[0]?.error).toMatchObject({ name: 'NetworkError', code: 'offline' });
    expect(chat.status.value).toBe('error');

    online.value = true;
    await settle();
    expect(transport.send).toHaveBeenCalledWith('tok-1', 'Hi', expect.any(AbortSignal));
    transport.reply.text('Hello');
    transport.reply.push({ type: 'done' });
    await settle();
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
    expect(chat.error.value).toBeNull();
    expect(transport.history).toHaveBeenCalled(); // and caught up with the server
  });

  it('creates no session while offline', async () => {
    const { chat, transport, online } = setup();
    online.value = false;
    await chat.send('Hi');
    expect(transport.createSession).not.toHaveBeenCalled();
  });

  it('sends every message written offline, in order, when back online', async () => {
    const { chat, transport, online, view } = setup({ token: 'tok-1' });
    online.value = false;
    await chat.send('one');
    await chat.send('two');
    online.value = true;
    await settle();
    expect(transport.send.mock.calls.map(([, text]) => text)).toEqual(['one']);
    transport.reply.push({ type: 'done' });
    await settle();
    expect(transport.send.mock.calls.map(([, text]) => text)).toEqual(['one', 'two']);
    transport.reply.push({ type: 'done' });
    await settle();
    expect(view()).toEqual(['user:complete:one', 'assistant:complete:', 'user:complete:two', 'assistant:complete:']);
  });

  it('also resends messages that failed for the network while the browser thought it was online', async () => {
    fakeTime();
    const { chat, transport, online } = setup({ token: 'tok-1', retry: { limit: 2, jitter: false } });
    transport.send.mockRejectedValueOnce(new NetworkError('Failed to fetch')).mockRejectedValueOnce(new NetworkError('Failed to fetch'));
    const sending = chat.send('Hi');
    await tick(1000);
    await sending;
    expect(chat.messages.value[0]?.state).toBe('failed');
    online.value = false;
    online.value = true;
    await tick();
    expect(transport.send).toHaveBeenCalledTimes(3);
  });

  it('follows navigator.onLine and the online / offline events by default', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const chat = createChat({ endpoint: ENDPOINT, transport: fakeTransport(), storage: null });
    chats.push(chat);
    expect(chat.online.value).toBe(false);
    onLine.mockReturnValue(true);
    dispatchEvent(new Event('online'));
    expect(chat.online.value).toBe(true);
    onLine.mockReturnValue(false);
    dispatchEvent(new Event('offline'));
    expect(chat.online.value).toBe(false);
    chat.dispose();
    onLine.mockReturnValue(true);
    dispatchEvent(new Event('online'));
    expect(chat.online.value).toBe(false); // released on dispose
  });
});

describe('storage that misbehaves, through createChat', () => {
  const throwing = (name: string): StorageLike => {
    const fail = () => {
      throw new DOMException('Storage is not available.', name);
    };
    return { getItem: fail, setItem: fail, removeItem: fail };
  };

  async function converse(chat: Chat, transport: ReturnType<typeof fakeTransport>) {
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Hello');
    transport.reply.push({ type: 'done' });
    await sending;
  }

  it.each([
    ['that throws on every call (private mode, sandboxed frame)', throwing('SecurityError')],
    ['that is full', { ...memoryStorage(), setItem: throwing('QuotaExceededError').setItem }],
  ])('works with storage %s: the token lives in memory', async (_, storage) => {
    const { chat, transport, view } = setup({ storage });
    await converse(chat, transport);
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
    expect(chat.sessionId.value).toBe('tok-new');
    await converse(chat, transport);
    expect(transport.createSession).toHaveBeenCalledTimes(1);
  });

  it.each(['{not json', '{"v":1,"sessionId":42}', '{"v":99,"sessionId":"tok-x"}', 'null', '[]', '"tok"'])(
    'treats garbage %s as no session and replaces it',
    async (raw) => {
      const storage = memoryStorage({ [KEY]: raw });
      const { chat, transport } = setup({ storage });
      expect(chat.sessionId.value).toBeNull();
      await chat.loadHistory();
      expect(transport.history).not.toHaveBeenCalled();
      await converse(chat, transport);
      expect(JSON.parse(storage.data.get(KEY)!)).toEqual({ v: 1, sessionId: 'tok-new' });
    },
  );

  it('survives another tab clearing all storage: it starts clean and keeps working', async () => {
    const { chat, transport, storage } = setup({ token: 'tok-1' });
    await converse(chat, transport);
    (storage as ReturnType<typeof memoryStorage>).data.clear();
    dispatchEvent(new StorageEvent('storage', { key: null }));
    expect(chat.sessionId.value).toBeNull();
    expect(chat.messages.value).toEqual([]);
    await converse(chat, transport);
    expect(chat.sessionId.value).toBe('tok-new');
  });

  it('keeps two widgets on one page (two endpoints) apart, in localStorage too', async () => {
    const a = setup({ endpoint: '/api/a', storage: localStorage });
    const b = setup({ endpoint: '/api/b', storage: localStorage });
    a.transport.createSession.mockResolvedValue('tok-a');
    b.transport.createSession.mockResolvedValue('tok-b');
    await converse(a.chat, a.transport);
    await converse(b.chat, b.transport);
    expect(a.chat.sessionId.value).toBe('tok-a');
    expect(b.chat.sessionId.value).toBe('tok-b');

    // Another tab starts a new conversation in widget A: B is untouched, and B's news does not sync A.
    localStorage.setItem(sessionKey('/api/a'), stored('tok-a2'));
    dispatchEvent(new StorageEvent('storage', { key: sessionKey('/api/a') }));
    expect(a.chat.sessionId.value).toBe('tok-a2');
    expect(b.chat.sessionId.value).toBe('tok-b');
    expect(b.view()).toHaveLength(2);
    const calls = a.transport.history.mock.calls.length;
    dispatchEvent(new StorageEvent('storage', { key: changeKey('/api/b') }));
    await settle();
    expect(a.transport.history.mock.calls.length).toBe(calls);
    expect(b.transport.history).toHaveBeenCalled();
  });
});

describe('several tabs', () => {
  /** Two tabs of one visitor: one storage, one server. Both chats live in this window, so both hear every event. */
  function twoTabs() {
    const storage = memoryStorage({ [KEY]: stored('tok-1') });
    const a = setup({ storage });
    const b = setup({ storage });
    const server = fakeServer(a.transport);
    b.transport.history.mockImplementation(a.transport.history.getMockImplementation()!);
    const otherTab = (key: string) => dispatchEvent(new StorageEvent('storage', { key, newValue: storage.getItem(key) }));
    return { a, b, server, storage, otherTab };
  }

  it('a reply finished in one tab shows up in the other', async () => {
    const { a, b, server, storage, otherTab } = twoTabs();
    const sending = a.chat.send('Hi');
    await settle();
    a.transport.reply.text('Hello');
    a.transport.reply.push({ type: 'done' });
    await sending;
    server.store('assistant', 'Hello');
    expect(storage.data.has(changeKey(ENDPOINT))).toBe(true);
    expect(b.view()).toEqual([]);

    otherTab(changeKey(ENDPOINT));
    await settle();
    expect(b.view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
    expect(a.view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
  });

  it('tells the other tabs after every reply, even one cut off (the server has the question)', async () => {
    const { a, storage } = twoTabs();
    const bumps: string[] = [];
    const setItem = storage.setItem;
    storage.setItem = (key, value) => (key === changeKey(ENDPOINT) && bumps.push(value), setItem(key, value));
    const first = a.chat.send('one');
    await settle();
    a.transport.reply.push({ type: 'done' });
    await first;
    const second = a.chat.send('two');
    await settle();
    a.transport.reply.end();
    await second;
    expect(bumps).toHaveLength(2);
    expect(new Set(bumps).size).toBe(2); // a storage event fires only when the value changes
  });

  it('polls while watched: every pollMs, doubling to 2 min while nothing changes, back on news, paused when hidden', async () => {
    fakeTime();
    const { chat, transport, visible } = setup({ token: 'tok-1', pollMs: 5000 });
    const server = fakeServer(transport);
    const polls = () => transport.history.mock.calls.length;
    await tick(60_000);
    expect(polls()).toBe(0); // nobody watches

    const unwatch = chat.watch();
    const at: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 6; i++) {
      const before = polls();
      while (polls() === before) await tick(1000);
      at.push(Math.round((Date.now() - start) / 1000));
    }
    expect(at).toEqual([5, 15, 35, 75, 155, 275]);

    server.store('user', 'from another tab');
    await tick(120_000);
    expect(chat.messages.value.map((m) => m.content)).toEqual(['from another tab']);
    const afterNews = polls();
    await tick(5000);
    expect(polls()).toBe(afterNews + 1); // news: back to 5 s

    visible.value = false;
    const hidden = polls();
    await tick(10 * 60_000);
    expect(polls()).toBe(hidden);
    visible.value = true;
    await tick();
    expect(polls()).toBe(hidden + 1); // visible again: at once

    unwatch();
    unwatch();
    const stopped = polls();
    await tick(10 * 60_000);
    expect(polls()).toBe(stopped);
  });

  it('does not poll while offline, nor while a reply streams, nor with pollMs 0', async () => {
    fakeTime();
    const { chat, transport, online } = setup({ token: 'tok-1' });
    chat.watch();
    online.value = false;
    await tick(60_000);
    expect(transport.history).not.toHaveBeenCalled();
    online.value = true;
    await tick();
    const calls = transport.history.mock.calls.length;
    void chat.send('Hi');
    await tick(60_000);
    expect(transport.history.mock.calls.length).toBe(calls);

    const quiet = setup({ token: 'tok-1', pollMs: 0 });
    quiet.chat.watch();
    await tick(60_000);
    expect(quiet.transport.history).not.toHaveBeenCalled();
  });

  it('follows a new conversation started in another tab', async () => {
    const { a, b, storage, otherTab } = twoTabs();
    await b.chat.loadHistory();
    await a.chat.newConversation();
    otherTab(KEY);
    expect(b.chat.sessionId.value).toBeNull();
    a.transport.createSession.mockResolvedValue('tok-2');
    const sending = a.chat.send('fresh');
    await settle();
    expect(storage.getItem(KEY)).toBe(stored('tok-2'));
    otherTab(KEY);
    await settle();
    expect(b.chat.sessionId.value).toBe('tok-2');
    expect(b.transport.history).toHaveBeenLastCalledWith('tok-2', { limit: HISTORY_PAGE_SIZE }, expect.any(AbortSignal));
    expect(b.view()).toEqual(['user:complete:fresh']);
    a.transport.reply.push({ type: 'done' });
    await sending;
  });
});

describe('the transport contract still holds', () => {
  it('a custom transport that throws synchronously fails the message, never the caller', async () => {
    const transport = fakeTransport();
    const broken: ChatTransport = {
      createSession: transport.createSession,
      history: transport.history,
      send: () => {
        throw new StreamError('x', 'y');
      },
    };
    const chat = createChat({ endpoint: ENDPOINT, transport: broken, storage: memoryStorage({ [KEY]: stored('t') }), online: signal(true) });
    chats.push(chat);
    await expect(chat.send('Hi')).resolves.toBeUndefined();
    expect(chat.messages.value[0]?.state).toBe('failed');
  });
});

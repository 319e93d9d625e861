// @vitest-environment happy-dom
// (happy-dom only for `storage` events between tabs; the chat itself touches no DOM.)
import { effect, signal } from '@preact/signals-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createChat, HISTORY_PAGE_SIZE } from '../../widget/core/create-chat.js';
import { AgentoError, HttpError, NetworkError, StreamError } from '../../widget/core/errors.js';
import { sessionKey } from '../../widget/core/session-store.js';
import type { Chat, ChatOptions, ChatStreamEvent } from '../../widget/core/types.js';
import { deferred, fakeReply, fakeTransport, historyMessage, historyPage, memoryStorage, settle } from './fakes.js';

const ENDPOINT = '/api/agento';
const KEY = sessionKey(ENDPOINT);
const stored = (sessionId: string) => JSON.stringify({ v: 1, sessionId });

// Actions must never reject, and nothing they start may reject unobserved.
const unhandled: unknown[] = [];
const collectUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', collectUnhandled));
afterAll(() => void process.off('unhandledRejection', collectUnhandled));

const chats: Chat[] = [];
afterEach(async () => {
  for (const chat of chats.splice(0)) chat.dispose();
  await settle();
  expect(unhandled).toEqual([]);
  unhandled.length = 0;
});

/**
 * A chat over a fake transport and a Map storage, flushing tokens at once unless told otherwise.
 * Deterministic: no automatic retry (its policy has tests of its own), online, visible, no polling.
 */
function setup({ token, ...options }: Partial<ChatOptions> & { token?: string } = {}) {
  const transport = fakeTransport();
  const storage = memoryStorage(token ? { [KEY]: stored(token) } : {});
  const onMessage = vi.fn();
  const onError = vi.fn();
  const onSession = vi.fn();
  // `retry: false`: a failure here fails at once; retries have their own tests (resilience.test.ts).
  const chat = createChat({ endpoint: ENDPOINT, transport, storage, schedule: (flush) => flush(), onMessage, onError, onSession, retry: false, ...options });
  chats.push(chat);
  const view = () => chat.messages.value.map((m) => `${m.role}:${m.state}:${m.content}`);
  return { chat, transport, storage, onMessage, onError, onSession, view };
}

describe('createChat: history', () => {
  it('shows the stored session’s history, with status loading meanwhile', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    const answer = deferred<ReturnType<typeof historyPage>>();
    transport.history.mockReturnValueOnce(answer.promise);

    const loading = chat.loadHistory();
    expect(chat.status.value).toBe('loading');
    expect(transport.history).toHaveBeenCalledWith('tok-1', { limit: HISTORY_PAGE_SIZE }, expect.any(AbortSignal));

    answer.resolve(historyPage([historyMessage(0), historyMessage(1)]));
    await loading;
    expect(chat.status.value).toBe('idle');
    expect(chat.messages.value).toEqual([
      { id: expect.any(String), role: 'user', content: 'm0', timestamp: historyMessage(0).timestamp, state: 'complete' },
      { id: expect.any(String), role: 'assistant', content: 'm1', timestamp: historyMessage(1).timestamp, state: 'complete' },
    ]);
  });

  it('keeps loading the history when the visitor sends meanwhile, and shows both', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const answer = deferred<ReturnType<typeof historyPage>>();
    transport.history.mockReturnValueOnce(answer.promise);

    const loading = chat.loadHistory();
    const sending = chat.send('new question');
    await settle();
    expect(transport.history.mock.calls[0]![2]!.aborted).toBe(false);

    const past = (m: ReturnType<typeof historyMessage>) => ({ ...m, timestamp: m.timestamp.replace('2030', '2020') });
    answer.resolve(historyPage([past(historyMessage(0)), past(historyMessage(1))]));
    await loading;
    expect(chat.status.value).toBe('submitted'); // the send owns the status, not the finished load
    transport.reply.text('answer');
    transport.reply.push({ type: 'done' });
    await sending;
    expect(view()).toEqual(['user:complete:m0', 'assistant:complete:m1', 'user:complete:new question', 'assistant:complete:answer']);
  });

  it('does nothing without a stored session', async () => {
    const { chat, transport } = setup();
    await chat.loadHistory();
    expect(transport.history).not.toHaveBeenCalled();
    expect(chat.status.value).toBe('idle');
  });

  it('shows the newest page of a long history', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    const all = Array.from({ length: 120 }, (_, i) => historyMessage(i));
    transport.history.mockImplementation(async (_id, { offset = 0, limit = 50 }) => historyPage(all.slice(offset, offset + limit), all.length, offset));

    await chat.loadHistory();
    expect(transport.history.mock.calls.map(([, query]) => query)).toEqual([{ limit: 50 }, { limit: 50, offset: 70 }]);
    expect(chat.messages.value.map((m) => m.content)).toEqual(all.slice(70).map((m) => m.content));
  });

  it('asks for no second page when the first holds everything, even if some entries were dropped', async () => {
    // The transport drops entries that are not user/assistant messages, so data.length can be below total.
    const { chat, transport } = setup({ token: 'tok-1' });
    transport.history.mockResolvedValue(historyPage([historyMessage(0), historyMessage(2)], 3));
    await chat.loadHistory();
    expect(transport.history).toHaveBeenCalledTimes(1);
    expect(chat.messages.value).toHaveLength(2);
  });

  it.each([403, 404])('drops a token the proxy answers %i to and starts clean, without an error', async (status) => {
    const { chat, transport, storage, onError } = setup({ token: 'tok-old' });
    transport.history.mockRejectedValue(new HttpError(status, 'forbidden', 'Not your session.'));
    await chat.loadHistory();
    expect(chat.sessionId.value).toBeNull();
    expect(storage.data.has(KEY)).toBe(false);
    expect(chat.messages.value).toEqual([]);
    expect(chat.status.value).toBe('idle');
    expect(chat.error.value).toBeNull();
    expect(onError).not.toHaveBeenCalled();

    // The next message starts a new session.
    void chat.send('hello');
    await settle();
    expect(transport.createSession).toHaveBeenCalledTimes(1);
    expect(transport.send).toHaveBeenCalledWith('tok-new', 'hello', expect.any(AbortSignal));
  });

  it('a dropped token clears the error of an earlier failed load too', async () => {
    const { chat, transport } = setup({ token: 'tok-old' });
    transport.history.mockRejectedValueOnce(new HttpError(502, 'upstream_error', 'Bad gateway'));
    await chat.loadHistory();
    expect(chat.error.value).not.toBeNull();
    transport.history.mockRejectedValueOnce(new HttpError(403, 'forbidden', 'Not your session.'));
    await chat.loadHistory();
    expect([chat.status.value, chat.error.value, chat.sessionId.value]).toEqual(['idle', null, null]);
  });

  it('reports other history failures and keeps the token', async () => {
    const { chat, transport, onError } = setup({ token: 'tok-1' });
    const error = new HttpError(502, 'upstream_error', 'Bad gateway');
    transport.history.mockRejectedValue(error);
    await chat.loadHistory();
    expect(chat.status.value).toBe('error');
    expect(chat.error.value).toBe(error);
    expect(onError).toHaveBeenCalledWith(error);
    expect(chat.sessionId.value).toBe('tok-1');
  });
});

describe('createChat: sending', () => {
  it('creates a session for the first message, stores its token, then sends', async () => {
    const { chat, transport, storage, onSession } = setup();
    void chat.send('Hello');
    await settle();
    expect(transport.createSession).toHaveBeenCalledTimes(1);
    expect(transport.send).toHaveBeenCalledWith('tok-new', 'Hello', expect.any(AbortSignal));
    expect(chat.sessionId.value).toBe('tok-new');
    expect(storage.data.get(KEY)).toBe(stored('tok-new'));
    expect(onSession).toHaveBeenCalledWith('tok-new');
  });

  it('reuses the stored session', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    void chat.send('Hello');
    await settle();
    expect(transport.createSession).not.toHaveBeenCalled();
    expect(transport.send).toHaveBeenCalledWith('tok-1', 'Hello', expect.any(AbortSignal));
  });

  it('adds the user message at once as sending, and marks it complete once the proxy accepts it', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    const accepted = deferred<AsyncIterable<ChatStreamEvent>>();
    transport.send.mockReturnValueOnce(accepted.promise as Promise<AsyncIterable<ChatStreamEvent>>);

    void chat.send('  Hello  ');
    expect(chat.status.value).toBe('submitted');
    expect(chat.messages.value).toMatchObject([{ role: 'user', content: 'Hello', state: 'sending' }]);

    accepted.resolve(fakeReply().events());
    await settle();
    expect(chat.messages.value).toMatchObject([
      { role: 'user', content: 'Hello', state: 'complete' },
      { role: 'assistant', content: '', state: 'streaming' },
    ]);
  });

  it('ignores empty messages', async () => {
    const { chat, transport } = setup();
    await chat.send('   \n ');
    expect(chat.messages.value).toEqual([]);
    expect(transport.send).not.toHaveBeenCalled();
  });

  it('accumulates streamed tokens into the reply', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    void chat.send('Hi');
    await settle();
    transport.reply.text('Hel', 'lo');
    await settle();
    expect(chat.status.value).toBe('streaming');
    expect(view()).toEqual(['user:complete:Hi', 'assistant:streaming:Hello']);
    transport.reply.text(' there');
    await settle();
    expect(view()).toEqual(['user:complete:Hi', 'assistant:streaming:Hello there']);
  });

  it('batches tokens: many tokens between two frames make one messages update', async () => {
    const frames: Array<() => void> = [];
    const { chat, transport } = setup({ token: 'tok-1', schedule: (flush) => void frames.push(flush) });
    let updates = 0;
    const stopCounting = effect(() => {
      void chat.messages.value;
      updates++;
    });
    void chat.send('Hi');
    await settle();
    const before = updates;

    transport.reply.text(...Array.from({ length: 100 }, (_, i) => `${i} `));
    await settle();
    expect(updates).toBe(before);
    expect(frames).toHaveLength(1);

    frames.shift()?.();
    expect(updates).toBe(before + 1);
    expect(chat.messages.value[1]?.content).toBe(Array.from({ length: 100 }, (_, i) => `${i} `).join(''));

    transport.reply.text('a', 'b', 'c');
    await settle();
    frames.shift()?.();
    expect(updates).toBe(before + 2);
    stopCounting();
  });

  it('completes the reply on done: status idle, onMessage for both messages', async () => {
    const { chat, transport, onMessage, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Hello');
    transport.reply.push({ type: 'done' });
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
    expect(chat.status.value).toBe('idle');
    expect(chat.error.value).toBeNull();
    expect(onMessage.mock.calls.map(([m]) => `${m.role}:${m.state}:${m.content}`)).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
    expect(transport.reply.released).toBe(true);
  });

  it('flushes tokens still waiting for a frame when done arrives', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1', schedule: () => {} });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('never', ' flushed', ' by a frame');
    transport.reply.push({ type: 'done' });
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:never flushed by a frame']);
  });

  it('marks a reply interrupted when the stream ends without done, keeping its text', async () => {
    const { chat, transport, onError, onMessage, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Half an ans');
    transport.reply.end();
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:interrupted:Half an ans']);
    const reply = chat.messages.value[1];
    expect(reply?.error).toBeInstanceOf(StreamError);
    expect(reply?.error?.code).toBe('interrupted');
    expect(chat.status.value).toBe('error');
    expect(chat.error.value).toBe(reply?.error);
    expect(onError).toHaveBeenCalledWith(reply?.error);
    expect(onMessage).toHaveBeenCalledTimes(1); // the user message only
  });

  it('marks a reply interrupted by an error event, with its code', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Partial');
    transport.reply.push({ type: 'error', code: 'agent_error', message: 'The agent crashed.' });
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:interrupted:Partial']);
    expect(chat.messages.value[1]?.error).toMatchObject({ name: 'StreamError', code: 'agent_error', message: 'The agent crashed.' });
    expect(chat.error.value?.code).toBe('agent_error');
    expect(transport.reply.released).toBe(true);
  });

  it('marks a reply interrupted when the stream fails (idle timeout)', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Par');
    transport.reply.fail(new StreamError('idle_timeout', 'No data.'));
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:interrupted:Par']);
    expect(chat.error.value?.code).toBe('idle_timeout');
  });

  it('marks the user message failed when the proxy refuses it (429), and reports the error', async () => {
    const { chat, transport, onError, onMessage } = setup({ token: 'tok-1' });
    const refusal = new HttpError(429, 'rate_limited', 'Too many requests.', 12_000);
    transport.send.mockRejectedValueOnce(refusal);
    await chat.send('Hi');
    expect(chat.messages.value).toMatchObject([{ role: 'user', content: 'Hi', state: 'failed', error: refusal }]);
    expect(chat.status.value).toBe('error');
    expect(chat.error.value).toBe(refusal);
    expect(onError).toHaveBeenCalledWith(refusal);
    expect(onMessage).not.toHaveBeenCalled();
  });

  it('marks the user message failed when the session cannot be created', async () => {
    const { chat, transport } = setup();
    transport.createSession.mockRejectedValueOnce(new NetworkError('offline'));
    await chat.send('Hi');
    expect(chat.messages.value).toMatchObject([{ state: 'failed', error: { name: 'NetworkError' } }]);
    expect(chat.sessionId.value).toBeNull();
    expect(transport.send).not.toHaveBeenCalled();
  });

  it('wraps a non-Agento failure in an AgentoError', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    transport.send.mockRejectedValueOnce(new TypeError('boom'));
    await chat.send('Hi');
    expect(chat.error.value).toBeInstanceOf(AgentoError);
    expect(chat.error.value).toMatchObject({ code: 'unexpected', cause: expect.any(TypeError) });
  });

  it('retry() sends a failed message again, at the end of the conversation', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    transport.send.mockRejectedValueOnce(new HttpError(503, 'unavailable', 'Try later.'));
    await chat.send('Hi');
    const failed = chat.messages.value[0];
    expect(failed?.state).toBe('failed');

    const retrying = chat.retry(failed?.id ?? '');
    expect(chat.status.value).toBe('submitted');
    expect(chat.error.value).toBeNull();
    await settle();
    transport.reply.text('Hello');
    transport.reply.push({ type: 'done' });
    await retrying;
    expect(transport.send).toHaveBeenCalledTimes(2);
    expect(transport.send).toHaveBeenLastCalledWith('tok-1', 'Hi', expect.any(AbortSignal));
    expect(view()).toEqual(['user:complete:Hi', 'assistant:complete:Hello']);
  });

  it('retry() ignores messages that did not fail', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.push({ type: 'done' });
    await sending;
    await chat.retry(chat.messages.value[0]?.id ?? '');
    await chat.retry('no-such-id');
    expect(transport.send).toHaveBeenCalledTimes(1);
  });

  it('ignores a send while a reply is submitted or streaming', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const accepted = deferred<AsyncIterable<ChatStreamEvent>>();
    transport.send.mockReturnValueOnce(accepted.promise as Promise<AsyncIterable<ChatStreamEvent>>);
    void chat.send('first');
    await chat.send('while submitted');
    const reply = fakeReply();
    accepted.resolve(reply.events());
    await settle();
    reply.text('streaming');
    await settle();
    await chat.send('while streaming');
    expect(transport.send).toHaveBeenCalledTimes(1);
    expect(view()).toEqual(['user:complete:first', 'assistant:streaming:streaming']);
  });
});

describe('createChat: stopping and starting over', () => {
  it('stop() mid-stream keeps the text, marks it stopped, returns to idle and aborts the request', async () => {
    const { chat, transport, onError, view } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Some text');
    await settle();
    chat.stop();
    expect(transport.reply.signal?.aborted).toBe(true);
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:stopped:Some text']);
    expect(chat.status.value).toBe('idle');
    expect(chat.error.value).toBeNull();
    expect(onError).not.toHaveBeenCalled();
  });

  it('stop() keeps no token that arrives afterwards, even from a transport that ignores the abort', async () => {
    const { chat, transport, view } = setup({ token: 'tok-1' });
    const reply = fakeReply({ honourAbort: false });
    transport.send.mockImplementationOnce(async (_id, _message, signal) => reply.events(signal));
    const sending = chat.send('Hi');
    await settle();
    reply.text('Kept');
    await settle();
    chat.stop();
    reply.text(' ignored');
    reply.end();
    await sending;
    expect(view()).toEqual(['user:complete:Hi', 'assistant:stopped:Kept']);
    expect(chat.status.value).toBe('idle');
  });

  it('stop() before the proxy accepted the message leaves it failed, ready to retry', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    transport.send.mockImplementationOnce(
      (_id, _message, signal) =>
        new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))),
    );
    const sending = chat.send('Hi');
    chat.stop();
    await sending;
    expect(chat.messages.value).toMatchObject([{ role: 'user', state: 'failed', error: { code: 'aborted' } }]);
    expect(chat.status.value).toBe('idle');
  });

  it('stop() while the history loads leaves the load alone', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    const answer = deferred<ReturnType<typeof historyPage>>();
    let signal: AbortSignal | undefined;
    transport.history.mockImplementationOnce((_id, _query, s) => ((signal = s), answer.promise));
    const loading = chat.loadHistory();
    chat.stop();
    expect(signal?.aborted).toBe(false);
    answer.resolve(historyPage([historyMessage(0)]));
    await loading;
    expect(chat.status.value).toBe('idle');
    expect(chat.messages.value.map((m) => m.content)).toEqual(['m0']);
  });

  it('newConversation() clears the messages and forgets the token; the next send creates a session', async () => {
    const { chat, transport, storage } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Hello');
    await settle();
    const firstReply = transport.reply;

    await chat.newConversation();
    expect(firstReply.signal?.aborted).toBe(true);
    expect(chat.messages.value).toEqual([]);
    expect(chat.sessionId.value).toBeNull();
    expect(chat.status.value).toBe('idle');
    expect(storage.data.has(KEY)).toBe(false);
    await sending;
    expect(chat.messages.value).toEqual([]);
    expect(chat.status.value).toBe('idle');

    void chat.send('Again');
    await settle();
    expect(transport.createSession).toHaveBeenCalledTimes(1);
    expect(transport.send).toHaveBeenLastCalledWith('tok-new', 'Again', expect.any(AbortSignal));
  });

  it('follows another tab that starts a new session: clears the view and loads that history', async () => {
    const { chat, transport, storage } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    const reply = transport.reply;
    transport.history.mockResolvedValueOnce(historyPage([historyMessage(0)]));

    storage.data.set(KEY, stored('tok-2'));
    dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: stored('tok-2') }));
    expect(reply.signal?.aborted).toBe(true);
    expect(chat.sessionId.value).toBe('tok-2');
    expect(chat.messages.value).toEqual([]);
    expect(chat.status.value).toBe('loading');
    await sending;
    await settle();
    expect(transport.history).toHaveBeenCalledWith('tok-2', { limit: HISTORY_PAGE_SIZE }, expect.any(AbortSignal));
    expect(chat.messages.value.map((m) => m.content)).toEqual(['m0']);
    expect(chat.status.value).toBe('idle');
  });

  it('follows another tab that forgets the session: clears the view, loads nothing', async () => {
    const { chat, transport, storage } = setup({ token: 'tok-1' });
    transport.history.mockResolvedValueOnce(historyPage([historyMessage(0)]));
    await chat.loadHistory();
    storage.data.delete(KEY);
    dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null }));
    expect(chat.sessionId.value).toBeNull();
    expect(chat.messages.value).toEqual([]);
    await settle();
    expect(transport.history).toHaveBeenCalledTimes(1);
  });

  it('dispose() aborts the reply in flight and stops following other tabs', async () => {
    const { chat, transport, storage } = setup({ token: 'tok-1' });
    const sending = chat.send('Hi');
    await settle();
    chat.dispose();
    expect(transport.reply.signal?.aborted).toBe(true);
    await sending;

    storage.data.set(KEY, stored('tok-2'));
    dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: stored('tok-2') }));
    expect(chat.sessionId.value).toBe('tok-1');
    expect(transport.history).not.toHaveBeenCalled();
  });

  it('dispose() aborts a history load in flight', async () => {
    const { chat, transport } = setup({ token: 'tok-1' });
    let signal: AbortSignal | undefined;
    transport.history.mockImplementationOnce(
      (_id, _query, s) =>
        new Promise((_, reject) => {
          signal = s;
          s?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const loading = chat.loadHistory();
    chat.dispose();
    expect(signal?.aborted).toBe(true);
    await loading;
  });
});

describe('createChat: callbacks', () => {
  it('never rejects, even when an integrator’s callback throws; the bug is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { chat, transport } = setup({
      token: 'tok-1',
      onMessage: () => {
        throw new Error('bug in onMessage');
      },
      onError: () => {
        throw new Error('bug in onError');
      },
    });
    const sending = chat.send('Hi');
    await settle();
    transport.reply.text('Hello');
    transport.reply.push({ type: 'done' });
    await expect(sending).resolves.toBeUndefined();
    expect(chat.messages.value[1]?.state).toBe('complete');

    transport.send.mockRejectedValueOnce(new HttpError(500, 'internal', 'Boom'));
    await expect(chat.send('Again')).resolves.toBeUndefined();
    expect(chat.status.value).toBe('error');
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'bug in onMessage' }));
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'bug in onError' }));
    log.mockRestore();
  });

  it('keeps sending when onSession throws', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { chat, transport } = setup({
      onSession: () => {
        throw new Error('bug in onSession');
      },
    });
    void chat.send('Hi');
    await settle();
    expect(transport.send).toHaveBeenCalledWith('tok-new', 'Hi', expect.any(AbortSignal));
    expect(chat.messages.value[0]?.state).toBe('complete');
    log.mockRestore();
  });
});

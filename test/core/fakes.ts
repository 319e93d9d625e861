import { vi } from 'vitest';
import type { ChatStreamEvent, ChatTransport, HistoryMessage, HistoryPage, StorageLike } from '../../widget/core/types.js';

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A reply stream the test writes to. Like the HTTP transport's, it fails with an `AbortError`
 * once its signal aborts; `honourAbort: false` models a custom transport that ignores the signal.
 */
export function fakeReply({ honourAbort = true } = {}) {
  const queue: ChatStreamEvent[] = [];
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const reply = {
    signal: undefined as AbortSignal | undefined,
    /** Whether the consumer let go of the stream (a `break` or a throw in its loop). */
    released: false,
    push(...events: ChatStreamEvent[]) {
      queue.push(...events);
      notify();
    },
    text(...tokens: string[]) {
      reply.push(...tokens.map((content) => ({ type: 'text' as const, content })));
    },
    end() {
      ended = true;
      notify();
    },
    fail(error: unknown) {
      failure = error;
      notify();
    },
    /** What `ChatTransport.send` resolves to. */
    events(signal?: AbortSignal): AsyncIterable<ChatStreamEvent> {
      reply.signal = signal;
      signal?.addEventListener('abort', notify);
      return {
        async *[Symbol.asyncIterator]() {
          try {
            for (;;) {
              if (honourAbort && signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
              const event = queue.shift();
              if (event) {
                yield event;
                continue;
              }
              if (failure) throw failure;
              if (ended) return;
              await new Promise<void>((resolve) => (wake = resolve));
            }
          } finally {
            reply.released = true;
          }
        },
      };
    },
  };
  return reply;
}

export type FakeReply = ReturnType<typeof fakeReply>;

export const historyMessage = (i: number, role: HistoryMessage['role'] = i % 2 ? 'assistant' : 'user'): HistoryMessage => ({
  role,
  content: `m${i}`,
  timestamp: new Date(Date.UTC(2030, 0, 1, 0, 0, i)).toISOString(),
});

export const historyPage = (data: HistoryMessage[], total = data.length, offset = 0): HistoryPage => ({
  data,
  pagination: { total, limit: 50, offset },
});

/**
 * A transport whose methods are spies. By default: sessions are `tok-new`, history is empty,
 * and each `send` answers with the next reply from `replies` (created on demand).
 */
export function fakeTransport() {
  const replies: FakeReply[] = [];
  const transport = {
    replies,
    createSession: vi.fn<ChatTransport['createSession']>(async () => 'tok-new'),
    history: vi.fn<ChatTransport['history']>(async () => historyPage([])),
    send: vi.fn<ChatTransport['send']>(async (_sessionId, _message, signal) => {
      const reply = fakeReply();
      replies.push(reply);
      return reply.events(signal);
    }),
    /** The reply of the latest send. */
    get reply(): FakeReply {
      const reply = replies.at(-1);
      if (!reply) throw new Error('nothing was sent');
      return reply;
    },
  } satisfies ChatTransport & Record<string, unknown>;
  return transport;
}

/** A Map-backed Storage. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** Lets every pending promise callback run (the fakes resolve through microtasks only). */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

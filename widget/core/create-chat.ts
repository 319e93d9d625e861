import { batch, signal } from '@preact/signals-core';
import { AgentoError, HttpError, StreamError } from './errors.js';
import { createHttpTransport } from './http-transport.js';
import { createSessionStore } from './session-store.js';
import type { Chat, ChatMessage, ChatOptions, ChatStatus, ChatStreamEvent, HistoryMessage } from './types.js';

/** How many messages the first history page shows. */
export const HISTORY_PAGE_SIZE = 50;

const frame = (flush: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

const isAbort = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'AbortError';

const toAgentoError = (error: unknown): AgentoError =>
  error instanceof AgentoError ? error : new AgentoError('unexpected', String((error as Error)?.message ?? error), { cause: error });

/**
 * Creates a chat with no UI: state in signals, actions that never reject.
 *
 * `send` adds the visitor's message to `messages` synchronously, before its first await,
 * so a UI can follow that message's `state` from `sending` to `complete` or `failed`.
 */
export function createChat(options: ChatOptions): Chat {
  const { endpoint, schedule = frame, onMessage, onError, onSession } = options;
  const transport = options.transport ?? createHttpTransport({ endpoint, fetch: options.fetch });
  const store = createSessionStore(endpoint, options.storage);

  const messages = signal<readonly ChatMessage[]>([]);
  const status = signal<ChatStatus>('idle');
  const error = signal<AgentoError | null>(null);
  const sessionId = signal<string | null>(store.get());

  let seq = 0;
  let inflight: AbortController | null = null;

  const unsubscribe = store.subscribe((id) => {
    // Another tab started a new conversation or forgot the session: follow it.
    if (id === sessionId.peek()) return;
    abort();
    batch(() => {
      sessionId.value = id;
      messages.value = [];
      status.value = 'idle';
    });
    if (id) void loadHistory();
  });

  function add(message: Omit<ChatMessage, 'id' | 'timestamp'>): ChatMessage {
    const created = { ...message, id: `m${++seq}`, timestamp: new Date().toISOString() };
    messages.value = [...messages.peek(), created];
    return created;
  }

  function update(id: string, change: Partial<ChatMessage> | ((message: ChatMessage) => Partial<ChatMessage>)): ChatMessage | undefined {
    let updated: ChatMessage | undefined;
    messages.value = messages.peek().map((m) => (m.id === id ? (updated = { ...m, ...(typeof change === 'function' ? change(m) : change) }) : m));
    return updated;
  }

  function fail(cause: unknown): AgentoError {
    const err = toAgentoError(cause);
    batch(() => {
      error.value = err;
      status.value = 'error';
    });
    onError?.(err);
    return err;
  }

  function abort(): void {
    inflight?.abort();
    inflight = null;
  }

  function begin(): AbortController {
    abort();
    return (inflight = new AbortController());
  }

  function useSession(id: string | null): void {
    sessionId.value = id;
    store.set(id);
    if (id) onSession?.(id);
  }

  const fromHistory = (m: HistoryMessage): ChatMessage => ({
    id: `m${++seq}`,
    role: m.role,
    content: m.content,
    timestamp: m.timestamp,
    state: 'complete',
  });

  async function loadHistory(): Promise<void> {
    const id = sessionId.peek();
    if (!id) return;
    const { signal: abortSignal } = begin();
    status.value = 'loading';
    try {
      let page = await transport.history(id, { limit: HISTORY_PAGE_SIZE }, abortSignal);
      const { total } = page.pagination;
      // History comes oldest first: when it is longer than a page, the newest page is the one to show.
      if (total > page.data.length) {
        page = await transport.history(id, { limit: HISTORY_PAGE_SIZE, offset: total - HISTORY_PAGE_SIZE }, abortSignal);
      }
      batch(() => {
        messages.value = page.data.map(fromHistory);
        status.value = 'idle';
        error.value = null;
      });
    } catch (cause) {
      if (isAbort(cause)) return;
      if (cause instanceof HttpError && (cause.status === 403 || cause.status === 404)) {
        // The token is no longer valid (the server's secret changed, the session expired): start clean.
        batch(() => {
          useSession(null);
          messages.value = [];
          status.value = 'idle';
        });
        return;
      }
      fail(cause);
    } finally {
      if (inflight?.signal === abortSignal) inflight = null;
    }
  }

  async function send(text: string): Promise<void> {
    const message = text.trim();
    if (!message || status.peek() === 'submitted' || status.peek() === 'streaming') return;

    const controller = begin();
    const user = batch(() => {
      error.value = null;
      status.value = 'submitted';
      return add({ role: 'user', content: message, state: 'sending' });
    });

    let events: AsyncIterable<ChatStreamEvent>;
    try {
      let id = sessionId.peek();
      if (!id) {
        id = await transport.createSession(controller.signal);
        useSession(id);
      }
      events = await transport.send(id, message, controller.signal);
    } catch (cause) {
      const err = isAbort(cause) ? new AgentoError('aborted', 'The message was not sent.') : toAgentoError(cause);
      update(user.id, { state: 'failed', error: err });
      if (isAbort(cause)) status.value = 'idle';
      else fail(err);
      return;
    }

    const accepted = update(user.id, { state: 'complete' });
    if (accepted) onMessage?.(accepted);
    const reply = add({ role: 'assistant', content: '', state: 'streaming' });

    // Tokens are buffered and flushed at most once per scheduled frame, so the view never renders per token.
    let pending = '';
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      if (!pending) return;
      const text = pending;
      pending = '';
      update(reply.id, (m) => ({ content: m.content + text }));
    };

    let done = false;
    try {
      for await (const event of events) {
        if (event.type === 'text') {
          pending += event.content;
          if (status.peek() !== 'streaming') status.value = 'streaming';
          if (!scheduled) {
            scheduled = true;
            schedule(flush);
          }
        } else if (event.type === 'done') {
          done = true;
          break;
        } else {
          throw new StreamError(event.code, event.message);
        }
      }
      if (!done) throw new StreamError('interrupted', 'The reply was cut off before it finished.');
      const finished = batch(() => {
        flush();
        status.value = 'idle';
        return update(reply.id, { state: 'complete' });
      });
      if (finished) onMessage?.(finished);
    } catch (cause) {
      batch(() => {
        flush();
        if (controller.signal.aborted) {
          update(reply.id, { state: 'stopped' });
          status.value = 'idle';
        } else {
          const err = fail(cause);
          update(reply.id, { state: 'interrupted', error: err });
        }
      });
    } finally {
      if (inflight === controller) inflight = null;
    }
  }

  async function retry(id: string): Promise<void> {
    const failed = messages.peek().find((m) => m.id === id && m.role === 'user' && m.state === 'failed');
    if (!failed || status.peek() === 'submitted' || status.peek() === 'streaming') return;
    messages.value = messages.peek().filter((m) => m !== failed);
    await send(failed.content);
  }

  function stop(): void {
    abort();
  }

  async function newConversation(): Promise<void> {
    abort();
    // The session itself is created by the next send: no empty sessions for visitors who never write.
    batch(() => {
      useSession(null);
      messages.value = [];
      error.value = null;
      status.value = 'idle';
    });
  }

  function dispose(): void {
    abort();
    unsubscribe();
  }

  return { messages, status, error, sessionId, loadHistory, send, retry, stop, newConversation, dispose };
}

import { batch, computed, effect, signal } from '@preact/signals-core';
import { followOnline, followVisible } from './environment.js';
import { AgentoError, HttpError, NetworkError, StreamError, isAbort, toAgentoError } from './errors.js';
import { createHttpTransport } from './http-transport.js';
import { historyKey, mergeHistory } from './merge-history.js';
import { createPoll } from './poll.js';
import { defaultRetryPolicy, withRetry } from './retry-policy.js';
import { createSessionStore } from './session-store.js';
import { bufferTokens, nextFrame } from './token-buffer.js';
import type { Chat, ChatMessage, ChatOptions, ChatStatus, ChatStreamEvent, HistoryMessage, RetryState } from './types.js';

/** How many messages the first history page shows. */
export const HISTORY_PAGE_SIZE = 50;

/**
 * Calls an integrator's callback with `value`, if there is one (a message gone meanwhile, no session).
 * A bug in it must not break the chat (actions never reject), so it is logged, not thrown.
 */
function notify<T>(callback: ((value: T) => void) | undefined, value: T | null | undefined): void {
  try {
    if (value) callback?.(value);
  } catch (error) {
    console.error('agento-chat: a callback threw.', error);
  }
}

/**
 * Creates a chat with no UI: state in signals, actions that never reject.
 *
 * `send` adds the visitor's message to `messages` synchronously, before its first await,
 * so a UI can follow that message's `state` from `sending` to `complete` or `failed`.
 */
export function createChat(options: ChatOptions): Chat {
  const { endpoint, schedule = nextFrame, onMessage, onError, onSession, pollMs = 15_000 } = options;
  // The options carry the transport's own (endpoint, fetch, credentials, idleTimeoutMs).
  const transport = options.transport ?? createHttpTransport(options);
  const store = createSessionStore(endpoint, options.storage);
  const policy = { ...defaultRetryPolicy, ...(options.retry === false ? { limit: 1 } : options.retry) };
  /** Aborted by `dispose`: background syncs and the browser's listeners. */
  const life = new AbortController();
  const online = options.online ?? followOnline(life.signal);
  const visible = options.visible ?? followVisible(life.signal);

  const messages = signal<readonly ChatMessage[]>([]);
  const status = signal<ChatStatus>('idle');
  const error = signal<AgentoError | null>(null);
  const sessionId = signal<string | null>(store.get());
  const retrying = signal<RetryState | null>(null);
  /** Where the oldest server message shown sits in its session's history (0: nothing older). */
  const older = signal({ id: sessionId.peek(), offset: 0 });
  const hasOlder = computed(() => older.value.offset > 0 && older.value.id === sessionId.value);

  let seq = 0;
  const nextId = () => `m${++seq}`;
  /** The send or reply in flight. */
  let inflight: AbortController | null = null;
  /** The history load in flight. Apart from `inflight`, so that a send does not cancel it. */
  let loading: AbortController | null = null;
  /** The messages the server gave (history), as opposed to local ones. */
  const served = new WeakSet<ChatMessage>();
  /** The timestamp of the newest server message shown: where the next sync starts (`since`). */
  let cursor: string | undefined;

  const busy = () => status.peek() === 'submitted' || status.peek() === 'streaming';

  const unsubscribe = store.subscribe((id) => {
    // Another tab finished a reply in this conversation: catch up.
    if (id === sessionId.peek()) return void (id && sync());
    // Another tab started a new conversation or forgot the session: follow it.
    abort();
    batch(() => {
      sessionId.value = id;
      clear();
    });
    if (id) void loadHistory();
  });

  /** Empties the conversation (in a batch, with the new session): no messages, no status, no error. */
  function clear(): void {
    messages.value = [];
    cursor = undefined;
    status.value = 'idle';
    error.value = null;
  }

  function add(message: Omit<ChatMessage, 'id' | 'timestamp'>): ChatMessage {
    const created = { ...message, id: nextId(), timestamp: new Date().toISOString() };
    messages.value = [...messages.peek(), created];
    return created;
  }

  function update(id: string, change: Partial<ChatMessage>): ChatMessage | undefined {
    let updated: ChatMessage | undefined;
    messages.value = messages.peek().map((m) => (m.id === id ? (updated = { ...m, ...change }) : m));
    return updated;
  }

  function fail(cause: unknown): AgentoError {
    const err = toAgentoError(cause);
    batch(() => {
      error.value = err;
      status.value = 'error';
    });
    notify(onError, err);
    return err;
  }

  /** Cancels the send or reply in flight. */
  function abortSend(): void {
    inflight?.abort();
    inflight = null;
  }

  /** Cancels everything in flight. */
  function abort(): void {
    abortSend();
    loading?.abort();
    loading = null;
  }

  function useSession(id: string | null): void {
    sessionId.value = id;
    store.set(id);
    notify(onSession, id);
  }

  const fromHistory = (m: HistoryMessage): ChatMessage => {
    const message: ChatMessage = { id: nextId(), role: m.role, content: m.content, timestamp: m.timestamp, state: 'complete' };
    served.add(message);
    return message;
  };

  /** Fetches and merges the history `since` the cursor, or (`full`) its newest page. Returns whether the server had anything new. */
  async function pull(full: boolean, abortSignal: AbortSignal): Promise<boolean> {
    const id = sessionId.peek();
    if (!id) return false;
    const since = full ? undefined : cursor;
    let page = await transport.history(id, since ? { since, limit: HISTORY_PAGE_SIZE } : { limit: HISTORY_PAGE_SIZE }, abortSignal);
    const { total } = page.pagination;
    // History comes oldest first: when it is longer than a page, the newest page is the one to show.
    // (Compared with the page size, not `data.length`: the transport drops non-messages, which would ask for a negative offset.)
    const long = total > HISTORY_PAGE_SIZE;
    if (long) {
      // More than a page since the cursor: a gap would hide messages, so show the newest page of all instead.
      if (since) return pull(true, abortSignal);
      page = await transport.history(id, { limit: HISTORY_PAGE_SIZE, offset: total - HISTORY_PAGE_SIZE }, abortSignal);
    }
    if (id !== sessionId.peek()) return false;
    // The newest page of all replaces what was shown: the messages before it are the older ones.
    full ||= long;
    if (full) older.value = { id, offset: Math.max(0, total - HISTORY_PAGE_SIZE) };
    const list = messages.peek();
    const [next, fresh] = mergeHistory(list, page.data, full, served, fromHistory);
    if (next !== list) messages.value = next;
    if (fresh.length || full) cursor = fresh.at(-1)?.timestamp;
    return fresh.length > 0;
  }

  let loadingOlder: Promise<void> | undefined;

  function loadOlder(): Promise<void> {
    // One load at a time: a second call (the reader keeps scrolling) shares the first.
    return (loadingOlder ??= (async () => {
      const from = older.peek();
      const { id, offset: end } = from;
      if (!end || id !== sessionId.peek()) return;
      const offset = Math.max(0, end - HISTORY_PAGE_SIZE);
      try {
        const { data } = await transport.history(id!, { limit: end - offset, offset }, life.signal);
        // A new conversation or a reload of the newest page meanwhile: this page no longer fits.
        if (older.peek() !== from || id !== sessionId.peek()) return;
        const list = messages.peek();
        const shown = new Set(list.map(historyKey));
        batch(() => {
          messages.value = [...data.filter((m) => !shown.has(historyKey(m))).map(fromHistory), ...list];
          older.value = { id, offset };
        });
      } catch (cause) {
        // Not the chat's status: a failed older page must not end a reply streaming meanwhile.
        if (!isAbort(cause)) notify(onError, toAgentoError(cause));
      }
    })().finally(() => (loadingOlder = undefined)));
  }

  let syncing: Promise<boolean> | undefined;
  let again = false;

  function sync(): Promise<boolean> {
    // One sync at a time; a call during one makes it run once more, so nothing that changed meanwhile is missed.
    if (syncing) return (again = true), syncing;
    return (syncing = (async () => {
      let changed = false;
      do {
        again = false;
        changed = (await pull(false, life.signal).catch(() => false)) || changed;
      } while (again);
      syncing = undefined;
      return changed;
    })());
  }

  async function loadHistory(): Promise<void> {
    if (!sessionId.peek()) return;
    loading?.abort();
    const { signal: abortSignal } = (loading = new AbortController());
    status.value = 'loading';
    try {
      await pull(true, abortSignal);
      batch(() => {
        // A message sent meanwhile owns the status now.
        if (status.peek() === 'loading') status.value = 'idle';
        error.value = null;
      });
    } catch (cause) {
      if (isAbort(cause)) return;
      if (cause instanceof HttpError && (cause.status === 403 || cause.status === 404)) {
        // The token is no longer valid (the server's secret changed, the session expired): start clean.
        batch(() => {
          useSession(null);
          clear();
        });
        return;
      }
      fail(cause);
    } finally {
      if (loading?.signal === abortSignal) loading = null;
    }
  }

  async function send(text: string): Promise<void> {
    const message = text.trim();
    if (!message || busy()) return;

    abortSend();
    const controller = (inflight = new AbortController());
    const user = batch(() => {
      error.value = null;
      status.value = 'submitted';
      return add({ role: 'user', content: message, state: 'sending' });
    });

    let events: AsyncIterable<ChatStreamEvent>;
    let last: unknown;
    try {
      // Retried only up to here: once `send` resolves the proxy has the message, and it is never replayed.
      events = await withRetry(
        policy,
        controller.signal,
        async () => {
          if (!online.peek()) throw new NetworkError('The browser is offline.', undefined, 'offline');
          let id = sessionId.peek();
          if (!id) useSession((id = await transport.createSession(controller.signal)));
          return transport.send(id, message, controller.signal);
        },
        (state, cause) => {
          last = cause;
          retrying.value = state;
        },
      );
    } catch (cause) {
      // Stopped while waiting to retry: the message fails with the error that caused the wait.
      const err = isAbort(cause) ? (last ? toAgentoError(last) : new AgentoError('aborted', 'The message was not sent.')) : toAgentoError(cause);
      update(user.id, { state: 'failed', error: err });
      if (isAbort(cause)) status.value = 'idle';
      else fail(err);
      return;
    }

    notify(onMessage, update(user.id, { state: 'complete' }));
    const reply = add({ role: 'assistant', content: '', state: 'streaming' });
    // Nothing else writes a streaming reply's text (a sync keeps it as it is): kept here, not read back.
    let content = '';
    const tokens = bufferTokens(schedule, (text) => update(reply.id, { content: (content += text) }));

    let done = false;
    try {
      for await (const event of events) {
        // A custom transport may ignore the signal: nothing that arrives after stop() is kept.
        if (controller.signal.aborted) break;
        if (event.type === 'text') {
          if (status.peek() !== 'streaming') status.value = 'streaming';
          tokens.push(event.content);
        } else if (event.type === 'done') {
          done = true;
          break;
        } else {
          throw new StreamError(event.code, event.message);
        }
      }
      if (!done) throw new StreamError('interrupted', 'The reply was cut off before it finished.');
      const finished = batch(() => {
        tokens.flush();
        status.value = 'idle';
        return update(reply.id, { state: 'complete' });
      });
      notify(onMessage, finished);
    } catch (cause) {
      batch(() => {
        tokens.flush();
        if (controller.signal.aborted) {
          update(reply.id, { state: 'stopped' });
          status.value = 'idle';
        } else {
          const err = fail(cause);
          update(reply.id, { state: 'interrupted', error: err });
          // The server may hold more than the cut stream brought (another tab's messages, a late reply).
          void sync();
        }
      });
    } finally {
      if (inflight === controller) inflight = null;
      // The server has the message (and maybe the reply): other tabs catch up.
      store.touch();
    }
  }

  async function retry(id: string): Promise<void> {
    const list = messages.peek();
    const index = list.findIndex((m) => m.id === id);
    const message = list[index];
    if (busy() || !message) return;
    if (message.state === 'failed') {
      messages.value = list.filter((m) => m !== message);
      return send(message.content);
    }
    if (message.state !== 'interrupted') return;
    // The server may have kept the whole reply (sync then shows it in place of the cut one); if not, ask again.
    const question = list.slice(0, index).findLast((m) => m.role === 'user');
    await sync();
    if (question && messages.peek().some((m) => m.id === id)) await send(question.content);
  }

  // Polls only while the page is visible and online. A streaming reply is news enough; its end tells the other tabs.
  const poll = createPoll(
    pollMs,
    () => visible.peek() && online.peek() && !life.signal.aborted,
    async () => !busy() && (await sync()),
  );

  /** Back online: send again what failed for the network, in order, then catch up. */
  async function resume(): Promise<void> {
    if (error.peek() instanceof NetworkError && status.peek() === 'error') status.value = 'idle';
    if (policy.limit > 1) for (const m of messages.peek()) if (m.state === 'failed' && m.error instanceof NetworkError) await retry(m.id);
    await sync();
  }

  let wasOnline = online.peek();
  const unwatchEnvironment = effect(() => {
    const now = online.value;
    // Read to re-run on a change: a page that becomes visible again polls at once.
    void visible.value;
    if (now && !wasOnline) void resume();
    wasOnline = now;
    poll.now();
  });

  return {
    messages,
    status,
    error,
    sessionId,
    retrying,
    online,
    loadHistory,
    loadOlder,
    hasOlder,
    send,
    retry,
    cancelRetry: () => void (retrying.peek() && abortSend()),
    stop: () => void (busy() && abortSend()),
    sync,
    watch: poll.watch,
    async newConversation() {
      abort();
      // The session itself is created by the next send: no empty sessions for visitors who never write.
      batch(() => {
        useSession(null);
        clear();
      });
    },
    dispose() {
      abort();
      life.abort();
      unsubscribe();
      unwatchEnvironment();
      poll.stop();
    },
  };
}

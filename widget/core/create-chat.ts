import { batch, computed, effect, signal } from '@preact/signals-core';
import { followOnline, followVisible } from './environment.js';
import { AgentoError, HttpError, NetworkError, StreamError } from './errors.js';
import { createHttpTransport } from './http-transport.js';
import { defaultRetryPolicy, delay, retryDelay } from './retry-policy.js';
import { createSessionStore } from './session-store.js';
import type { Chat, ChatMessage, ChatOptions, ChatStatus, ChatStreamEvent, HistoryMessage, RetryState } from './types.js';

/** How many messages the first history page shows. */
export const HISTORY_PAGE_SIZE = 50;

/** The longest pause between two polls of `watch`. */
const MAX_POLL_MS = 120_000;

const frame = (flush: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

const isAbort = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'AbortError';

const toAgentoError = (error: unknown): AgentoError =>
  error instanceof AgentoError ? error : new AgentoError('unexpected', String((error as Error)?.message ?? error), { cause: error });

/** Calls an integrator's callback. A bug in it must not break the chat (actions never reject), so it is logged, not thrown. */
function notify<T>(callback: ((value: T) => void) | undefined, value: T): void {
  try {
    callback?.(value);
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
  const { endpoint, schedule = frame, onMessage, onError, onSession, pollMs = 15_000 } = options;
  const transport = options.transport ?? createHttpTransport({ endpoint, fetch: options.fetch, credentials: options.credentials, idleTimeoutMs: options.idleTimeoutMs });
  const store = createSessionStore(endpoint, options.storage);
  const policy = { ...defaultRetryPolicy, ...(options.retry === false ? { limit: 1 } : options.retry) };
  const [online, stopOnline] = options.online ? [options.online] : followOnline();
  const [visible, stopVisible] = options.visible ? [options.visible] : followVisible();

  const messages = signal<readonly ChatMessage[]>([]);
  const status = signal<ChatStatus>('idle');
  const error = signal<AgentoError | null>(null);
  const sessionId = signal<string | null>(store.get());
  const retrying = signal<RetryState | null>(null);
  /** Where the oldest server message shown sits in its session's history (0: nothing older). */
  const older = signal({ id: sessionId.peek(), offset: 0 });
  const hasOlder = computed(() => older.value.offset > 0 && older.value.id === sessionId.value);

  let seq = 0;
  let inflight: AbortController | null = null;
  /** Aborted by `dispose`: background syncs. */
  const life = new AbortController();
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
      messages.value = [];
      cursor = undefined;
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
    notify(onError, err);
    return err;
  }

  /** The history load in flight. Apart from `inflight`, so that a send does not cancel it. */
  let loading: AbortController | null = null;

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

  function begin(): AbortController {
    abortSend();
    return (inflight = new AbortController());
  }

  function useSession(id: string | null): void {
    sessionId.value = id;
    store.set(id);
    if (id) notify(onSession, id);
  }

  const fromHistory = (m: HistoryMessage): ChatMessage => {
    const message: ChatMessage = { id: `m${++seq}`, role: m.role, content: m.content, timestamp: m.timestamp, state: 'complete' };
    served.add(message);
    return message;
  };

  /**
   * Puts what the server returned into the conversation with no duplicates. The rule: the server is
   * the truth for every message it returned. `data` holds the messages after the last server message
   * shown (`since` its time), or (`full`) the newest page of all; it replaces the local messages after
   * that point, except what the server cannot know:
   * - a local copy of a sent message or finished reply stays unless `data` holds one with the same
   *   role and content (each server message stands in for one copy), so a server that stores a reply
   *   a moment late hides nothing; a `full` load, whose page may not reach that far back, drops it
   *   unless it is newer than the page's newest message (sent while the page loaded);
   * - failed, sending and streaming messages stay, after the server's, in order;
   * - a cut-off or stopped reply goes right after its question, unless the server holds a finished
   *   reply there, which then replaces it (checked again at every sync until a newer server message).
   * Server messages already shown (same role, content and timestamp) are skipped, should a server's `since` include its bound.
   * Returns whether the server had anything new.
   */
  function merge(data: readonly HistoryMessage[], full: boolean): boolean {
    const list = messages.peek();
    const cut = full ? 0 : list.findLastIndex((m) => served.has(m)) + 1;
    const key = (m: HistoryMessage) => m.role + '\n' + m.content;
    const seen = new Set(list.slice(0, cut).map((m) => key(m) + m.timestamp));
    const fresh = data.filter((m) => !seen.has(key(m) + m.timestamp)).map(fromHistory);
    const copies = fresh.map(key);
    const out = [...list.slice(0, cut), ...fresh];
    const rest: ChatMessage[] = [];
    list.slice(cut).forEach((m, i) => {
      if (m.state === 'complete') {
        if (served.has(m)) return; // a server message `data` replaces (full load)
        const j = copies.indexOf(key(m));
        if (j >= 0) copies[j] = '';
        // A full page keeps only what is newer than its newest message (sent while it loaded).
        else if (!full || m.timestamp > (data.at(-1)?.timestamp ?? '')) rest.push(m);
      } else if (m.role === 'assistant' && m.state !== 'streaming') {
        // Its question: the server's own copy when shown, else the newest server message with its text.
        const question = list[cut + i - 1];
        let at = out.indexOf(question!);
        if (at < 0 && question?.role === 'user' && !rest.includes(question)) at = out.findLastIndex((x) => x.role === 'user' && x.content === question.content);
        const after = out[at + 1];
        if (at < 0) rest.push(m);
        else if (after?.role !== 'assistant' || after.state !== 'complete') out.splice(at + 1, 0, m);
      } else rest.push(m);
    });
    const next = [...out, ...rest];
    if (next.length !== list.length || next.some((m, i) => m !== list[i])) messages.value = next;
    if (fresh.length || full) cursor = fresh.at(-1)?.timestamp;
    return fresh.length > 0;
  }

  /** Fetches and merges the history `since` the cursor, or (`full`) its newest page. */
  async function pull(full: boolean, abortSignal: AbortSignal): Promise<boolean> {
    const id = sessionId.peek();
    if (!id) return false;
    const since = full ? undefined : cursor;
    let page = await transport.history(id, since ? { since, limit: HISTORY_PAGE_SIZE } : { limit: HISTORY_PAGE_SIZE }, abortSignal);
    const { total } = page.pagination;
    // History comes oldest first: when it is longer than a page, the newest page is the one to show.
    // (Compared with the page size, not `data.length`: the transport drops non-messages, which would ask for a negative offset.)
    if (total > HISTORY_PAGE_SIZE) {
      // More than a page since the cursor: a gap would hide messages, so show the newest page of all instead.
      if (since) return pull(true, abortSignal);
      page = await transport.history(id, { limit: HISTORY_PAGE_SIZE, offset: total - HISTORY_PAGE_SIZE }, abortSignal);
    }
    if (id !== sessionId.peek()) return false;
    // The newest page of all replaces what was shown: the messages before it are the older ones.
    if (full || total > HISTORY_PAGE_SIZE) older.value = { id, offset: Math.max(0, total - HISTORY_PAGE_SIZE) };
    return merge(page.data, full || total > HISTORY_PAGE_SIZE);
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
        const key = (m: HistoryMessage) => m.role + '\n' + m.content + '\n' + m.timestamp;
        const shown = new Set(list.map(key));
        batch(() => {
          messages.value = [...data.filter((m) => !shown.has(key(m))).map(fromHistory), ...list];
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
    const id = sessionId.peek();
    if (!id) return;
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
          messages.value = [];
          cursor = undefined;
          status.value = 'idle';
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

    const controller = begin();
    const user = batch(() => {
      error.value = null;
      status.value = 'submitted';
      return add({ role: 'user', content: message, state: 'sending' });
    });

    let events: AsyncIterable<ChatStreamEvent>;
    let last: unknown;
    try {
      // Retried only up to here: once `send` resolves the proxy has the message, and it is never replayed.
      for (let attempt = 1; ; attempt++) {
        try {
          if (!online.peek()) throw new NetworkError('The browser is offline.', undefined, 'offline');
          let id = sessionId.peek();
          if (!id) {
            id = await transport.createSession(controller.signal);
            useSession(id);
          }
          events = await transport.send(id, message, controller.signal);
          break;
        } catch (cause) {
          const wait = controller.signal.aborted ? -1 : retryDelay(policy, cause, attempt);
          if (wait < 0) throw cause;
          last = cause;
          retrying.value = { attempt: attempt + 1, at: Date.now() + wait };
          try {
            await delay(wait, controller.signal);
          } finally {
            retrying.value = null;
          }
        }
      }
    } catch (cause) {
      // Stopped while waiting to retry: the message fails with the error that caused the wait.
      const err = isAbort(cause) ? (last ? toAgentoError(last) : new AgentoError('aborted', 'The message was not sent.')) : toAgentoError(cause);
      update(user.id, { state: 'failed', error: err });
      if (isAbort(cause)) status.value = 'idle';
      else fail(err);
      return;
    }

    const accepted = update(user.id, { state: 'complete' });
    if (accepted) notify(onMessage, accepted);
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
        // A custom transport may ignore the signal: nothing that arrives after stop() is kept.
        if (controller.signal.aborted) break;
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
      if (finished) notify(onMessage, finished);
    } catch (cause) {
      batch(() => {
        flush();
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

  function stop(): void {
    if (busy()) abortSend();
  }

  function cancelRetry(): void {
    if (retrying.peek()) abortSend();
  }

  let watchers = 0;
  let interval = pollMs;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Schedules the next poll of `watch`, when someone watches and the page is visible and online. */
  function poll(wait = interval): void {
    clearTimeout(timer);
    timer =
      watchers > 0 && pollMs > 0 && visible.peek() && online.peek() && !life.signal.aborted
        ? setTimeout(async () => {
            // A streaming reply is news enough; its end tells the other tabs.
            const changed = !busy() && (await sync());
            interval = changed ? pollMs : Math.min(interval * 2, MAX_POLL_MS);
            poll();
          }, wait)
        : undefined;
  }

  function watch(): () => void {
    watchers++;
    interval = pollMs;
    poll();
    let watching = true;
    return () => {
      if (watching) (watching = false), watchers--, poll();
    };
  }

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
    interval = pollMs;
    poll(0);
  });

  async function newConversation(): Promise<void> {
    abort();
    // The session itself is created by the next send: no empty sessions for visitors who never write.
    batch(() => {
      useSession(null);
      messages.value = [];
      cursor = undefined;
      error.value = null;
      status.value = 'idle';
    });
  }

  function dispose(): void {
    abort();
    life.abort();
    unsubscribe();
    unwatchEnvironment();
    stopOnline?.();
    stopVisible?.();
    clearTimeout(timer);
  }

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
    cancelRetry,
    stop,
    sync,
    watch,
    newConversation,
    dispose,
  };
}

import type { ReadonlySignal } from '@preact/signals-core';
import type { AgentoError } from './errors.js';
import type { RetryPolicy } from './retry-policy.js';

/** Who wrote a message. */
export type Role = 'user' | 'assistant';

/**
 * Where a message stands.
 * - `sending`: a user message the proxy has not accepted yet.
 * - `failed`: a user message that was not accepted; it can be retried and is never lost.
 * - `streaming`: an assistant reply that is still arriving.
 * - `complete`: finished (or loaded from history).
 * - `interrupted`: a reply cut off (dropped connection, `error` event, idle timeout); its text is kept.
 * - `stopped`: a reply the visitor stopped; its text is kept.
 */
export type MessageState = 'sending' | 'failed' | 'streaming' | 'complete' | 'interrupted' | 'stopped';

/** One message of the conversation. Immutable: an update replaces the object. */
export interface ChatMessage {
  /** A local ID, stable for the life of the message in this page. */
  readonly id: string;
  readonly role: Role;
  readonly content: string;
  /** ISO 8601 time, from the server where known. */
  readonly timestamp: string;
  readonly state: MessageState;
  /** Why a message is `failed` or `interrupted`. */
  readonly error?: AgentoError;
}

/**
 * What the chat is doing.
 * - `idle`: ready for input.
 * - `loading`: fetching the history.
 * - `submitted`: a message was sent, no reply token yet.
 * - `streaming`: reply tokens are arriving.
 * - `error`: the last action failed; see `error`.
 */
export type ChatStatus = 'idle' | 'loading' | 'submitted' | 'streaming' | 'error';

/** One event of the reply stream, as the widget understands it. Other event types are ignored. */
export type ChatStreamEvent =
  | { readonly type: 'text'; readonly content: string }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

/** A message as the history endpoint returns it. */
export interface HistoryMessage {
  readonly role: Role;
  readonly content: string;
  readonly timestamp: string;
}

/** One page of history. */
export interface HistoryPage {
  readonly data: readonly HistoryMessage[];
  readonly pagination: { readonly total: number; readonly limit: number; readonly offset: number };
}

/** Which part of the history to fetch. */
export interface HistoryQuery {
  /** ISO time: only messages after it. */
  readonly since?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** How the chat talks to the proxy. The default is {@link createHttpTransport}; tests and custom back ends can supply their own. */
export interface ChatTransport {
  /** Creates a session and returns the proxy's opaque token for it. */
  createSession(signal?: AbortSignal): Promise<string>;
  /** Fetches one page of a session's history. */
  history(sessionId: string, query: HistoryQuery, signal?: AbortSignal): Promise<HistoryPage>;
  /**
   * Sends a message. Resolves once the proxy has accepted it (a `200` stream), rejects with an
   * {@link AgentoError} otherwise. The iterable yields the reply's events and simply ends when
   * the stream ends, with or without `done`.
   */
  send(sessionId: string, message: string, signal?: AbortSignal): Promise<AsyncIterable<ChatStreamEvent>>;
}

/** Where the session token lives. Any `Storage`-like object works; it may throw. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Options of {@link createChat}. */
export interface ChatOptions {
  /** Base URL of the proxy, for example `/api/agento`. */
  readonly endpoint: string;
  /** Replaces the HTTP transport entirely. */
  readonly transport?: ChatTransport;
  /** The fetch the default transport uses. @defaultValue `globalThis.fetch` */
  readonly fetch?: typeof fetch;
  /** Whether the default transport sends cookies: `'include'` for a proxy on another origin. @defaultValue `'same-origin'` */
  readonly credentials?: RequestCredentials;
  /** Where the session token is kept. @defaultValue `localStorage`, or memory when that throws */
  readonly storage?: StorageLike | null;
  /**
   * Runs a flush of buffered tokens. The view needs at most one per frame.
   * @defaultValue `requestAnimationFrame` where it exists, else a 16 ms timeout
   */
  readonly schedule?: (flush: () => void) => void;
  /** Called for every completed user and assistant message. */
  readonly onMessage?: (message: ChatMessage) => void;
  /** Called for every error the chat meets. */
  readonly onError?: (error: AgentoError) => void;
  /** Called when a new session starts. */
  readonly onSession?: (sessionId: string) => void;
  /**
   * How a send that was not accepted is tried again (429, 5xx, network failures). Give the fields to
   * change, or `false` for no automatic retry at all (nor the resend when the browser is back online).
   * @defaultValue {@link defaultRetryPolicy}
   */
  readonly retry?: Partial<RetryPolicy> | false;
  /** A reply silent this long (not even a keep-alive) is interrupted. Used by the default transport. @defaultValue 45000 */
  readonly idleTimeoutMs?: number;
  /** Whether the browser is online. @defaultValue follows `navigator.onLine` and the `online` / `offline` events */
  readonly online?: ReadonlySignal<boolean>;
  /** Whether the page is visible; {@link Chat.watch} polls only then. @defaultValue follows `document.visibilityState` */
  readonly visible?: ReadonlySignal<boolean>;
  /**
   * The first pause between two polls of {@link Chat.watch}; it doubles while nothing changes, up to 2 min.
   * Tabs of one browser hear of each other at once through storage events; polling is for the rest, and
   * every poll counts against the Agento key's 120 requests a minute, shared by all visitors. `0`: no polling.
   * @defaultValue 15000
   */
  readonly pollMs?: number;
}

/** A send waiting to try again. */
export interface RetryState {
  /** The attempt to come: 2 for the first retry. */
  readonly attempt: number;
  /** When it will start, in epoch milliseconds. */
  readonly at: number;
}

/** A UI-free chat: state in signals, actions that never reject. */
export interface Chat {
  readonly messages: ReadonlySignal<readonly ChatMessage[]>;
  readonly status: ReadonlySignal<ChatStatus>;
  readonly error: ReadonlySignal<AgentoError | null>;
  /** The current session token, or null before the first message. */
  readonly sessionId: ReadonlySignal<string | null>;
  /** Set while a send waits to try again ("retrying in N s"); null otherwise. */
  readonly retrying: ReadonlySignal<RetryState | null>;
  /**
   * Whether the browser is online. Offline, a send fails at once (a `NetworkError` with code
   * `offline`: nothing doomed is sent); back online, messages that failed for the network are sent
   * again, in order, and the conversation catches up with the server.
   */
  readonly online: ReadonlySignal<boolean>;
  /** Loads the stored session's history. A token the proxy no longer accepts is dropped quietly. */
  loadHistory(): Promise<void>;
  /**
   * Whether the server holds messages older than the oldest one shown: {@link Chat.loadHistory} shows
   * only the newest page of a long conversation, and {@link Chat.loadOlder} fetches the page before.
   */
  readonly hasOlder: ReadonlySignal<boolean>;
  /**
   * Loads the page of history before the oldest message shown (`limit`/`offset`) and puts it in front,
   * skipping any message already shown. One load at a time: a call during one returns the same promise.
   * Does nothing without {@link Chat.hasOlder}. Never rejects; a failure goes to `onError` and leaves
   * `status` alone, so a reply streaming meanwhile is not disturbed.
   */
  loadOlder(): Promise<void>;
  /** Sends a message and streams the reply. Creates a session first when there is none. */
  send(text: string): Promise<void>;
  /**
   * Sends a `failed` user message again, in its place at the end of the conversation. For an
   * `interrupted` reply: catches up with the server first, which shows the whole reply if the server
   * kept one; otherwise asks the question that reply answered again, as a new turn (the cut reply stays).
   */
  retry(messageId: string): Promise<void>;
  /** Stops waiting for a retry: the message becomes `failed`, with the error that caused the wait. */
  cancelRetry(): void;
  /**
   * Catches up with the server (history `since` the newest message it gave), after a cut, when
   * another tab says the conversation changed, and from {@link Chat.watch}. Never rejects; resolves
   * to whether the server had anything new.
   */
  sync(): Promise<boolean>;
  /**
   * Polls the server with {@link Chat.sync} while the page is visible and online, so messages sent
   * from another tab show up: every `pollMs`, doubling while nothing changes, up to 2 min, at once when
   * the page becomes visible again. Call it while the chat is on screen; call the function it
   * returns to stop.
   */
  watch(): () => void;
  /** Stops the reply in progress; its text so far is kept. */
  stop(): void;
  /** Starts a new, empty conversation. */
  newConversation(): Promise<void>;
  /** Aborts everything in flight and releases listeners. */
  dispose(): void;
}

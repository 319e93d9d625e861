import type { ReadonlySignal } from '@preact/signals-core';
import type { AgentoError } from './errors.js';

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
}

/** A UI-free chat: state in signals, actions that never reject. */
export interface Chat {
  readonly messages: ReadonlySignal<readonly ChatMessage[]>;
  readonly status: ReadonlySignal<ChatStatus>;
  readonly error: ReadonlySignal<AgentoError | null>;
  /** The current session token, or null before the first message. */
  readonly sessionId: ReadonlySignal<string | null>;
  /** Loads the stored session's history. A token the proxy no longer accepts is dropped quietly. */
  loadHistory(): Promise<void>;
  /** Sends a message and streams the reply. Creates a session first when there is none. */
  send(text: string): Promise<void>;
  /** Sends a `failed` user message again, in its place at the end of the conversation. */
  retry(messageId: string): Promise<void>;
  /** Stops the reply in progress; its text so far is kept. */
  stop(): void;
  /** Starts a new, empty conversation. */
  newConversation(): Promise<void>;
  /** Aborts everything in flight and releases listeners. */
  dispose(): void;
}

import type { StorageLike } from './types.js';

/** Keeps one widget's session token. Never throws: blocked, full or corrupted storage falls back to memory. */
export interface SessionStore {
  get(): string | null;
  set(sessionId: string | null): void;
  /** Tells the other tabs that this conversation changed (a reply ended), so they catch up. */
  touch(): void;
  /**
   * Calls back when another tab changes the token, or calls `touch` (then with the same token).
   * Returns the unsubscribe function.
   */
  subscribe(listener: (sessionId: string | null) => void): () => void;
}

const VERSION = 1;

/** The storage key: one per endpoint, so two widgets on a page never share a session. */
export const sessionKey = (endpoint: string): string => `agento-chat:${endpoint}`;

/**
 * The key `touch` bumps. Apart from the token's key, so a bump racing a new conversation in another
 * tab can never write an old token back.
 */
export const changeKey = (endpoint: string): string => `agento-chat-rev:${endpoint}`;

/** Creates the store. `storage` defaults to `localStorage`; `null` keeps the token in memory only. */
export function createSessionStore(endpoint: string, storage: StorageLike | null | undefined = defaultStorage()): SessionStore {
  const key = sessionKey(endpoint);
  const rev = changeKey(endpoint);
  // Storage is read once; afterwards memory is the truth (storage may fail to write), kept fresh by `subscribe`.
  let memory: string | null | undefined;

  /** The stored token; null when there is none, or storage throws, or holds something else. */
  const read = (): string | null => {
    try {
      const value = JSON.parse(storage?.getItem(key) || 'null') as { v?: unknown; sessionId?: unknown } | null;
      return value?.v === VERSION && typeof value.sessionId === 'string' && value.sessionId ? value.sessionId : null;
    } catch {
      return null;
    }
  };

  return {
    get: () => (memory === undefined ? (memory = read()) : memory),
    set(sessionId) {
      memory = sessionId;
      try {
        if (sessionId) storage?.setItem(key, JSON.stringify({ v: VERSION, sessionId }));
        else storage?.removeItem(key);
      } catch {
        // Quota exceeded or storage blocked: the token lives in memory for this page.
      }
    },
    touch() {
      try {
        // A storage event fires only when the value changes.
        storage?.setItem(rev, String(Math.random()));
      } catch {
        // Other tabs then learn of it from their poll.
      }
    },
    subscribe(listener) {
      if (!storage || typeof addEventListener !== 'function') return () => {};
      const onStorage = (event: StorageEvent) => {
        if (event.key === rev && memory) return listener(memory);
        if (event.key !== key && event.key !== null) return; // null: another tab cleared all storage
        const next = read();
        if (next === memory) return;
        memory = next;
        listener(next);
      };
      addEventListener('storage', onStorage);
      return () => removeEventListener('storage', onStorage);
    },
  };
}

function defaultStorage(): StorageLike | null {
  try {
    // Reading `localStorage` itself throws in sandboxed frames and with cookies blocked.
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

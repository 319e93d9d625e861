import type { StoredMessage } from './types.js';

/** A conversation. Like the real API, it records no owner check: the emulator never asks who reads it. */
export interface Session {
  readonly id: string;
  readonly agentId: string;
  readonly messages: StoredMessage[];
}

/**
 * Who a default session belongs to: the peer when there is one, else the API key (Agento shares one
 * session per key when no peerId is given).
 */
export interface SessionScope {
  readonly agentId: string;
  readonly apiKey: string;
  readonly peerId: string | undefined;
}

export interface SessionStore {
  /** Creates a session; when the scope has a peer, the new session becomes that peer's default. */
  create(scope: SessionScope): Session;
  /** A session of this agent by ID. */
  get(agentId: string, id: string): Session | undefined;
  /** The scope's default session, created on first use when `create` is true. */
  defaultFor(scope: SessionScope, create: boolean): Session | undefined;
  /** Appends a message stamped with `time` (nudged forward so timestamps stay strictly increasing). */
  append(session: Session, role: StoredMessage['role'], content: string, time: number): StoredMessage;
  clear(): void;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  const defaults = new Map<string, Session>();

  const scopeKey = (scope: SessionScope) =>
    scope.peerId === undefined ? `${scope.agentId}\u0000key\u0000${scope.apiKey}` : `${scope.agentId}\u0000peer\u0000${scope.peerId}`;

  function create(scope: SessionScope): Session {
    const session: Session = { id: `ses_${randomId(20)}`, agentId: scope.agentId, messages: [] };
    sessions.set(session.id, session);
    if (scope.peerId !== undefined) defaults.set(scopeKey(scope), session);
    return session;
  }

  return {
    create,
    get(agentId, id) {
      const session = sessions.get(id);
      return session?.agentId === agentId ? session : undefined;
    },
    defaultFor(scope, shouldCreate) {
      const existing = defaults.get(scopeKey(scope));
      if (existing || !shouldCreate) return existing;
      const session = create(scope);
      defaults.set(scopeKey(scope), session);
      return session;
    },
    append(session, role, content, time) {
      const last = session.messages.at(-1);
      const lastTime = last ? Date.parse(last.timestamp) : -Infinity;
      const message: StoredMessage = { role, content, timestamp: new Date(Math.max(time, lastTime + 1)).toISOString() };
      session.messages.push(message);
      return message;
    },
    clear() {
      sessions.clear();
      defaults.clear();
    },
  };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base-62 string from Web Crypto (the modulo bias is irrelevant for test IDs). */
function randomId(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

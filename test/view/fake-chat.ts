import { signal } from '@preact/signals';
import { vi } from 'vitest';
import type { AgentoError } from '../../widget/core/errors.js';
import type { Chat, ChatMessage, ChatStatus, MessageState, RetryState, Role } from '../../widget/core/types.js';

let seq = 0;

/** A message as the chat would hold it. */
export function message(role: Role, content: string, state: MessageState = 'complete', extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `t${++seq}`, role, content, state, timestamp: '2030-01-01T12:00:00.000Z', ...extra };
}

/**
 * A Chat for the view: real signals, spy actions. `send` behaves like the real one up to the
 * network: it appends the visitor's message as `sending` synchronously and sets `submitted`.
 */
export function fakeChat({ messages = [] as ChatMessage[], status = 'idle' as ChatStatus, error = null as AgentoError | null } = {}) {
  const chat = {
    messages: signal<readonly ChatMessage[]>(messages),
    status: signal<ChatStatus>(status),
    error: signal<AgentoError | null>(error),
    sessionId: signal<string | null>(null),
    retrying: signal<RetryState | null>(null),
    online: signal(true),
    loadHistory: vi.fn(async () => {}),
    hasOlder: signal(false),
    loadOlder: vi.fn(async () => {}),
    send: vi.fn(async (text: string) => {
      chat.messages.value = [...chat.messages.value, message('user', text.trim(), 'sending')];
      chat.status.value = 'submitted';
    }),
    retry: vi.fn(async (_id: string) => {}),
    cancelRetry: vi.fn(),
    sync: vi.fn(async () => false),
    watch: vi.fn(() => () => {}),
    stop: vi.fn(),
    newConversation: vi.fn(async () => {}),
    dispose: vi.fn(),
  } satisfies Chat;
  /** Replaces one message by a changed copy, as the real chat does. */
  const change = (id: string, change: Partial<ChatMessage>) => {
    chat.messages.value = chat.messages.value.map((m) => (m.id === id ? { ...m, ...change } : m));
  };
  return Object.assign(chat, { change });
}

export type FakeChat = ReturnType<typeof fakeChat>;

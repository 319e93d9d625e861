export { createChat, HISTORY_PAGE_SIZE } from './create-chat.js';
export { createHttpTransport } from './http-transport.js';
export { createSessionStore, sessionKey, changeKey } from './session-store.js';
export { defaultRetryPolicy, retryDelay, delay } from './retry-policy.js';
export { readChatEvents, toChatEvent } from './sse-stream.js';
export { AgentoError, HttpError, NetworkError, StreamError, httpErrorFrom, retryAfterFrom } from './errors.js';
export type { HttpTransportOptions } from './http-transport.js';
export type { RetryPolicy } from './retry-policy.js';
export type { SessionStore } from './session-store.js';
export type { ReadChatEventsOptions } from './sse-stream.js';
export type {
  Chat,
  ChatMessage,
  ChatOptions,
  ChatStatus,
  ChatStreamEvent,
  ChatTransport,
  HistoryMessage,
  HistoryPage,
  HistoryQuery,
  MessageState,
  RetryState,
  Role,
  StorageLike,
} from './types.js';

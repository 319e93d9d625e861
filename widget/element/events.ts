import type { AgentoError, ChatMessage } from '../core/index.js';

// Lets the module be imported during server-side rendering, where CustomEvent may not exist.
const BaseEvent = (typeof CustomEvent === 'undefined' ? class {} : CustomEvent) as typeof CustomEvent;

/** Base of the element's events: they bubble and cross the shadow boundary (`composed`). */
abstract class AgentoEvent<T> extends BaseEvent<T> {
  constructor(type: keyof AgentoChatEventMap, detail: T) {
    super(type, { bubbles: true, composed: true, detail });
  }
}

/** `agento-open`: the panel opened (the `open` attribute was added, by `open()`, `toggle()`, the launcher or your code). */
export class AgentoOpenEvent extends AgentoEvent<null> {
  constructor() {
    super('agento-open', null);
  }
}

/** `agento-close`: the panel closed. */
export class AgentoCloseEvent extends AgentoEvent<null> {
  constructor() {
    super('agento-close', null);
  }
}

/** `agento-message`: a message was completed: the visitor's once the proxy accepted it, the assistant's once its reply finished. */
export class AgentoMessageEvent extends AgentoEvent<{ readonly message: ChatMessage }> {
  constructor(message: ChatMessage) {
    super('agento-message', { message });
  }
}

/** `agento-error`: the chat met an error; `detail.error` is the typed {@link AgentoError} (`HttpError`, `NetworkError`, `StreamError`). */
export class AgentoErrorEvent extends AgentoEvent<{ readonly error: AgentoError }> {
  constructor(error: AgentoError) {
    super('agento-error', { error });
  }
}

/** `agento-session`: a new session started; `detail.sessionId` is the proxy's opaque token. */
export class AgentoSessionEvent extends AgentoEvent<{ readonly sessionId: string }> {
  constructor(sessionId: string) {
    super('agento-session', { sessionId });
  }
}

/** Every event `<agento-chat>` dispatches, by name. */
export interface AgentoChatEventMap {
  'agento-open': AgentoOpenEvent;
  'agento-close': AgentoCloseEvent;
  'agento-message': AgentoMessageEvent;
  'agento-error': AgentoErrorEvent;
  'agento-session': AgentoSessionEvent;
}

declare global {
  // The events bubble and are composed, so listeners on any ancestor, the document or the window see them typed.
  interface HTMLElementEventMap extends AgentoChatEventMap {}
  interface DocumentEventMap extends AgentoChatEventMap {}
  interface WindowEventMap extends AgentoChatEventMap {}
}

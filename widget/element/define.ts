import { AgentoChatElement } from './agento-chat-element.js';

export type { AgentoChatElement };

declare global {
  interface HTMLElementTagNameMap {
    'agento-chat': AgentoChatElement;
  }
}

/** Registers `<agento-chat>`; harmless when called twice or when the script is loaded twice. */
export function defineAgentoChat(tagName = 'agento-chat'): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) {
    customElements.define(tagName, tagName === 'agento-chat' ? AgentoChatElement : class extends AgentoChatElement {});
  }
}

defineAgentoChat();

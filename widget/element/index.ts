export { AgentoChatElement } from './agento-chat-element.js';
export type { Mode } from './attributes.js';

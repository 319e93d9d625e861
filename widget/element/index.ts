export { AgentoChatElement } from './agento-chat-element.js';
export { AgentoCloseEvent, AgentoErrorEvent, AgentoMessageEvent, AgentoOpenEvent, AgentoSessionEvent } from './events.js';
export type { Mode, Position, Theme } from './attributes.js';
export type { AgentoChatEventMap } from './events.js';
export type { AgentoChatAttributes, AgentoChatEventProps, AgentoChatReactProps } from './jsx.js';
export type { Language } from '../i18n/languages.js';
export type { Strings } from '../view/strings.js';

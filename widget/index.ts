export * from './core/index.js';
export { AgentoChatElement, AgentoCloseEvent, AgentoErrorEvent, AgentoMessageEvent, AgentoOpenEvent, AgentoSessionEvent } from './element/index.js';
export type {
  AgentoChatAttributes,
  AgentoChatEventMap,
  AgentoChatEventProps,
  AgentoChatReactProps,
  Language,
  Mode,
  Position,
  Strings,
  Theme,
} from './element/index.js';

export * from './core/index.js';
export { AgentoChatElement } from './element/index.js';
export type { Mode } from './element/index.js';
export type { Strings } from './view/strings.js';

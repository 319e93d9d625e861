export { createAgentoProxy } from './create-agento-proxy.js';
export { AgentoProxyError } from './errors.js';
export { formatContext, MAX_CONTEXT_LENGTH } from './format-context.js';
export { toNodeListener } from './node-adapter.js';
export type { FetchHandler, NodeListener } from './node-adapter.js';
export { createMemoryRateLimitStore, DEFAULT_LIMITS } from './rate-limiter.js';
export type { RateLimitDecision, RateLimitStore } from './rate-limiter.js';
export type { AgentoProxyOptions, BucketOptions, IdentifyVisitor, RateLimitOptions, Visitor } from './types.js';

import type { AgentoError } from '../core/index.js';
import { inSeconds, type PanelStrings } from './strings.js';

/** The sentence a visitor reads for an error; the typed error itself goes to developers through events. */
export function describeError(error: AgentoError, strings: PanelStrings): string {
  const status = 'status' in error ? (error.status as number) : 0;
  if (error.name === 'NetworkError') return strings.errorNetwork;
  if (error.name === 'StreamError') return strings.errorInterrupted;
  if (status === 429) {
    const wait = (error as { retryAfter?: number }).retryAfter;
    return wait ? inSeconds(strings.errorRateLimitedIn, wait) : strings.errorRateLimited;
  }
  if (status === 413) return strings.errorTooLong;
  if (status === 401 || status === 403) return strings.errorForbidden;
  if (status >= 500) return strings.errorServer;
  return strings.errorGeneric;
}

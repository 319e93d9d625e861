import type { EmulatorRoute } from './types.js';

/** An API path taken apart. */
export interface RouteMatch {
  readonly agentId: string;
  readonly resource: 'messages' | 'sessions';
}

// Matched by suffix so the emulator works under any prefix, e.g. `/__agento/v1/…` on the demo server.
const API_PATH = /(?:^|\/)v1\/agents\/([^/]+)\/chat\/(messages|sessions)\/?$/;

export function matchRoute(pathname: string): RouteMatch | undefined {
  const match = API_PATH.exec(pathname);
  if (!match) return undefined;
  return { agentId: safeDecode(match[1] ?? ''), resource: match[2] as RouteMatch['resource'] };
}

/** Which API call a method on a resource is, if any. */
export function routeOf(match: RouteMatch, method: string): EmulatorRoute | undefined {
  if (match.resource === 'sessions') return method === 'POST' ? 'sessions' : undefined;
  if (method === 'POST') return 'send';
  if (method === 'GET') return 'history';
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape is just an agent ID that does not exist
  }
}

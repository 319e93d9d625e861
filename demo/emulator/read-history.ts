import { optionalString, scopeOf, type ApiCall, type EmulatorState } from './api-call.js';
import { errorResponse } from './json-responses.js';

export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 100;

/**
 * `GET …/chat/messages?sessionId&peerId&since&limit&offset`: oldest first; `since` keeps messages
 * strictly after it, then `offset` and `limit` page through what is left (`total` counts it all).
 * Like the published API, it never checks which peer owns the session: the proxy must.
 */
export function readHistory(call: ApiCall, state: EmulatorState): Response {
  const query = call.url.searchParams;
  const sessionId = optionalString(query.get('sessionId'));
  const peerId = optionalString(query.get('peerId'));
  if (sessionId === false || peerId === false) {
    return errorResponse(400, 'invalid_request', '`sessionId` and `peerId` must not be empty.');
  }
  const since = query.has('since') ? Date.parse(query.get('since') ?? '') : -Infinity;
  const limit = integerParam(query.get('limit'), DEFAULT_HISTORY_LIMIT, 1);
  const offset = integerParam(query.get('offset'), 0, 0);
  if (Number.isNaN(since) || limit === undefined || offset === undefined) {
    return errorResponse(400, 'invalid_request', '`since` must be an ISO date, `limit` a positive integer, `offset` an integer ≥ 0.');
  }

  const session = sessionId ? state.sessions.get(call.agentId, sessionId) : state.sessions.defaultFor(scopeOf(call, peerId), false);
  if (sessionId && !session) return errorResponse(404, 'session_not_found', `No session ${sessionId}.`);

  const matching = (session?.messages ?? []).filter((message) => Date.parse(message.timestamp) > since);
  const pageSize = Math.min(limit, MAX_HISTORY_LIMIT);
  return Response.json({
    data: matching.slice(offset, offset + pageSize),
    pagination: { total: matching.length, limit: pageSize, offset },
  });
}

/** A whole-number query parameter: the default when absent, `undefined` when invalid. */
function integerParam(raw: string | null, fallback: number, min: number): number | undefined {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min ? value : undefined;
}

import { optionalString, scopeOf, type ApiCall, type EmulatorState } from './api-call.js';
import { errorResponse } from './json-responses.js';
import type { SessionResponseShape } from './types.js';

/**
 * `POST …/chat/sessions` with an optional `{ peerId }`: a new, empty session, which becomes the
 * peer's default ("sessions persist until a new one is created"). `201` with the ID in the
 * configured shape, `{ "data": { "sessionId": "ses_…" } }` unless told otherwise.
 */
export function createSession(call: ApiCall, state: EmulatorState): Response {
  const body = call.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) return errorResponse(400, 'invalid_request', 'The body must be a JSON object.');
  const peerId = optionalString((body as Record<string, unknown>).peerId);
  if (peerId === false) return errorResponse(400, 'invalid_request', '`peerId` must be a non-empty string when given.');

  const session = state.sessions.create(scopeOf(call, peerId));
  return Response.json(sessionBody(session.id, state.sessionResponseShape), { status: 201 });
}

function sessionBody(id: string, shape: SessionResponseShape): unknown {
  switch (shape) {
    case 'data.sessionId':
      return { data: { sessionId: id } };
    case 'data.id':
      return { data: { id } };
    case 'sessionId':
      return { sessionId: id };
    case 'id':
      return { id };
  }
}

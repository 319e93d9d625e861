import { AgentoProxyError, jsonResponse } from './errors.js';
import { formatContext } from './format-context.js';
import { readHistoryRequest, readSendRequest } from './read-request.js';
import type { SessionTokens } from './session-token.js';
import { passThroughSse } from './sse-passthrough.js';
import type { Visitor } from './types.js';
import type { Upstream } from './upstream.js';
import { passedOn } from './upstream-errors.js';

/** What every route needs, built once by {@link createAgentoProxy}. */
export interface RouteContext {
  readonly upstream: Upstream;
  readonly tokens: SessionTokens;
  readonly maxMessageLength: number;
  readonly keepAliveMs: number;
}

/** Handles one route for a visitor already identified and rate-limited. */
export type Route = (request: Request, visitor: Visitor, context: RouteContext) => Promise<Response>;

/** `POST …/messages`: streams the reply, byte for byte, as it arrives. */
export const sendMessage: Route = async (request, visitor, { upstream, tokens, maxMessageLength, keepAliveMs }) => {
  const { message, sessionId } = await readSendRequest(request, maxMessageLength);
  const upstreamSessionId = sessionId === undefined ? undefined : await ownSession(tokens, sessionId, visitor);

  // Aborted when the browser leaves (request.signal) or stops reading (the stream is cancelled).
  const cancelled = new AbortController();
  const reply = await upstream.send(
    { message, sessionId: upstreamSessionId, peerId: visitor.peerId, context: formatContext(visitor.context) },
    AbortSignal.any([request.signal, cancelled.signal]),
  );

  const headers = passedOn(reply.headers);
  headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  // no-transform also stops the `compression` middleware (Express, Next.js) from gzipping the stream.
  headers.set('Cache-Control', 'no-cache, no-transform');
  headers.set('X-Accel-Buffering', 'no'); // nginx: do not buffer this answer
  headers.set('X-Content-Type-Options', 'nosniff');
  const body = reply.body && passThroughSse(reply.body, { keepAliveMs, onCancel: () => cancelled.abort() });
  return new Response(body, { status: 200, headers });
};

/** `GET …/messages`: one page of a session's history, only if the session is the visitor's. */
export const readHistory: Route = async (request, visitor, { upstream, tokens }) => {
  const query = readHistoryRequest(new URL(request.url));
  const sessionId = await ownSession(tokens, query.sessionId, visitor);
  const page = await upstream.history({ ...query, sessionId, peerId: visitor.peerId }, request.signal);
  return jsonResponse(page.value, 200, page.headers);
};

/** `POST …/sessions`: a new upstream session, handed out as a token bound to the visitor. */
export const createSession: Route = async (request, visitor, { upstream, tokens }) => {
  const session = await upstream.createSession(visitor.peerId, request.signal);
  const token = await tokens.sign(visitor.peerId, session.value);
  return jsonResponse({ sessionId: token }, 201, session.headers);
};

/** The upstream session behind a token, checked before anything reaches Agento. */
async function ownSession(tokens: SessionTokens, token: string, visitor: Visitor): Promise<string> {
  const sessionId = await tokens.verify(token, visitor.peerId);
  if (sessionId === null) throw new AgentoProxyError(403, 'forbidden_session', 'This session is not valid for you');
  return sessionId;
}

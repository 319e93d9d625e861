import { clientGone, holdAnswer, optionalString, scopeOf, type ApiCall, type EmulatorState } from './api-call.js';
import { faultResponse } from './fault-response.js';
import { formatContext, MAX_CONTEXT_LENGTH } from './format-context.js';
import { errorResponse } from './json-responses.js';
import { parseMagicFaults } from './magic-faults.js';
import { playScript } from './play-script.js';
import { faultReply } from './replies.js';
import { scriptReply } from './reply-script.js';

/**
 * `POST …/chat/messages`: stores the user message at once and streams the reply. The assistant
 * reply is stored only when its stream reaches `done`; a cut, an `error` event or a client that
 * leaves stores nothing, so history shows what a finished conversation holds.
 */
export async function sendMessage(call: ApiCall, state: EmulatorState): Promise<Response> {
  const body = (call.body ?? {}) as Record<string, unknown>;
  const { message } = body;
  if (typeof message !== 'string' || message.trim() === '') {
    return errorResponse(400, 'invalid_request', '`message` must be a non-empty string.');
  }
  const sessionId = optionalString(body.sessionId);
  const peerId = optionalString(body.peerId);
  if (sessionId === false || peerId === false) {
    return errorResponse(400, 'invalid_request', '`sessionId` and `peerId` must be non-empty strings when given.');
  }
  const context = formatContext(body.context);
  if (context === null) return errorResponse(400, 'invalid_request', '`context` must be a string or an object.');
  if (context !== undefined && context.length > MAX_CONTEXT_LENGTH) {
    return errorResponse(400, 'context_too_long', `\`context\` is over ${MAX_CONTEXT_LENGTH} characters after formatting.`);
  }

  const magic = parseMagicFaults(message);
  const faults = { ...state.faults, ...magic.faults };
  const failure = magic.faults.status ? faultResponse(magic.faults, state.now()) : undefined;
  if (failure) return failure;

  const session = sessionId ? state.sessions.get(call.agentId, sessionId) : state.sessions.defaultFor(scopeOf(call, peerId), true);
  if (!session) return errorResponse(404, 'session_not_found', `No session ${sessionId}.`);

  if (!(await holdAnswer(call, magic.faults.responseDelayMs))) return clientGone();
  state.sessions.append(session, 'user', message, state.now());

  const reply = magic.names.length > 0 && magic.message === '' ? faultReply(magic.names) : state.reply(magic.message, context);
  const { tokenDelayMs } = faults;
  const nextDelay = tokenDelayMs === undefined ? state.nextTokenDelay : () => tokenDelayMs;
  const entry = call.entry;
  entry.stream = 'streaming';
  const stream = playScript(scriptReply(reply, faults, nextDelay), call.request.signal, {
    onEnd(outcome) {
      entry.stream = outcome;
      if (outcome === 'done') state.sessions.append(session, 'assistant', reply, state.now());
    },
    onAbort() {
      entry.stream = 'aborted';
      entry.aborted = true;
      state.onStreamAbort?.(entry);
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
}

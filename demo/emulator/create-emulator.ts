import { clientGone, holdAnswer, type ApiCall, type EmulatorState, type LogEntryDraft } from './api-call.js';
import { createSession } from './create-session.js';
import { faultResponse } from './fault-response.js';
import { errorResponse, withDefaultHeaders } from './json-responses.js';
import { matchRoute, routeOf } from './match-route.js';
import { createSlidingWindowLimiter, rateLimitHeaders } from './rate-limiter.js';
import { readHistory } from './read-history.js';
import { chooseReply } from './replies.js';
import { createSessionStore } from './session-store.js';
import { sendMessage } from './send-message.js';
import type { Emulator, EmulatorOptions, EmulatorRoute } from './types.js';

/** The key the emulator accepts unless told otherwise; public on purpose, it guards nothing. */
export const EMULATOR_API_KEY = 'ak_test_emulator';
/** The agent the emulator knows unless told otherwise. */
export const EMULATOR_AGENT_ID = 'agent_demo';

const ROUTES = { send: sendMessage, history: readHistory, sessions: createSession } satisfies Record<EmulatorRoute, unknown>;

/**
 * An in-memory stand-in for the Agento Chat API (contract (2) of PROTOCOL.md), as a web-standard
 * `(Request) => Promise<Response>` handler: no Node APIs, so it runs in any runtime and in tests
 * without a network.
 *
 * The order of checks follows a typical API gateway: route, `X-Api-Key` (401), rate limit (429,
 * counted per key), agent (404), method (405), JSON body (400), then the call itself.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const apiKeys = new Set(options.apiKeys ?? [EMULATOR_API_KEY]);
  const agents = new Set(options.agents ?? [EMULATOR_AGENT_ID]);
  const now = options.now ?? Date.now;
  const rateLimit = options.rateLimit ?? { limit: 120 };
  const limiter = rateLimit ? createSlidingWindowLimiter(rateLimit.limit, rateLimit.windowMs ?? 60_000, now) : undefined;
  const log: LogEntryDraft[] = [];
  const maxLogEntries = options.maxLogEntries ?? 1000;
  const state: EmulatorState = {
    sessions: createSessionStore(),
    faults: { ...options.faults },
    now,
    nextTokenDelay: tokenDelay(options.tokenDelayMs ?? [15, 30]),
    reply: options.reply ?? chooseReply,
    sessionResponseShape: options.sessionResponseShape ?? 'data.sessionId',
    onStreamAbort: options.onStreamAbort,
  };

  async function answer(request: Request, url: URL, body: BodyRead, entry: LogEntryDraft): Promise<Response> {
    const match = matchRoute(url.pathname);
    if (!match) return errorResponse(404, 'not_found', `No route ${request.method} ${url.pathname}.`);

    const apiKey = request.headers.get('x-api-key') ?? '';
    if (!apiKeys.has(apiKey)) return errorResponse(401, 'unauthorized', 'Missing or invalid X-Api-Key.');

    const decision = limiter?.take(apiKey);
    const headers = decision ? rateLimitHeaders(decision) : {};
    const respond = (response: Response) => withDefaultHeaders(response, headers);
    if (decision && !decision.allowed) {
      return respond(
        errorResponse(429, 'rate_limited', `Rate limit of ${decision.limit} requests exceeded.`, {
          'Retry-After': String(decision.retryAfterSeconds),
        }),
      );
    }

    if (!agents.has(match.agentId)) return respond(errorResponse(404, 'agent_not_found', `No agent ${match.agentId}.`));
    const route = routeOf(match, request.method);
    entry.route = route;
    if (!route) {
      const allow = match.resource === 'sessions' ? 'POST' : 'GET, POST';
      return respond(errorResponse(405, 'method_not_allowed', `Use ${allow}.`, { Allow: allow }));
    }
    if (!body.ok) return respond(errorResponse(400, 'invalid_json', 'The body is not valid JSON.'));

    const { faults } = state;
    const hitsRoute = !faults.statusRoutes || faults.statusRoutes.includes(route);
    const failure = hitsRoute ? faultResponse(faults, now()) : undefined;
    if (failure) return respond(failure);
    const call: ApiCall = { request, url, body: body.value, agentId: match.agentId, apiKey, entry };
    if (!(await holdAnswer(call, faults.responseDelayMs))) return clientGone();

    return respond(await ROUTES[route](call, state));
  }

  return {
    async handler(request) {
      const url = new URL(request.url);
      const body = await readBody(request);
      const entry: LogEntryDraft = {
        at: now(),
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body: body.ok ? body.value : body.text,
        route: undefined,
        status: 0,
        aborted: false,
      };
      log.push(entry);
      if (log.length > maxLogEntries) log.splice(0, log.length - maxLogEntries);
      const response = await answer(request, url, body, entry);
      entry.status = response.status;
      return response;
    },
    faults: state.faults,
    log,
    reset() {
      state.sessions.clear();
      limiter?.reset();
      log.length = 0;
      for (const key of Object.keys(state.faults)) delete state.faults[key as keyof typeof state.faults];
      Object.assign(state.faults, options.faults);
    },
  };
}

type BodyRead = { ok: true; value: unknown } | { ok: false; text: string };

async function readBody(request: Request): Promise<BodyRead> {
  const text = await request.text().catch(() => '');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, text };
  }
}

/** A fixed delay, or one picked at random in `[min, max]` for each token. */
function tokenDelay(setting: number | readonly [number, number]): () => number {
  if (typeof setting === 'number') return () => setting;
  const [min, max] = setting;
  return () => Math.round(min + Math.random() * (max - min));
}

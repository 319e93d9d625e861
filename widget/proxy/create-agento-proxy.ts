import { AgentoProxyError, errorResponse, internalError } from './errors.js';
import { createRateLimiter, type LimitKind } from './rate-limiter.js';
import { redact } from './redact.js';
import { createSession, readHistory, sendMessage, type Route, type RouteContext } from './routes.js';
import { createSessionTokens } from './session-token.js';
import type { AgentoProxyOptions, IdentifyVisitor, Visitor } from './types.js';
import { createUpstream } from './upstream.js';

/** The routes, by the last segment of the path, so the proxy can be mounted under any prefix. */
const ROUTES: Readonly<Record<string, Readonly<Record<string, { route: Route; limit: LimitKind }>>>> = {
  messages: {
    GET: { route: readHistory, limit: 'other' },
    POST: { route: sendMessage, limit: 'send' },
  },
  sessions: {
    POST: { route: createSession, limit: 'other' },
  },
};

const MIN_SECRET_LENGTH = 32;

/**
 * Creates the backend half of the widget: a web-standard handler for the three calls the widget
 * makes (`POST …/messages`, `GET …/messages`, `POST …/sessions`), matched on the end of the path.
 *
 * It holds the API key, decides who the visitor is (`identify`), binds each session token to
 * that visitor, limits each visitor's rate and streams Agento's replies through unbuffered.
 * Serve it from Next.js, Workers, Deno or Bun as is, or from `node:http` / Express through
 * {@link toNodeListener}.
 *
 * @throws TypeError when an option is missing or invalid (the message never contains the key).
 */
export function createAgentoProxy(options: AgentoProxyOptions): (request: Request) => Promise<Response> {
  const { apiKey, agentId, secret, identify, onError } = options;
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('createAgentoProxy: `apiKey` is required');
  if (typeof agentId !== 'string' || agentId === '') throw new TypeError('createAgentoProxy: `agentId` is required');
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new TypeError(`createAgentoProxy: \`secret\` must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (typeof identify !== 'function') throw new TypeError('createAgentoProxy: `identify` is required');

  const limit = createRateLimiter(options.limits);
  const context: RouteContext = {
    upstream: createUpstream({
      apiKey,
      agentId,
      baseUrl: options.baseUrl ?? 'https://api.agento.host',
      // Looked up per call, so a fetch patched after start-up (instrumentation, tests) is used.
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeoutMs: options.upstreamTimeoutMs ?? 30_000,
    }),
    tokens: createSessionTokens(secret, agentId),
    maxMessageLength: options.maxMessageLength ?? 4000,
    keepAliveMs: options.keepAliveMs ?? 15_000,
  };

  const report = (error: AgentoProxyError) => {
    if (error.status < 500 || !onError) return;
    const cause = redact(error.cause, apiKey);
    try {
      onError(new AgentoProxyError(error.status, error.code, error.message, { cause, headers: error.headers }));
    } catch {
      // A failing logger must not turn into a failing answer.
    }
  };

  return async (request) => {
    try {
      const routes = ROUTES[lastSegment(request.url)];
      if (!routes) throw new AgentoProxyError(404, 'not_found', 'No such endpoint');
      const handler = routes[request.method];
      if (!handler) {
        throw new AgentoProxyError(405, 'method_not_allowed', `Use ${Object.keys(routes).join(' or ')}`, {
          headers: { Allow: Object.keys(routes).join(', ') },
        });
      }
      const visitor = await identifyVisitor(identify, request);
      await limit(handler.limit, visitor.peerId);
      return await handler.route(request, visitor, context);
    } catch (error) {
      const failure = error instanceof AgentoProxyError ? error : internalError(error);
      report(failure);
      return errorResponse(failure);
    }
  };
}

/** `/api/agento/messages/` → `messages`. */
function lastSegment(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  return segments.at(-1) ?? '';
}

async function identifyVisitor(identify: IdentifyVisitor, request: Request): Promise<Visitor> {
  const visitor = await identify(request);
  if (visitor === null) throw new AgentoProxyError(401, 'unauthorized', 'Unknown visitor');
  if (typeof visitor?.peerId !== 'string' || visitor.peerId === '') {
    throw new TypeError('identify() must return null or an object with a non-empty string peerId');
  }
  return visitor;
}

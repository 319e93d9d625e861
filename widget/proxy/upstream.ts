import type { HistoryPage } from '../core/types.js';
import { historyPageOf, sessionIdOf } from './upstream-answers.js';
import { invalidAnswer, passedOn, transportError, upstreamError } from './upstream-errors.js';

/** The body of an upstream send. */
export interface UpstreamSend {
  readonly message: string;
  /** Agento's own session ID, from a verified token; undefined for the peer's default session. */
  readonly sessionId: string | undefined;
  readonly peerId: string;
  /** Formatted and at most 2000 characters. */
  readonly context: string | undefined;
}

/** The query of an upstream history call. */
export interface UpstreamHistoryQuery {
  /** Agento's own session ID, from a verified token. */
  readonly sessionId: string;
  readonly peerId: string;
  readonly since: string | undefined;
  readonly limit: number | undefined;
  readonly offset: number | undefined;
}

/** An upstream answer's body plus the headers the proxy passes on. */
export interface UpstreamResult<T> {
  readonly value: T;
  readonly headers: Headers;
}

/** The three calls the proxy makes to the Agento Chat API. Failures throw {@link AgentoProxyError}. */
export interface Upstream {
  /** Resolves with the SSE response as soon as its headers arrive. */
  send(body: UpstreamSend, signal: AbortSignal): Promise<Response>;
  /** Resolves with the new upstream session ID. */
  createSession(peerId: string, signal: AbortSignal): Promise<UpstreamResult<string>>;
  history(query: UpstreamHistoryQuery, signal: AbortSignal): Promise<UpstreamResult<HistoryPage>>;
}

export interface UpstreamOptions {
  readonly apiKey: string;
  readonly agentId: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/v1/agents/${encodeURIComponent(options.agentId)}/chat`;

  /** Runs one call; `timeoutMs` covers everything `read` does, so pass it only the part that must be quick. */
  async function call<T>(
    path: string,
    init: RequestInit,
    signal: AbortSignal,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    const headers = new Headers(init.headers);
    headers.set('X-Api-Key', options.apiKey);
    try {
      const response = await options.fetch(`${base}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.any([signal, timeout.signal]),
      });
      return await read(response);
    } catch (error) {
      throw transportError(error, signal, timeout.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

  return {
    send(body, signal) {
      return call(
        '/messages',
        {
          method: 'POST',
          // identity: a compressed stream would be held back by the compressor's window.
          headers: { ...json, Accept: 'text/event-stream', 'Accept-Encoding': 'identity' },
          body: JSON.stringify(body),
        },
        signal,
        async (response) => {
          if (!response.ok) throw await upstreamError(response, body.sessionId !== undefined);
          return response;
        },
      );
    },

    createSession(peerId, signal) {
      return call('/sessions', { method: 'POST', headers: json, body: JSON.stringify({ peerId }) }, signal, async (response) => {
        if (!response.ok) throw await upstreamError(response, false);
        const sessionId = sessionIdOf(await response.json().catch(() => null));
        if (!sessionId) throw invalidAnswer('POST /sessions answered without a session ID');
        return { value: sessionId, headers: passedOn(response.headers) };
      });
    },

    history(query, signal) {
      const params = new URLSearchParams({ sessionId: query.sessionId, peerId: query.peerId });
      if (query.since !== undefined) params.set('since', query.since);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.offset !== undefined) params.set('offset', String(query.offset));
      return call(`/messages?${params}`, { headers: { Accept: 'application/json' } }, signal, async (response) => {
        if (!response.ok) throw await upstreamError(response, true);
        const page = historyPageOf(await response.json().catch(() => null), query);
        if (!page) throw invalidAnswer('GET /messages answered without a data array');
        return { value: page, headers: passedOn(response.headers) };
      });
    },
  };
}

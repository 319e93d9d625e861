import { AgentoError, NetworkError, httpErrorFrom } from './errors.js';
import { readChatEvents } from './sse-stream.js';
import type { ChatStreamEvent, ChatTransport, HistoryPage, HistoryQuery } from './types.js';

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Base URL of the proxy, for example `/api/agento`. */
  readonly endpoint: string;
  /** @defaultValue `globalThis.fetch` */
  readonly fetch?: typeof fetch;
  /**
   * Whether cookies go with the requests. The proxy knows the visitor by your site's own cookie, so a
   * proxy on another origin needs `'include'` (and CORS with credentials on its side).
   * @defaultValue `'same-origin'`
   */
  readonly credentials?: RequestCredentials;
  /** Fail a reply when the stream is silent this long (the proxy sends keep-alives every 15 s). @defaultValue 45000 */
  readonly idleTimeoutMs?: number;
}

/** The default transport: the proxy contract over fetch, replies parsed with `eventsource-parser`. */
export function createHttpTransport({ endpoint, fetch: fetchFn, credentials = 'same-origin', idleTimeoutMs = 45_000 }: HttpTransportOptions): ChatTransport {
  const base = endpoint.replace(/\/+$/, '');

  async function request(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      // Looked up per call so a fetch patched after start-up (tests, polyfills) is honoured.
      response = await (fetchFn ?? globalThis.fetch)(base + path, { credentials, ...init });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw new NetworkError('Could not reach the chat server.', { cause });
    }
    if (!response.ok) throw await httpErrorFrom(response);
    return response;
  }

  async function json<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch (cause) {
      throw new AgentoError('bad_response', 'The chat server sent an answer that is not JSON.', { cause });
    }
  }

  return {
    async createSession(signal) {
      const body = await json<{ sessionId?: unknown }>(await request('/sessions', { method: 'POST', signal }));
      if (typeof body?.sessionId !== 'string' || !body.sessionId) {
        throw new AgentoError('bad_response', 'The chat server did not return a session.');
      }
      return body.sessionId;
    },

    async history(sessionId: string, query: HistoryQuery, signal?: AbortSignal): Promise<HistoryPage> {
      const params = new URLSearchParams({ sessionId });
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const page = await json<HistoryPage>(await request(`/messages?${params}`, { signal }));
      if (!Array.isArray(page?.data)) throw new AgentoError('bad_response', 'The chat server sent a malformed history.');
      const data = page.data.filter((m) => m && (m.role === 'user' || m.role === 'assistant') && typeof m.content === 'string');
      const pagination = page.pagination ?? { total: data.length, limit: data.length, offset: 0 };
      return { data, pagination };
    },

    async send(sessionId: string, message: string, signal?: AbortSignal): Promise<AsyncIterable<ChatStreamEvent>> {
      const response = await request('/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ message, sessionId }),
        signal,
      });
      if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
        // Release the connection: nobody will read this body.
        response.body?.cancel().catch(() => {});
        throw new AgentoError('bad_response', 'The chat server did not answer with a stream.');
      }
      return readChatEvents(response.body, { idleTimeoutMs });
    },
  };
}

import { describe, expect, it, vi } from 'vitest';
import { AgentoError, HttpError, NetworkError } from '../../widget/core/errors.js';
import { createHttpTransport } from '../../widget/core/http-transport.js';
import type { ChatStreamEvent } from '../../widget/core/types.js';

interface Recorded {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** A fetch that records each request and answers with `answer()`. */
function fakeFetch(answer: (request: Recorded) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: Recorded = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    requests.push(request);
    return answer(request);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const sse = (body: string, init: ResponseInit = {}) =>
  new Response(body, { status: 200, ...init, headers: { 'Content-Type': 'text/event-stream; charset=utf-8', ...init.headers } });

const page = (data: unknown[], pagination = { total: data.length, limit: 50, offset: 0 }) => Response.json({ data, pagination });

async function collect(events: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const all: ChatStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('createHttpTransport: requests', () => {
  it.each(['/api/agento', '/api/agento/', '/api/agento//'])('builds URLs from the endpoint %s', async (endpoint) => {
    const { fetch, requests } = fakeFetch((request) =>
      request.url.endsWith('/sessions') ? Response.json({ sessionId: 's1' }, { status: 201 })
      : request.method === 'GET' ? page([])
      : sse('data: {"type":"done"}\n\n'),
    );
    const transport = createHttpTransport({ endpoint, fetch });
    await transport.createSession();
    await transport.history('s1', {});
    await collect(await transport.send('s1', 'hi'));
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/agento/sessions',
      'GET /api/agento/messages?sessionId=s1',
      'POST /api/agento/messages',
    ]);
  });

  it('works with an absolute endpoint', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ sessionId: 's1' }, { status: 201 }));
    await createHttpTransport({ endpoint: 'https://chat.example.com/agento/', fetch }).createSession();
    expect(requests[0]?.url).toBe('https://chat.example.com/agento/sessions');
  });

  it('sends only the message and the session in the JSON body, asking for a stream', async () => {
    const { fetch, requests } = fakeFetch(() => sse('data: {"type":"text","content":"Hi"}\n\ndata: {"type":"done"}\n\n'));
    const events = await createHttpTransport({ endpoint: '/api/agento', fetch }).send('tok.en', 'Hello there');
    expect(await collect(events)).toEqual([{ type: 'text', content: 'Hi' }, { type: 'done' }]);
    const [request] = requests;
    expect(JSON.parse(request?.body ?? '')).toEqual({ message: 'Hello there', sessionId: 'tok.en' });
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('accept')).toBe('text/event-stream');
  });

  it('puts the history query in the URL, encoded', async () => {
    const { fetch, requests } = fakeFetch(() => page([]));
    const transport = createHttpTransport({ endpoint: '/api/agento', fetch });
    await transport.history('a+b/c=', { since: '2030-01-01T00:00:00.000Z', limit: 50, offset: 150 });
    const url = new URL(requests[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/api/agento/messages');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sessionId: 'a+b/c=',
      since: '2030-01-01T00:00:00.000Z',
      limit: '50',
      offset: '150',
    });
  });

  it('passes the abort signal to fetch on every call', async () => {
    const { fetch, requests } = fakeFetch((request) =>
      request.url.endsWith('/sessions') ? Response.json({ sessionId: 's1' })
      : request.method === 'GET' ? page([])
      : sse(''),
    );
    const transport = createHttpTransport({ endpoint: '/e', fetch });
    const { signal } = new AbortController();
    await transport.createSession(signal);
    await transport.history('s1', {}, signal);
    await transport.send('s1', 'x', signal);
    expect(requests.map((r) => r.signal)).toEqual([signal, signal, signal]);
  });

  it('uses globalThis.fetch, looked up per call, when none is given', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ sessionId: 's9' }));
    const transport = createHttpTransport({ endpoint: '/e' });
    vi.stubGlobal('fetch', fetch);
    try {
      expect(await transport.createSession()).toBe('s9');
      expect(requests).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('createHttpTransport: answers', () => {
  it('returns the history page, dropping entries that are not messages', async () => {
    const good = { role: 'assistant', content: 'Hello', timestamp: '2030-01-01T00:00:00Z' };
    const { fetch } = fakeFetch(() =>
      page([good, { role: 'system', content: 'x', timestamp: '' }, { role: 'user', content: 5 }], { total: 3, limit: 50, offset: 0 }),
    );
    expect(await createHttpTransport({ endpoint: '/e', fetch }).history('s', {})).toEqual({
      data: [good],
      pagination: { total: 3, limit: 50, offset: 0 },
    });
  });

  it('rejects a malformed history with bad_response', async () => {
    const { fetch } = fakeFetch(() => Response.json({ messages: [] }));
    await expect(createHttpTransport({ endpoint: '/e', fetch }).history('s', {})).rejects.toMatchObject({
      name: 'AgentoError',
      code: 'bad_response',
    });
  });

  it('drops null history entries instead of failing with a TypeError', async () => {
    const { fetch } = fakeFetch(() => page([null]));
    await expect(createHttpTransport({ endpoint: '/e', fetch }).history('s', {})).resolves.toEqual({
      data: [],
      pagination: { total: 1, limit: 50, offset: 0 },
    });
  });

  it.each([
    ['missing sessionId', () => Response.json({ id: 's1' }, { status: 201 })],
    ['empty sessionId', () => Response.json({ sessionId: '' }, { status: 201 })],
    ['a number', () => Response.json({ sessionId: 42 }, { status: 201 })],
    ['a JSON null', () => Response.json(null, { status: 201 })],
    ['not JSON', () => new Response('created', { status: 201 })],
  ])('rejects a session answer with %s as bad_response', async (_, answer) => {
    const { fetch } = fakeFetch(answer);
    const attempt = createHttpTransport({ endpoint: '/e', fetch }).createSession();
    await expect(attempt).rejects.toBeInstanceOf(AgentoError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad_response' });
  });

  it.each([
    ['createSession', (t: ReturnType<typeof createHttpTransport>) => t.createSession()],
    ['history', (t: ReturnType<typeof createHttpTransport>) => t.history('s', {})],
    ['send', (t: ReturnType<typeof createHttpTransport>) => t.send('s', 'hi')],
  ])('%s: a non-OK answer rejects with HttpError carrying status, code and retryAfter', async (_, call) => {
    const { fetch } = fakeFetch(() =>
      Response.json({ error: { code: 'rate_limited', message: 'Too many requests.' } }, { status: 429, headers: { 'Retry-After': '12' } }),
    );
    const attempt = call(createHttpTransport({ endpoint: '/e', fetch }));
    await expect(attempt).rejects.toBeInstanceOf(HttpError);
    await expect(attempt).rejects.toMatchObject({ status: 429, code: 'rate_limited', message: 'Too many requests.', retryAfter: 12_000 });
  });

  it('turns a fetch that throws into a NetworkError, keeping the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const { fetch } = fakeFetch(() => Promise.reject(cause));
    const attempt = createHttpTransport({ endpoint: '/e', fetch }).send('s', 'hi');
    await expect(attempt).rejects.toBeInstanceOf(NetworkError);
    await expect(attempt).rejects.toMatchObject({ code: 'network_error', cause });
  });

  it('lets an abort through as the AbortError itself', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(
      (request) =>
        new Promise<Response>((_, reject) =>
          request.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
        ),
    );
    const attempt = createHttpTransport({ endpoint: '/e', fetch }).send('s', 'hi', controller.signal);
    controller.abort();
    await expect(attempt).rejects.toMatchObject({ name: 'AbortError' });
    await expect(attempt).rejects.not.toBeInstanceOf(AgentoError);
  });

  it('rejects a 200 that is not an event stream with bad_response, and releases its body', async () => {
    const cancel = vi.fn();
    const body = new ReadableStream({ cancel });
    const { fetch } = fakeFetch(() => new Response(body, { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const attempt = createHttpTransport({ endpoint: '/e', fetch }).send('s', 'hi');
    await expect(attempt).rejects.toMatchObject({ name: 'AgentoError', code: 'bad_response' });
    expect(cancel).toHaveBeenCalled();
  });

  it('reads the reply stream of a successful send', async () => {
    const { fetch } = fakeFetch(() => sse(': ping\n\ndata: {"type":"text","content":"A"}\n\ndata: {"type":"thinking"}\n\ndata: [DONE]\n\n'));
    const events = await createHttpTransport({ endpoint: '/e', fetch }).send('s', 'hi');
    expect(await collect(events)).toEqual([{ type: 'text', content: 'A' }, { type: 'done' }]);
  });
});

describe('createHttpTransport: cookies', () => {
  it("sends cookies same-origin by default and with 'include' for a proxy on another origin", async () => {
    const seen: (RequestCredentials | undefined)[] = [];
    const fetch = (async (_: RequestInfo | URL, init: RequestInit = {}) => {
      seen.push(init.credentials);
      return Response.json({ sessionId: 's1' }, { status: 201 });
    }) as typeof globalThis.fetch;
    await createHttpTransport({ endpoint: '/api/agento', fetch }).createSession();
    await createHttpTransport({ endpoint: 'https://chat.example/api', fetch, credentials: 'include' }).createSession();
    expect(seen).toEqual(['same-origin', 'include']);
  });
});

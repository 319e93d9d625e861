import { describe, expect, it } from 'vitest';
import { errorOf, fakeUpstream, startRig } from './rig.js';

/** The events of an SSE body, as Agento's guide reads them. */
function eventsOf(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)));
}

describe('POST …/messages (send)', () => {
  it('streams the reply with the stream headers and no compression', async () => {
    const rig = await startRig();
    const response = await rig.as('alice').send(
      { message: 'hello there' },
      { headers: { 'X-Visitor': 'alice', 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip, br' } },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('content-encoding')).toBeNull();
    const events = eventsOf(await response.text());
    expect(events.at(-1)).toEqual({ type: 'done' });
    expect(events.filter((event) => (event as { type: string }).type === 'text').length).toBeGreaterThan(1);
  });

  it('sends message, peerId and the upstream session, and nothing else the browser sent', async () => {
    const upstream = fakeUpstream((call) =>
      call.path.endsWith('/sessions')
        ? Response.json({ sessionId: 'ses_up_1' }, { status: 201 })
        : new Response('data: {"type":"done"}\n\n', { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    const rig = await startRig({ upstream: upstream.handler });
    const alice = rig.as('alice');
    const token = await alice.session();

    const response = await alice.send({ message: 'hi', sessionId: token, peerId: 'mallory', context: 'admin', apiKey: 'x' });
    await response.text();

    expect(response.status).toBe(200);
    const send = upstream.calls[1]!;
    expect(send.method).toBe('POST');
    expect(send.path).toBe('/v1/agents/agent_demo/chat/messages');
    expect(send.body).toEqual({ message: 'hi', sessionId: 'ses_up_1', peerId: 'alice' });
    expect(send.headers.get('accept')).toBe('text/event-stream');
  });

  it('uses the visitor’s default session when no sessionId is given', async () => {
    const rig = await startRig();
    const response = await rig.as('alice').send({ message: 'first' });
    await response.text();

    expect(response.status).toBe(200);
    const [entry] = rig.emulator.log;
    expect(entry?.body).toEqual({ message: 'first', peerId: 'alice' });
  });

  it.each([
    ['not JSON', '{"message": "unterminated'],
    ['no message', { sessionId: null }],
    ['a message that is not a string', { message: 42 }],
    ['a blank message', { message: '  \n\t ' }],
    ['a sessionId that is not a string', { message: 'hi', sessionId: 7 }],
    ['a JSON array', [1, 2]],
  ])('answers 400 to %s, without calling upstream', async (_, body) => {
    const rig = await startRig();
    const error = await errorOf(await rig.as('alice').send(body));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(rig.emulator.log).toHaveLength(0);
  });

  it('answers 413 past maxMessageLength, and accepts exactly the maximum', async () => {
    const rig = await startRig({ proxy: { maxMessageLength: 10 } });
    const alice = rig.as('alice');

    expect(await errorOf(await alice.send({ message: 'x'.repeat(11) }))).toMatchObject({
      status: 413,
      code: 'message_too_long',
    });
    const exact = await alice.send({ message: 'x'.repeat(10) });
    await exact.text();
    expect(exact.status).toBe(200);
    expect(rig.emulator.log).toHaveLength(1);
  });

  it('defaults maxMessageLength to 4000', async () => {
    const rig = await startRig();
    expect((await rig.as('alice').send({ message: 'x'.repeat(4001) })).status).toBe(413);
  });

  it('answers 413 to an oversized body without reading it all', async () => {
    const rig = await startRig({ proxy: { maxMessageLength: 10 } });
    const error = await errorOf(await rig.as('alice').send({ message: 'hi', padding: 'x'.repeat(200_000) }));
    expect(error).toMatchObject({ status: 413, code: 'body_too_large' });
  });

  it('answers 415 to a body that is not declared JSON, so a cross-site form cannot post', async () => {
    const rig = await startRig();
    const response = await rig.as('alice').send('{"message":"hi"}', {
      headers: { 'X-Visitor': 'alice', 'Content-Type': 'text/plain' },
    });
    expect(await errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(rig.emulator.log).toHaveLength(0);
  });
});

describe('GET …/messages (history)', () => {
  it('answers the session’s messages with role, content and timestamp only', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const token = await alice.session();
    await (await alice.send({ message: 'first', sessionId: token })).text();

    const response = await alice.history({ sessionId: token });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = (await response.json()) as { data: Record<string, unknown>[]; pagination: unknown };
    expect(page.data.map((message) => Object.keys(message).sort())).toEqual([
      ['content', 'role', 'timestamp'],
      ['content', 'role', 'timestamp'],
    ]);
    expect(page.data[0]).toMatchObject({ role: 'user', content: 'first' });
    expect(page.data[1]).toMatchObject({ role: 'assistant' });
    expect(page.pagination).toEqual({ total: 2, limit: 50, offset: 0 });
  });

  it('forwards since, limit and offset with the upstream session and the peerId', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const token = await alice.session();
    for (const message of ['one', 'two']) await (await alice.send({ message, sessionId: token })).text();

    const response = await alice.history({ sessionId: token, since: '2000-01-01T00:00:00Z', limit: '1', offset: '2' });
    const page = (await response.json()) as { data: { content: string }[]; pagination: unknown };

    expect(page.data.map((message) => message.content)).toEqual(['two']);
    expect(page.pagination).toEqual({ total: 4, limit: 1, offset: 2 });
    const query = rig.emulator.log.at(-1)?.query;
    expect(query).toMatchObject({ peerId: 'alice', since: '2000-01-01T00:00:00.000Z', limit: '1', offset: '2' });
    expect(query?.sessionId).toMatch(/^ses_/);
  });

  it('drops items upstream sends that are not messages, and fills in a missing pagination', async () => {
    const upstream = fakeUpstream((call) =>
      call.method === 'POST'
        ? Response.json({ data: { id: 'ses_1' } }, { status: 201 })
        : Response.json({
            data: [
              { role: 'user', content: 'hi', timestamp: '2024-01-01T00:00:00Z', internal: 'tool trace' },
              { role: 'system', content: 'secret prompt', timestamp: '2024-01-01T00:00:01Z' },
              { role: 'assistant', content: 7 },
            ],
          }),
    );
    const rig = await startRig({ upstream: upstream.handler });
    const alice = rig.as('alice');
    const response = await alice.history({ sessionId: await alice.session() });

    expect(await response.json()).toEqual({
      data: [{ role: 'user', content: 'hi', timestamp: '2024-01-01T00:00:00Z' }],
      pagination: { total: 1, limit: 1, offset: 0 },
    });
  });

  it.each([
    ['no sessionId', () => ({})],
    ['an empty sessionId', () => ({ sessionId: '' })],
    ['an unparseable since', (sessionId: string) => ({ sessionId, since: 'yesterday-ish' })],
    ['a negative limit', (sessionId: string) => ({ sessionId, limit: '-1' })],
    ['a fractional limit', (sessionId: string) => ({ sessionId, limit: '1.5' })],
    ['a non-numeric offset', (sessionId: string) => ({ sessionId, offset: 'ten' })],
  ])('answers 400 to %s, without calling upstream', async (_, query) => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const token = await alice.session();

    const error = await errorOf(await alice.history(query(token)));
    expect(error).toMatchObject({ status: 400, code: 'bad_request' });
    expect(rig.emulator.log).toHaveLength(1); // creating the session
  });
});

describe('POST …/sessions (new session)', () => {
  it('asks upstream for a session for the visitor and answers 201 with a signed token for it', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const response = await alice.newSession();

    expect(response.status).toBe(201);
    expect(rig.emulator.log[0]?.body).toEqual({ peerId: 'alice' });
    const { sessionId: token } = (await response.json()) as { sessionId: string };
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);

    await (await alice.send({ message: 'hi', sessionId: token })).text();
    const upstreamId = (rig.emulator.log[1]?.body as { sessionId: string }).sessionId;
    expect(upstreamId).toMatch(/^ses_/);
    expect(token).not.toBe(upstreamId);
  });

  it.each([
    ['{ sessionId }', { sessionId: 'ses_a' }],
    ['{ id }', { id: 'ses_a' }],
    ['{ data: { sessionId } }', { data: { sessionId: 'ses_a' } }],
    ['{ data: { id } }', { data: { id: 'ses_a' } }],
  ])('reads the upstream session from %s', async (_, body) => {
    const upstream = fakeUpstream((call) =>
      call.path.endsWith('/sessions')
        ? Response.json(body, { status: 201 })
        : new Response('data: {"type":"done"}\n\n', { headers: { 'Content-Type': 'text/event-stream' } }),
    );
    const rig = await startRig({ upstream: upstream.handler });
    const alice = rig.as('alice');
    await (await alice.send({ message: 'hi', sessionId: await alice.session() })).text();
    expect(upstream.calls[1]?.body).toMatchObject({ sessionId: 'ses_a' });
  });

  it('answers 502 when upstream names no session', async () => {
    const rig = await startRig({ upstream: fakeUpstream(() => Response.json({ ok: true }, { status: 201 })).handler });
    expect(await errorOf(await rig.as('alice').newSession())).toMatchObject({ status: 502, code: 'upstream_invalid' });
  });
});

describe('routing', () => {
  it('matches the routes at any prefix, with or without a trailing slash', async () => {
    const rig = await startRig();
    const base = rig.endpoint.replace('/api/agento', '');
    for (const path of ['/sessions', '/sessions/', '/deep/mount/point/sessions', '/api/agento/sessions/']) {
      const response = await fetch(base + path, { method: 'POST', headers: { 'X-Visitor': 'alice' } });
      expect(response.status, path).toBe(201);
    }
  });

  it('answers 404 to an unknown route, before asking who the visitor is', async () => {
    const rig = await startRig();
    for (const path of ['/api/agento/other', '/api/agento', '/api/agento/messages/extra']) {
      const response = await fetch(rig.endpoint.replace('/api/agento', '') + path);
      expect(await errorOf(response)).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it.each([
    ['DELETE', '/messages', 'GET, POST'],
    ['PUT', '/messages', 'GET, POST'],
    ['GET', '/sessions', 'POST'],
  ])('answers 405 to %s %s with Allow: %s', async (method, path, allow) => {
    const rig = await startRig();
    const response = await fetch(rig.endpoint + path, { method, headers: { 'X-Visitor': 'alice' } });
    expect(response.headers.get('allow')).toBe(allow);
    expect(await errorOf(response)).toMatchObject({ status: 405, code: 'method_not_allowed' });
  });

  it('answers 401 to every route when identify returns null, without calling upstream', async () => {
    const rig = await startRig();
    const stranger = rig.as(null);
    for (const response of [await stranger.send({ message: 'hi' }), await stranger.history({ sessionId: 'x' }), await stranger.newSession()]) {
      expect(await errorOf(response)).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    expect(rig.emulator.log).toHaveLength(0);
  });

  it('awaits an async identify', async () => {
    const rig = await startRig({
      proxy: { identify: async (request) => (request.headers.get('cookie') === 'visitor=v1' ? { peerId: 'v1' } : null) },
    });
    const response = await fetch(`${rig.endpoint}/sessions`, { method: 'POST', headers: { Cookie: 'visitor=v1' } });
    expect(response.status).toBe(201);
    expect(rig.emulator.log[0]?.body).toEqual({ peerId: 'v1' });
  });

  it('answers 500 with no details when identify throws', async () => {
    const rig = await startRig({
      proxy: {
        identify: () => {
          throw new Error('database password is hunter2');
        },
      },
    });
    const response = await rig.as('alice').newSession();
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal error' } });
  });
});

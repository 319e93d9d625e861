import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentoProxyError, createAgentoProxy } from '../../widget/proxy/index.js';
import { API_KEY, everything, fakeUpstream, SECRET, startRig, type UpstreamCall } from './rig.js';

/** An upstream that misbehaves in every way that could carry the key back: echoes it in bodies and headers. */
function leakyUpstream(mode: () => number) {
  return fakeUpstream((call: UpstreamCall) => {
    const key = call.headers.get('x-api-key') ?? '';
    const headers = { 'X-Echo-Api-Key': key, 'X-RateLimit-Remaining': '7', 'Retry-After': '3' };
    const status = mode();
    if (status !== 200) {
      return Response.json({ error: { code: 'unauthorized', message: `Key ${key} is not valid` } }, { status, headers });
    }
    if (call.path.endsWith('/sessions')) return Response.json({ sessionId: 'ses_1', key }, { status: 201, headers });
    if (call.method === 'GET') return Response.json({ data: [{ role: 'user', content: 'hi', timestamp: 't', key }] }, { headers });
    return new Response('data: {"type":"done"}\n\n', { headers: { ...headers, 'Content-Type': 'text/event-stream' } });
  });
}

describe('the API key stays on the server', () => {
  afterEach(() => vi.restoreAllMocks());

  it('appears in no status, header or body of any answer, success or error, and is never logged', async () => {
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) => vi.spyOn(console, name));
    let status = 200;
    const upstream = leakyUpstream(() => status);
    const rig = await startRig({
      upstream: upstream.handler,
      proxy: { limits: { send: { capacity: 4, refillPerMinute: 1 } } },
    });
    const alice = rig.as('alice');
    const answers: Response[] = [];
    const ask = async (response: Promise<Response>) => void answers.push(await response);

    // Success on every route.
    const token = await alice.session();
    await ask(alice.send({ message: 'hi', sessionId: token }));
    await ask(alice.history({ sessionId: token }));
    await ask(alice.newSession());
    // The proxy's own errors: 400, 401, 403, 404, 405, 413, 415, 429.
    await ask(alice.send('{'));
    await ask(rig.as(null).send({ message: 'hi' }));
    await ask(rig.as('bob').history({ sessionId: token }));
    await ask(fetch(`${rig.endpoint}/keys`));
    await ask(fetch(`${rig.endpoint}/sessions`, { method: 'GET', headers: { 'X-Visitor': 'alice' } }));
    await ask(alice.send({ message: 'x'.repeat(5000) }));
    await ask(alice.send('message=hi', { headers: { 'X-Visitor': 'alice', 'Content-Type': 'text/plain' } }));
    await ask(alice.send({ message: 'over the limit' }));
    // Upstream errors that echo the key back: 401, 403, 404, 429, 500, 503.
    for (const code of [401, 403, 404, 429, 500, 503]) {
      status = code;
      await ask(rig.as(`visitor-${code}`).send({ message: 'hi' }));
      await ask(rig.as(`visitor-${code}`).newSession());
      await ask(rig.as(`visitor-${code}`).history({ sessionId: token }));
    }

    const statuses = answers.map((answer) => answer.status);
    expect(new Set(statuses)).toEqual(new Set([200, 201, 400, 401, 403, 404, 405, 413, 415, 429, 502, 503]));
    for (const answer of answers) expect(await everything(answer)).not.toContain(API_KEY);
    expect(upstream.calls.every((call) => call.headers.get('x-api-key') === API_KEY)).toBe(true);
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
  });

  it('is not in the 502 of an unreachable upstream, the 504 of a slow one, nor the 500 of a crash', async () => {
    const unreachable = await startRig({
      proxy: { fetch: async () => Promise.reject(new TypeError(`connect failed with ${API_KEY}`)) },
    });
    const slow = await startRig({ upstream: () => new Promise(() => {}), proxy: { upstreamTimeoutMs: 50 } });
    const crashing = await startRig({
      proxy: {
        identify: () => {
          throw new Error(`identify saw ${API_KEY}`);
        },
      },
    });

    const answers = [
      await unreachable.as('alice').send({ message: 'hi' }),
      await slow.as('alice').newSession(),
      await crashing.as('alice').newSession(),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([502, 504, 500]);
    for (const answer of answers) expect(await everything(answer)).not.toContain(API_KEY);
  });

  it('is redacted from what the onError hook receives, causes included', async () => {
    const reports: AgentoProxyError[] = [];
    let status = 401;
    const rig = await startRig({
      upstream: leakyUpstream(() => status).handler,
      proxy: { onError: (error) => reports.push(error) },
    });
    await rig.as('alice').newSession();
    status = 200;
    const failing = await startRig({
      proxy: {
        onError: (error) => reports.push(error),
        fetch: async () => {
          throw new TypeError('fetch failed', { cause: Object.assign(new Error(`refused ${API_KEY}`), { code: 'ECONNREFUSED' }) });
        },
      },
    });
    await failing.as('alice').newSession();

    expect(reports.map((report) => [report.status, report.code])).toEqual([
      [502, 'upstream_auth'],
      [502, 'upstream_unreachable'],
    ]);
    const auth = reports[0]!.cause as Error;
    expect(auth.message).toBe('Agento answered 401: unauthorized Key [redacted] is not valid');
    const network = reports[1]!.cause as Error & { cause: Error & { code: string } };
    expect(network.cause.message).toBe('refused [redacted]');
    expect(network.cause.code).toBe('ECONNREFUSED');
    expect(inspect(reports, { depth: 10 })).not.toContain(API_KEY); // messages, stacks, causes, own fields
  });

  it('is in no error createAgentoProxy throws for bad options', () => {
    const options = { apiKey: API_KEY, agentId: 'agent_demo', secret: 'short', identify: () => null };
    expect(() => createAgentoProxy(options)).toThrow(TypeError);
    try {
      createAgentoProxy(options);
    } catch (error) {
      expect(String(error)).not.toContain(API_KEY);
    }
    expect(() => createAgentoProxy({ ...options, secret: SECRET, agentId: '' })).toThrow(/agentId/);
  });
});

import { describe, expect, it } from 'vitest';
import { listen } from '../helpers/http-server.js';
import { API_KEY, errorOf, fakeUpstream, manualStream, sseHeaders, startRig } from './rig.js';

/** A URL where nothing listens. */
async function deadUrl(): Promise<string> {
  const server = await listen(async () => new Response());
  await server.close();
  return server.url;
}

describe('upstream trouble', () => {
  it('answers 502 upstream_unreachable when Agento cannot be reached', async () => {
    const rig = await startRig({ proxy: { baseUrl: await deadUrl() } });
    for (const response of [await rig.as('alice').send({ message: 'hi' }), await rig.as('alice').newSession()]) {
      expect(await errorOf(response)).toMatchObject({ status: 502, code: 'upstream_unreachable' });
    }
  });

  it('answers 504 upstream_timeout when Agento sends no headers within upstreamTimeoutMs, and gives up on the call', async () => {
    const rig = await startRig({ emulator: { faults: { responseDelayMs: 2000 } }, proxy: { upstreamTimeoutMs: 100 } });
    const started = Date.now();
    const response = await rig.as('alice').send({ message: 'hi' });

    expect(await errorOf(response)).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect.poll(() => rig.emulator.log[0]?.aborted).toBe(true);
  });

  it('lets a reply stream run past upstreamTimeoutMs once its headers arrived', async () => {
    const stream = manualStream();
    const upstream = fakeUpstream(() => new Response(stream.body, { headers: sseHeaders }));
    const rig = await startRig({ upstream: upstream.handler, proxy: { upstreamTimeoutMs: 50 } });
    const response = await rig.as('alice').send({ message: 'hello' });

    await new Promise((resolve) => setTimeout(resolve, 150));
    stream.push('data: {"type":"done"}\n\n');
    stream.close();

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('data: {"type":"done"}\n\n');
  });

  it('answers 502 upstream_auth when Agento refuses our key, without a word about keys', async () => {
    const rig = await startRig({ proxy: { apiKey: 'ak_live_revoked_000000000000' } });
    const response = await rig.as('alice').send({ message: 'hi' });
    const error = await errorOf(response);
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth' });
    expect(error.message).not.toMatch(/key/i);
  });

  it('answers 502 upstream_not_found when the agent does not exist', async () => {
    const rig = await startRig({ proxy: { agentId: 'agent_gone' } });
    expect(await errorOf(await rig.as('alice').newSession())).toMatchObject({ status: 502, code: 'upstream_not_found' });
  });

  it('answers 404 session_not_found when the session is gone upstream', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const token = await alice.session();
    rig.emulator.reset(); // Agento forgot every session

    expect(await errorOf(await alice.send({ message: 'hi', sessionId: token }))).toMatchObject({
      status: 404,
      code: 'session_not_found',
    });
    expect((await alice.history({ sessionId: token })).status).toBe(404);
  });

  it('answers 502 to an upstream 500 and 503 with Retry-After to an upstream 503', async () => {
    const rig = await startRig({ emulator: { faults: { status: 500 } } });
    expect(await errorOf(await rig.as('alice').send({ message: 'hi' }))).toMatchObject({
      status: 502,
      code: 'upstream_error',
    });

    rig.emulator.faults.status = 503;
    const unavailable = await rig.as('alice').newSession();
    expect(unavailable.headers.get('retry-after')).toBe('5');
    expect(await errorOf(unavailable)).toMatchObject({ status: 503, code: 'upstream_unavailable' });
  });

  it('passes an error event inside the stream through as is', async () => {
    const rig = await startRig({ emulator: { faults: { errorAfterTokens: 2 } } });
    const response = await rig.as('alice').send({ message: 'hello' });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/data: \{"type":"error".*\n\n$/);
  });

  it('ends the reply without done when upstream closes the stream early', async () => {
    const rig = await startRig({ emulator: { faults: { cutAfterTokens: 2 } } });
    const text = await (await rig.as('alice').send({ message: 'hello' })).text();
    expect(text.match(/"type":"text"/g)).toHaveLength(2);
    expect(text).not.toContain('"done"');
  });

  it('cuts the connection to the browser when the upstream connection drops mid-stream', async () => {
    const rig = await startRig({ emulator: { faults: { cutAfterTokens: 2, cutMode: 'abort' } } });
    const response = await rig.as('alice').send({ message: 'hello' });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('sends the key to Agento, and only there', async () => {
    const rig = await startRig();
    await rig.as('alice').newSession();
    expect(rig.emulator.log[0]?.headers['x-api-key']).toBe(API_KEY);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorRig } from './support.js';

describe('emulator: auth and error answers', () => {
  let rig: EmulatorRig;
  beforeAll(async () => {
    rig = await startEmulator();
  });
  afterAll(() => rig.close());

  it.each([
    ['no key', {}],
    ['a wrong key', { 'X-Api-Key': 'ak_live_wrong' }],
  ])('answers 401 JSON to %s', async (_, headers) => {
    const response = await fetch(`${rig.url}/v1/agents/agent_demo/chat/messages`, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('answers 404 JSON for an unknown agent, rate headers included', async () => {
    const response = await rig.call('/messages', { agent: 'agent_nobody' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-ratelimit-limit')).toBe('120');
    expect(await response.json()).toEqual({ error: { code: 'agent_not_found', message: expect.any(String) } });
  });

  it('answers 404 JSON for an unknown route', async () => {
    const response = await rig.call('/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('answers 405 with Allow for a wrong method', async () => {
    const response = await rig.call('/sessions', { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers 400 to a body that is not JSON, and to a message that is missing or empty', async () => {
    const badJson = await rig.call('/messages', { method: 'POST', body: '{"message": ' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBe('invalid_json');

    for (const body of [{}, { message: '   ' }, { message: 42 }, { message: 'hi', peerId: '' }]) {
      const response = await rig.send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
  });

  it('works under any path prefix, as it is mounted on the demo server', async () => {
    const response = await fetch(`${rig.url}/__agento/v1/agents/agent_demo/chat/sessions`, {
      method: 'POST',
      headers: { 'X-Api-Key': 'ak_test_emulator' },
    });
    expect(response.status).toBe(201);
  });

  it('honours its apiKeys and agents options', async () => {
    const custom = await startEmulator({ apiKeys: ['ak_one'], agents: ['agent_one'] });
    try {
      const ok = await fetch(`${custom.url}/v1/agents/agent_one/chat/sessions`, { method: 'POST', headers: { 'X-Api-Key': 'ak_one' } });
      expect(ok.status).toBe(201);
      expect((await custom.call('/sessions', { method: 'POST' })).status).toBe(401);
    } finally {
      await custom.close();
    }
  });

  it('keeps only the last maxLogEntries requests', async () => {
    const small = await startEmulator({ maxLogEntries: 2 });
    try {
      for (const path of ['/one', '/two', '/three']) await small.call(path);
      expect(small.emulator.log.map((entry) => entry.path.split('/').at(-1))).toEqual(['two', 'three']);
    } finally {
      await small.close();
    }
  });

  it('logs every request with its headers and parsed body', async () => {
    rig.emulator.reset();
    await (await rig.send({ message: 'logged', peerId: 'peer_log', context: { plan: 'pro' } })).text();
    expect(rig.emulator.log).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/agents/agent_demo/chat/messages',
        route: 'send',
        status: 200,
        stream: 'done',
        aborted: false,
        headers: expect.objectContaining({ 'x-api-key': 'ak_test_emulator', 'content-type': 'application/json' }),
        body: { message: 'logged', peerId: 'peer_log', context: { plan: 'pro' } },
      }),
    ]);
  });
});

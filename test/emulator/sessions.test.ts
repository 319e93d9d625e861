import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorRig } from './support.js';

describe('emulator: sessions and peers', () => {
  let rig: EmulatorRig;
  beforeAll(async () => {
    rig = await startEmulator();
  });
  beforeEach(() => rig.emulator.reset());
  afterAll(() => rig.close());

  const talk = async (body: Record<string, unknown>) => {
    const response = await rig.send(body);
    expect(response.status).toBe(200);
    await response.text();
  };
  const contents = async (query: Record<string, string>) => (await rig.history(query)).data.map((message) => message.content);

  it('creates sessions: 201 with { data: { sessionId } }', async () => {
    const response = await rig.call('/sessions', { method: 'POST', body: JSON.stringify({ peerId: 'peer_a' }) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { data: { sessionId: string } };
    expect(body.data.sessionId).toMatch(/^ses_[A-Za-z0-9]{20}$/);
    expect(await rig.newSession()).not.toBe(body.data.sessionId);
  });

  it.each([
    ['data.id', { data: { id: expect.stringMatching(/^ses_/) } }],
    ['sessionId', { sessionId: expect.stringMatching(/^ses_/) }],
    ['id', { id: expect.stringMatching(/^ses_/) }],
  ] as const)('answers sessions in the %s shape when asked', async (shape, expected) => {
    const other = await startEmulator({ sessionResponseShape: shape });
    try {
      expect(await (await other.call('/sessions', { method: 'POST' })).json()).toEqual(expected);
    } finally {
      await other.close();
    }
  });

  it('keeps a conversation in the session it names', async () => {
    const sessionId = await rig.newSession('peer_a');
    await talk({ message: 'first', sessionId, peerId: 'peer_a' });
    await talk({ message: 'second', sessionId, peerId: 'peer_a' });
    const history = await rig.history({ sessionId });
    expect(history.data.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(history.data[0]?.content).toBe('first');
    expect(history.data[1]?.content).toContain('You said: “first”');
  });

  it('answers 404 for an unknown session, on send and on history', async () => {
    expect((await rig.send({ message: 'hi', sessionId: 'ses_unknown' })).status).toBe(404);
    const response = await rig.call('/messages?sessionId=ses_unknown');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('session_not_found');
  });

  it('gives each peer one default session when no sessionId is sent', async () => {
    await talk({ message: 'one', peerId: 'peer_a' });
    await talk({ message: 'two', peerId: 'peer_a' });
    expect(await contents({ peerId: 'peer_a' })).toEqual(['one', expect.any(String), 'two', expect.any(String)]);
  });

  it('never lets two peers share a default history', async () => {
    await talk({ message: 'from a', peerId: 'peer_a' });
    await talk({ message: 'from b', peerId: 'peer_b' });
    expect(await contents({ peerId: 'peer_a' })).toEqual(['from a', expect.any(String)]);
    expect(await contents({ peerId: 'peer_b' })).toEqual(['from b', expect.any(String)]);
    expect(await contents({ peerId: 'peer_c' })).toEqual([]);
  });

  it('shares one session per key when no peerId is sent', async () => {
    await talk({ message: 'anonymous one' });
    await talk({ message: 'anonymous two' });
    expect(await contents({})).toEqual(['anonymous one', expect.any(String), 'anonymous two', expect.any(String)]);
    expect(await contents({ peerId: 'peer_a' })).toEqual([]);
  });

  it("makes a peer's new session its default", async () => {
    await talk({ message: 'old conversation', peerId: 'peer_a' });
    const fresh = await rig.newSession('peer_a');
    await talk({ message: 'new conversation', peerId: 'peer_a' });
    expect(await contents({ sessionId: fresh })).toEqual(['new conversation', expect.any(String)]);
    expect(await contents({ peerId: 'peer_a' })).toEqual(['new conversation', expect.any(String)]);
  });

  it('like the real API, does not check who owns a session it is asked for (the proxy must)', async () => {
    const sessionId = await rig.newSession('peer_a');
    await talk({ message: 'secret of a', sessionId, peerId: 'peer_a' });
    expect(await contents({ sessionId, peerId: 'peer_b' })).toContain('secret of a');
  });
});

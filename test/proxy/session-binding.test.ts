import { describe, expect, it } from 'vitest';
import { errorOf, fakeUpstream, SECRET, startRig } from './rig.js';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Alice has a session with one exchange in it; returns her token. */
async function aliceWithHistory(rig: Awaited<ReturnType<typeof startRig>>): Promise<string> {
  const alice = rig.as('alice');
  const token = await alice.session();
  await (await alice.send({ message: 'my card ends in 4242', sessionId: token })).text();
  return token;
}

describe('session tokens are bound to their visitor', () => {
  it('lets the visitor who created a session use it', async () => {
    const rig = await startRig();
    const token = await aliceWithHistory(rig);
    const response = await rig.as('alice').history({ sessionId: token });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('4242');
  });

  it('answers 403 to visitor B sending with A’s token, and upstream receives no call', async () => {
    const rig = await startRig();
    const token = await aliceWithHistory(rig);
    const calls = rig.emulator.log.length;

    const response = await rig.as('bob').send({ message: 'what did I say?', sessionId: token });

    expect(await errorOf(response)).toMatchObject({ status: 403, code: 'forbidden_session' });
    expect(rig.emulator.log).toHaveLength(calls);
  });

  it('answers 403 to visitor B reading A’s history, and upstream receives no call', async () => {
    const rig = await startRig();
    const token = await aliceWithHistory(rig);
    const calls = rig.emulator.log.length;

    const response = await rig.as('bob').history({ sessionId: token });
    const text = await response.text();

    expect(response.status).toBe(403);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'forbidden_session' } });
    expect(text).not.toContain('4242');
    expect(rig.emulator.log).toHaveLength(calls);
  });

  it('answers 403 to a tampered token, and upstream receives no call', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const token = await aliceWithHistory(rig);
    const other = await alice.session();
    const [id, mac] = token.split('.') as [string, string];
    const [otherId] = other.split('.') as [string];
    const flipped = mac.slice(0, 5) + (mac[5] === 'A' ? 'B' : 'A') + mac.slice(6);
    const calls = rig.emulator.log.length;

    for (const forged of [
      `${id}.${flipped}`, // the MAC edited
      `${otherId}.${mac}`, // another session under this session's MAC
      `${base64url('ses_guess')}.${mac}`, // a guessed upstream ID
      `${id}.${mac.slice(0, -2)}`, // a truncated MAC
    ]) {
      expect(await errorOf(await alice.send({ message: 'hi', sessionId: forged })), forged).toMatchObject({
        status: 403,
        code: 'forbidden_session',
      });
      expect((await alice.history({ sessionId: forged })).status, forged).toBe(403);
    }
    expect(rig.emulator.log).toHaveLength(calls);
  });

  it('answers 403 to malformed tokens, and upstream receives no call', async () => {
    const rig = await startRig();
    const alice = rig.as('alice');
    const [, mac] = (await alice.session()).split('.') as [string, string];
    const calls = rig.emulator.log.length;

    for (const malformed of [
      'ses_raw_upstream_id',
      '.',
      `.${mac}`,
      'a.b.c',
      `${base64url('x')}.${mac}.${mac}`,
      'not base64!.abc',
      `${Buffer.from([0xff, 0xfe]).toString('base64url')}.${mac}`, // not UTF-8
      `A.${mac}`, // a length base64 cannot have
    ]) {
      expect((await alice.send({ message: 'hi', sessionId: malformed })).status, malformed).toBe(403);
      expect((await alice.history({ sessionId: malformed })).status, malformed).toBe(403);
    }
    expect(rig.emulator.log).toHaveLength(calls);
  });

  it('signs fields length-prefixed: (peer "ab", session "c") does not verify as (peer "a", session "bc")', async () => {
    const upstream = fakeUpstream(() => Response.json({ sessionId: 'c' }, { status: 201 }));
    const rig = await startRig({ upstream: upstream.handler });
    const [, mac] = (await rig.as('ab').session()).split('.') as [string, string];

    const response = await rig.as('a').history({ sessionId: `${base64url('bc')}.${mac}` });

    expect(response.status).toBe(403);
    expect(upstream.calls).toHaveLength(1);
  });

  it('binds the token to the agent as well: another agent’s proxy with the same secret refuses it', async () => {
    const token = await (await startRig()).as('alice').session();
    const other = await startRig({ proxy: { agentId: 'agent_other' }, emulator: { agents: ['agent_other'] } });

    expect((await other.as('alice').history({ sessionId: token })).status).toBe(403);
    expect(other.emulator.log).toHaveLength(0);
  });

  it('rejects every token once the secret is rotated', async () => {
    const before = await startRig();
    const token = await before.as('alice').session();
    const after = await startRig({ proxy: { secret: `${SECRET}-rotated` } });

    expect((await after.as('alice').history({ sessionId: token })).status).toBe(403);
    expect(after.emulator.log).toHaveLength(0);
  });
});

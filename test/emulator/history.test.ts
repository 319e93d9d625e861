import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startEmulator, type EmulatorRig } from './support.js';

describe('emulator: history', () => {
  let rig: EmulatorRig;
  afterEach(() => rig.close());

  /** A session with `count` exchanges, one minute apart by the manual clock. */
  async function sessionWith(count: number, clock = manualClock()) {
    rig = await startEmulator({ now: clock.now, rateLimit: false });
    const sessionId = await rig.newSession('peer_h');
    for (let index = 1; index <= count; index++) {
      await (await rig.send({ message: `message ${index}`, sessionId })).text();
      clock.advance(60_000);
    }
    return { sessionId, clock };
  }

  it('lists messages oldest first with role, content and ISO timestamp, 50 per page by default', async () => {
    const { sessionId } = await sessionWith(30);
    const page = await rig.history({ sessionId });
    expect(page.pagination).toEqual({ total: 60, limit: 50, offset: 0 });
    expect(page.data).toHaveLength(50);
    expect(page.data[0]).toEqual({ role: 'user', content: 'message 1', timestamp: '2025-01-01T00:00:00.000Z' });
    expect(page.data[1]).toMatchObject({ role: 'assistant', content: expect.stringContaining('message 1') });
    const times = page.data.map((message) => Date.parse(message.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('pages with limit and offset, capping limit at 100', async () => {
    const { sessionId } = await sessionWith(60);
    const second = await rig.history({ sessionId, limit: 10, offset: 10 });
    expect(second.pagination).toEqual({ total: 120, limit: 10, offset: 10 });
    expect(second.data.map((message) => message.content).filter((content) => content.startsWith('message'))).toEqual(
      ['message 6', 'message 7', 'message 8', 'message 9', 'message 10'],
    );
    expect((await rig.history({ sessionId, limit: 500 })).pagination.limit).toBe(100);
    expect((await rig.history({ sessionId, limit: 500 })).data).toHaveLength(100);
    expect((await rig.history({ sessionId, offset: 200 })).data).toEqual([]);
  });

  it('keeps only messages strictly after since, then applies offset and limit', async () => {
    const { sessionId } = await sessionWith(5);
    const all = await rig.history({ sessionId });
    const since = all.data[3]?.timestamp ?? '';
    const after = await rig.history({ sessionId, since });
    expect(after.pagination.total).toBe(6);
    expect(after.data[0]?.content).toBe('message 3');
    const paged = await rig.history({ sessionId, since, offset: 2, limit: 2 });
    expect(paged.data.map((message) => message.content)).toEqual(['message 4', expect.stringContaining('message 4')]);
    expect(paged.pagination).toEqual({ total: 6, limit: 2, offset: 2 });
  });

  it('keeps timestamps strictly increasing when the clock stands still, so since never skips one', async () => {
    const frozen = { now: () => Date.UTC(2025, 0, 1), advance() {} };
    const { sessionId } = await sessionWith(3, frozen);
    const stamps = (await rig.history({ sessionId })).data.map((message) => message.timestamp);
    expect(new Set(stamps).size).toBe(6);
    expect((await rig.history({ sessionId, since: stamps[4] ?? '' })).data).toHaveLength(1);
  });

  it.each<Record<string, string>>([{ limit: '0' }, { limit: 'ten' }, { offset: '-1' }, { offset: '1.5' }, { since: 'yesterday' }])(
    'answers 400 to %o',
    async (query) => {
      const { sessionId } = await sessionWith(1);
      const response = await rig.call(`/messages?${new URLSearchParams({ sessionId, ...query })}`);
      expect(response.status).toBe(400);
    },
  );
});

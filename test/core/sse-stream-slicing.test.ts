import { afterEach, describe, expect, it, vi } from 'vitest';
import { READ_SLICE, readChatEvents } from '../../widget/core/sse-stream.js';
import type { ChatStreamEvent } from '../../widget/core/types.js';

const encode = (s: string) => new TextEncoder().encode(s);
const frame = (content: string) => `data: ${JSON.stringify({ type: 'text', content })}\n\n`;

/** A body whose chunks are all there at once (a burst), then ends. */
function burst(chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encode(chunk));
      controller.close();
    },
  });
}

/** Tokens `w0 w1 …` (an emoji every 7th), and their SSE text. */
function tokens(count: number) {
  const contents = Array.from({ length: count }, (_, i) => (i % 7 === 3 ? `w${i}😀 ` : `w${i} `));
  return { contents, sse: contents.map(frame).join('') + 'data: {"type":"done"}\n\n' };
}

/**
 * Reads `body` and returns its events, and how many events had been read when each macrotask queued
 * before the reading ran: with no pause in the reading, a burst already in the body is read in one
 * task, so a task queued before it runs after all of it.
 */
async function readWithTicks(body: ReadableStream<Uint8Array>): Promise<{ events: ChatStreamEvent[]; ticks: number[] }> {
  const events: ChatStreamEvent[] = [];
  const ticks: number[] = [];
  let reading = true;
  const tick = () => {
    ticks.push(events.length);
    if (reading) setTimeout(tick);
  };
  setTimeout(tick);
  for await (const event of readChatEvents(body)) events.push(event);
  reading = false;
  return { events, ticks };
}

afterEach(() => vi.restoreAllMocks());

describe('readChatEvents yields to the event loop during a burst', () => {
  it('reads one large chunk over several tasks, with every event intact', async () => {
    const { contents, sse } = tokens(4000);
    expect(sse.length).toBeGreaterThan(8 * READ_SLICE);
    const { events, ticks } = await readWithTicks(burst([sse]));
    expect(events).toEqual([...contents.map((content) => ({ type: 'text', content })), { type: 'done' }]);
    // Other tasks ran while the burst was read, not only before or after it.
    const during = ticks.filter((n) => n > 0 && n < events.length);
    expect(during.length).toBeGreaterThanOrEqual(Math.floor(sse.length / READ_SLICE) - 1);
    // And between two of them, at most a slice was read (an event is about 40 characters here).
    for (let k = 1; k < ticks.length; k++) expect(ticks[k]! - ticks[k - 1]!).toBeLessThanOrEqual(READ_SLICE / 30);
  });

  it('counts across chunks that arrive together', async () => {
    const { contents, sse } = tokens(4000);
    const chunks = sse.match(/[^]{1,1000}/g)!;
    const { events, ticks } = await readWithTicks(burst(chunks));
    expect(events.length).toBe(contents.length + 1);
    expect(ticks.filter((n) => n > 0 && n < events.length).length).toBeGreaterThanOrEqual(Math.floor(sse.length / READ_SLICE) - 1);
  });

  it('reads the same events whatever the split, a character straddling a slice boundary included', async () => {
    // Put the emoji's two UTF-16 halves on both sides of the first slice boundary.
    const head = 'data: {"type":"text","content":"';
    const pad = 'x'.repeat(READ_SLICE - head.length - 1);
    const sse = `${head}${pad}😀"}\n\n` + frame('after') + 'data: {"type":"done"}\n\n';
    expect(sse.charCodeAt(READ_SLICE - 1) >> 10).toBe(54); // a high surrogate ends the first slice
    for (const chunks of [[sse], sse.match(/[^]{1,777}/g)!]) {
      const events: ChatStreamEvent[] = [];
      for await (const event of readChatEvents(burst(chunks))) events.push(event);
      expect(events).toEqual([{ type: 'text', content: `${pad}😀` }, { type: 'text', content: 'after' }, { type: 'done' }]);
    }
  });

  it('does not pause a stream that stays under a slice', async () => {
    const pause = vi.spyOn(globalThis, 'setTimeout');
    const { contents, sse } = tokens(100);
    expect(sse.length).toBeLessThan(READ_SLICE);
    const events: ChatStreamEvent[] = [];
    for await (const event of readChatEvents(burst([sse]))) events.push(event);
    expect(events.length).toBe(contents.length + 1);
    expect(pause).not.toHaveBeenCalled();
  });
});

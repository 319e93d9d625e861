import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StreamError } from '../../widget/core/errors.js';
import { readChatEvents } from '../../widget/core/sse-stream.js';
import type { ChatStreamEvent } from '../../widget/core/types.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/sse/${name}`, import.meta.url)));

const text = (content: string): ChatStreamEvent => ({ type: 'text', content });
const done: ChatStreamEvent = { type: 'done' };
const greeting = [text('Hello'), text(', '), text('world'), text('!'), done];

/** Each recorded stream and the events the widget must read from it. */
const fixtures: Record<string, ChatStreamEvent[]> = {
  'normal.sse': greeting,
  'crlf.sse': greeting,
  'cr.sse': greeting,
  'bom.sse': greeting,
  'multibyte.sse': [text('Grüße '), text('👋🏽 '), text('你好，世界'), text(' — '), text('🇯🇵日本'), done],
  'comments.sse': [text('a'), text('b'), done],
  'event-fields.sse': [text('x'), text('y'), done],
  'unknown-types.sse': [text('Answer'), text(' here'), done],
  'error-nested.sse': [text('Partial'), { type: 'error', code: 'rate_limited', message: 'Slow down.' }],
  'error-flat.sse': [text('Partial'), { type: 'error', code: 'agent_error', message: 'The agent crashed.' }],
  'done-marker.sse': [text('Hi'), done],
  'no-done.sse': [text('Cut '), text('off')],
  'no-trailing-blank.sse': [text('Last'), done],
  'cr-no-trailing-blank.sse': [text('Last'), done],
  'garbage.sse': [text('ok'), text('joined'), done],
};

/** A body that delivers `chunks` one by one, then ends. */
function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of readChatEvents(body)) events.push(event);
  return events;
}

/** An open body the test writes to; `cancel` records whether the reader released it. */
function openBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const cancel = vi.fn();
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel,
  });
  const write = (chunk: string) => controller.enqueue(new TextEncoder().encode(chunk));
  return { body, write, cancel };
}

describe('readChatEvents on recorded streams', () => {
  it('has a fixture file for every expectation and vice versa', () => {
    for (const name of Object.keys(fixtures)) expect(fixture(name).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(fixtures))('%s reads as the expected events', async (name, expected) => {
    expect(await collect(bodyOf([fixture(name)]))).toEqual(expected);
  });

  it.each(Object.keys(fixtures))('%s reads the same when split in two at every byte', async (name) => {
    const bytes = fixture(name);
    const whole = await collect(bodyOf([bytes]));
    for (let i = 0; i <= bytes.length; i++) {
      const split = await collect(bodyOf([bytes.subarray(0, i), bytes.subarray(i)]));
      expect(split, `split at byte ${i}`).toEqual(whole);
    }
  });

  it.each(Object.keys(fixtures))('%s reads the same one byte at a time', async (name) => {
    const bytes = fixture(name);
    const whole = await collect(bodyOf([bytes]));
    const bytewise = await collect(bodyOf(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))));
    expect(bytewise).toEqual(whole);
  });

  it('splits a multibyte character across chunks without replacement characters', async () => {
    const bytes = fixture('multibyte.sse');
    const emoji = bytes.indexOf(0xf0); // first byte of 👋
    const events = await collect(bodyOf([bytes.subarray(0, emoji + 2), bytes.subarray(emoji + 2)]));
    expect(JSON.stringify(events)).not.toContain('\uFFFD');
    expect(events[1]).toEqual(text('👋🏽 '));
  });
});

describe('readChatEvents idle timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fails with StreamError idle_timeout when the stream goes silent, and releases the body', async () => {
    vi.useFakeTimers();
    const { body, write, cancel } = openBody();
    const events = readChatEvents(body, { idleTimeoutMs: 1000 });
    write('data: {"type":"text","content":"a"}\n\n');
    expect(await events.next()).toEqual({ done: false, value: text('a') });

    let outcome: unknown = 'pending';
    events.next().then(
      (result) => (outcome = result),
      (error: unknown) => (outcome = error),
    );
    await vi.advanceTimersByTimeAsync(999);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(StreamError);
    expect(outcome).toMatchObject({ name: 'StreamError', code: 'idle_timeout' });
    expect(cancel).toHaveBeenCalled();
  });

  it('counts keep-alive comments as activity', async () => {
    vi.useFakeTimers();
    const { body, write } = openBody();
    let outcome: unknown = 'pending';
    const events = readChatEvents(body, { idleTimeoutMs: 1000 });
    events.next().then(
      (result) => (outcome = result),
      (error: unknown) => (outcome = error),
    );
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(800);
      write(': keep-alive\n\n');
    }
    await vi.advanceTimersByTimeAsync(800);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(200);
    expect(outcome).toMatchObject({ code: 'idle_timeout' });
  });

  it('leaves no timer behind once the stream ends', async () => {
    vi.useFakeTimers();
    await collect(bodyOf([fixture('normal.sse')]));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('readChatEvents cancellation', () => {
  it('cancels the body when the consumer stops reading', async () => {
    const { body, write, cancel } = openBody();
    write('data: {"type":"text","content":"a"}\n\n');
    for await (const event of readChatEvents(body)) {
      expect(event).toEqual(text('a'));
      break;
    }
    await vi.waitFor(() => expect(cancel).toHaveBeenCalledTimes(1));
  });

  it('rethrows a body error (an aborted fetch) to the consumer', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"type":"text","content":"a"}\n\n'));
        controller.error(abort);
      },
    });
    await expect(collect(body)).rejects.toBe(abort);
  });
});

// The chat core against the real proxy in front of the emulator, over HTTP on 127.0.0.1, with the
// emulator's fault injection: what a visitor's browser would live through.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Emulator } from '../../demo/emulator/index.js';
import { createChat } from '../../widget/core/create-chat.js';
import type { Chat, ChatOptions, RetryState } from '../../widget/core/types.js';
import { effect } from '@preact/signals-core';
import { failOnStrayErrors } from '../helpers/stray-errors.js';
import { startRig, type RigOptions } from '../proxy/rig.js';

failOnStrayErrors(20);

interface Stack {
  readonly emulator: Emulator;
  /** The requests the emulator got on its send route. */
  sends(): Emulator['log'];
  /** A chat for visitor `peerId`, talking to the proxy like a browser would. */
  chat(options?: Partial<ChatOptions>, peerId?: string): Chat;
}

/** Emulator → proxy → chat, all over real HTTP (the proxy tests' rig); stopped when the test ends. */
async function stack(options: Pick<RigOptions, 'emulator' | 'proxy'> = {}): Promise<Stack> {
  const { emulator, endpoint } = await startRig(options);
  return {
    emulator,
    sends: () => emulator.log.filter((entry) => entry.route === 'send'),
    chat(options = {}, peerId = 'visitor-1') {
      const chat = createChat({
        endpoint,
        // How the proxy's `identify` knows the visitor: a header, as a cookie would in a browser.
        fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'X-Visitor': peerId } }),
        storage: null,
        schedule: (flush) => flush(),
        ...options,
      });
      onTestFinished(() => chat.dispose());
      return chat;
    },
  };
}

const view = (chat: Chat) => chat.messages.value.map((m) => `${m.role}:${m.state}`);
const text = (chat: Chat, index: number) => chat.messages.value[index]?.content ?? '';

async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('resilience over HTTP: chat → proxy → emulator', () => {
  it('a normal exchange, then history from the server', async () => {
    const { chat } = await stack().then((s) => ({ ...s, chat: s.chat() }));
    await chat.send('hello there');
    expect(view(chat)).toEqual(['user:complete', 'assistant:complete']);
    expect(text(chat, 1).length).toBeGreaterThan(0);
    await chat.sync();
    expect(view(chat)).toEqual(['user:complete', 'assistant:complete']);
  });

  it('a 429 with Retry-After: waits that long, says so, then succeeds; one message, one reply', async () => {
    const s = await stack({ emulator: { faults: { status: 429, statusRoutes: ['send'], retryAfterSeconds: 1 } } });
    const chat = s.chat();
    const seen: (RetryState | null)[] = [];
    onTestFinished(effect(() => void seen.push(chat.retrying.value)));
    // The first answer is the 429; the emulator is well again right after it.
    const watch = setInterval(() => {
      if (s.sends().some((entry) => entry.status === 429)) s.emulator.faults.status = undefined;
    }, 1);
    onTestFinished(() => clearInterval(watch));

    const started = Date.now();
    await chat.send('hi');
    const waited = Date.now() - started;
    expect(view(chat)).toEqual(['user:complete', 'assistant:complete']);
    expect(s.sends().map((entry) => entry.status)).toEqual([429, 200]);
    const retry = seen.find(Boolean);
    expect(retry?.attempt).toBe(2);
    expect(retry!.at - started).toBeGreaterThan(900);
    expect(retry!.at - started).toBeLessThan(1500);
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(chat.error.value).toBeNull();
  });

  it('a 500 from upstream (502 from the proxy): retried with backoff, then succeeds', async () => {
    const s = await stack({ emulator: { faults: { status: 500, statusRoutes: ['send'] } } });
    const chat = s.chat({ retry: { backoffMs: () => 100, jitter: false } });
    const watch = setInterval(() => {
      if (s.sends().some((entry) => entry.status === 500)) s.emulator.faults.status = undefined;
    }, 1);
    onTestFinished(() => clearInterval(watch));
    await chat.send('hi');
    expect(s.sends().map((entry) => entry.status)).toEqual([500, 200]);
    expect(view(chat)).toEqual(['user:complete', 'assistant:complete']);
  });

  it('a 503 that lasts: three attempts, then the message is failed with Retry', async () => {
    const s = await stack({ emulator: { faults: { status: 503, statusRoutes: ['send'] } } });
    // The emulator's 503 asks for Retry-After: 5; allow only 0.1 s of waiting, so it fails at once.
    const chat = s.chat({ retry: { maxDelayMs: 100 } });
    await chat.send('hi');
    expect(s.sends()).toHaveLength(1);
    expect(view(chat)).toEqual(['user:failed']);
    expect(chat.error.value).toMatchObject({ status: 503, retryAfter: 5000 });
  });

  it('a 413 is never retried', async () => {
    const s = await stack({ proxy: { maxMessageLength: 10 } });
    const chat = s.chat();
    await chat.send('this message is far too long');
    expect(view(chat)).toEqual(['user:failed']);
    expect(chat.error.value).toMatchObject({ status: 413 });
    expect(s.sends()).toHaveLength(0);
  });

  it.each([
    ['ends without done', { cutAfterTokens: 3 }, 'interrupted'],
    // Paced, so the tokens before the drop are on the wire when it happens.
    ['drops the connection', { cutAfterTokens: 3, cutMode: 'abort' as const, tokenDelayMs: 20 }, 'interrupted'],
    ['sends an error event', { errorAfterTokens: 3 }, 'agent_failed'],
  ])('a reply that %s: interrupted, partial text kept, never resent, view re-synced without duplicates', async (_, faults, code) => {
    const s = await stack({ emulator: { faults } });
    const chat = s.chat();
    await chat.send('tell me something');
    expect(view(chat)).toEqual(['user:complete', 'assistant:interrupted']);
    const partial = text(chat, 1);
    expect(partial.length).toBeGreaterThan(0);
    expect(chat.messages.value[1]?.error).toMatchObject({ name: 'StreamError', code });
    // The re-sync after the cut: the question is the server's copy now; the cut reply stays after it.
    await until(() => chat.messages.value[0]?.timestamp !== undefined && s.emulator.log.some((e) => e.route === 'history'), 'the re-sync');
    await chat.sync();
    expect(view(chat)).toEqual(['user:complete', 'assistant:interrupted']);
    expect(text(chat, 1)).toBe(partial);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.sends()).toHaveLength(1);
  });

  it('Retry on an interrupted reply asks again and gets the whole reply', async () => {
    const s = await stack({ emulator: { faults: { cutAfterTokens: 3 } } });
    const chat = s.chat();
    await chat.send('tell me something');
    s.emulator.faults.cutAfterTokens = undefined;
    await chat.retry(chat.messages.value[1]!.id);
    expect(view(chat)).toEqual(['user:complete', 'assistant:interrupted', 'user:complete', 'assistant:complete']);
    expect(s.sends()).toHaveLength(2);
    await chat.sync();
    expect(view(chat)).toHaveLength(4);
  });

  it('a reply silent past idleTimeoutMs is interrupted', async () => {
    const s = await stack({ emulator: { faults: { tokenDelayMs: 2000 } }, proxy: { keepAliveMs: 0 } });
    const chat = s.chat({ idleTimeoutMs: 300 });
    const started = Date.now();
    await chat.send('hi');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(view(chat)).toEqual(['user:complete', 'assistant:interrupted']);
    expect(chat.messages.value[1]?.error?.code).toBe('idle_timeout');
    // Cancelling the read went all the way up: the emulator saw its client leave.
    await until(() => s.sends()[0]?.aborted === true, 'the upstream abort');
  });

  it('the proxy’s keep-alives hold a slow reply open past the idle timeout', async () => {
    // Tokens 1.2 s apart, the chat gives up after 0.6 s of silence, keep-alives every 0.1 s (margins for a busy CI machine).
    const s = await stack({ emulator: { faults: { tokenDelayMs: 1200 }, reply: () => 'one two' }, proxy: { keepAliveMs: 100 } });
    const chat = s.chat({ idleTimeoutMs: 600 });
    await chat.send('hi');
    expect(view(chat)).toEqual(['user:complete', 'assistant:complete']);
    expect(text(chat, 1)).toBe('one two');
  });

  it('stop() aborts the request, the proxy aborts upstream, and the partial reply is kept', async () => {
    const s = await stack({ emulator: { faults: { tokenDelayMs: 40 } } });
    const chat = s.chat();
    const sending = chat.send('tell me a long story');
    await until(() => text(chat, 1).length > 0, 'the first tokens');
    chat.stop();
    await sending;
    expect(view(chat)).toEqual(['user:complete', 'assistant:stopped']);
    const partial = text(chat, 1);
    expect(partial.length).toBeGreaterThan(0);
    await until(() => s.sends()[0]?.stream === 'aborted', 'the upstream abort');
    expect(s.sends()[0]?.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(text(chat, 1)).toBe(partial);
  });

  it('a message sent in one tab shows up in another tab of the same visitor, by `since`', async () => {
    const s = await stack();
    const one = s.chat();
    await one.send('from tab one');
    // The second tab reads the token the first one stored.
    const token = JSON.stringify({ v: 1, sessionId: one.sessionId.value });
    const two = s.chat({ storage: { getItem: () => token, setItem() {}, removeItem() {} } });
    await two.loadHistory();
    const contents = (chat: Chat) => chat.messages.value.map((m) => m.content);
    expect(contents(two)).toEqual(contents(one));

    await one.send('again from tab one');
    const before = s.emulator.log.length;
    expect(await two.sync()).toBe(true);
    expect(contents(two)).toEqual(contents(one));
    expect(s.emulator.log.slice(before).map((entry) => [entry.route, 'since' in entry.query])).toEqual([['history', true]]);
    expect(await two.sync()).toBe(false);
    expect(contents(two)).toEqual(contents(one));
  });

  it('another visitor cannot read the conversation through a copied token', async () => {
    const s = await stack();
    const one = s.chat();
    await one.send('secret');
    const token = one.sessionId.value!;
    const other = s.chat({ storage: { getItem: () => JSON.stringify({ v: 1, sessionId: token }), setItem() {}, removeItem() {} } }, 'visitor-2');
    await other.loadHistory();
    expect(other.messages.value).toEqual([]);
    expect(other.sessionId.value).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseReply } from '../../demo/emulator/replies.js';
import { readStream, startEmulator, type EmulatorRig } from './support.js';

describe('emulator: the reply stream', () => {
  let rig: EmulatorRig;
  beforeAll(async () => {
    rig = await startEmulator();
  });
  afterAll(() => rig.close());

  it('streams one JSON text event per token, then done', async () => {
    const response = await rig.send({ message: 'Tell me about streams', peerId: 'peer_s' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const stream = await readStream(response);

    expect(stream.types.at(-1)).toBe('done');
    expect(stream.types.slice(0, -1).every((type) => type === 'text')).toBe(true);
    expect(stream.events.length).toBeGreaterThan(10);
    expect(stream.text).toBe(chooseReply('Tell me about streams', undefined));
    // One JSON object per `data:` line, LF endings, a blank line after each event.
    for (const block of stream.raw.split('\n\n').filter(Boolean)) expect(block).toMatch(/^data: \{.*\}$/);
  });

  it('works with the raw client from Agento’s guide (split on \\n, read data: lines)', async () => {
    const response = await rig.send({ message: 'hello' });
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    let buffer = '';
    let reply = '';
    let done = false;
    while (!done) {
      const chunk = await reader.read();
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data: ')) continue;
        const event = JSON.parse(line.slice(6)) as { type: string; content?: string };
        if (event.type === 'text') reply += event.content;
        if (event.type === 'done') done = true;
      }
    }
    expect(done).toBe(true);
    expect(reply).toMatch(/^Hello! 👋 I'm the Agento emulator/);
  });

  it('paces tokens, sending the first before the last is ready', async () => {
    const paced = await startEmulator({ tokenDelayMs: 25 });
    try {
      const started = performance.now();
      const response = await paced.send({ message: 'one two three four five six seven eight' });
      const reader = response.body!.getReader();
      await reader.read();
      const firstAt = performance.now() - started;
      while (!(await reader.read()).done);
      const lastAt = performance.now() - started;
      expect(lastAt - firstAt).toBeGreaterThan(20 * 20); // ≥ 21 tokens of 25 ms each, some slack
    } finally {
      await paced.close();
    }
  });

  it('greets by name from an object context, and shows a string context back', async () => {
    const greeting = await readStream(await rig.send({ message: 'hello', context: { name: 'Ada', plan: 'pro' } }));
    expect(greeting.text).toMatch(/^Hello, Ada! /);
    const shown = await readStream(await rig.send({ message: 'what context do you have?', context: 'site: docs\npage: /pricing' }));
    expect(shown.text).toContain('```\nsite: docs\npage: /pricing\n```');
  });

  it('refuses a context over 2000 characters after formatting, or one that is not a string or object', async () => {
    const long = await rig.send({ message: 'hi', context: { note: 'x'.repeat(1995) } });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe('context_too_long');
    expect((await rig.send({ message: 'hi', context: { note: 'x'.repeat(1994) } })).status).toBe(200);
    expect((await rig.send({ message: 'hi', context: 42 })).status).toBe(400);
  });

  it('answers "markdown" with every kind of formatting', async () => {
    const { text } = await readStream(await rig.send({ message: 'show me the markdown demo' }));
    expect(text).toMatch(/^## /m);
    expect(text).toContain('**Markdown**');
    expect(text).toContain('*italic*');
    expect(text).toMatch(/^- /m);
    expect(text).toMatch(/^ {3}1\. /m); // a nested ordered list
    expect(text).toContain('```ts\n');
    expect(text).toContain('| --- | --- |');
    expect(text).toContain('](https://agento.host)');
    expect(text).toMatch(/^> /m);
    expect(text).toContain('`inline code`');
  });

  it('answers "long" with many paragraphs, and "help" with the fault words', async () => {
    const long = await readStream(await rig.send({ message: 'a long one please' }));
    expect(long.text.split('\n\n').length).toBeGreaterThanOrEqual(8);
    const help = await readStream(await rig.send({ message: 'help' }));
    for (const word of ['cut', 'error', '429', '500', 'slow', 'crlf', 'ping', 'unknown', 'done']) {
      expect(help.text).toContain(`/fault ${word}`);
    }
  });

  it('uses a custom reply function when given one', async () => {
    const custom = await startEmulator({ reply: (message, context) => `${message.toUpperCase()} (${context})` });
    try {
      expect((await readStream(await custom.send({ message: 'quiet', context: 'ctx' }))).text).toBe('QUIET (ctx)');
    } finally {
      await custom.close();
    }
  });
});

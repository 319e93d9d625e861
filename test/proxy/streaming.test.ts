import { describe, expect, it } from 'vitest';
import { createAgentoProxy } from '../../widget/proxy/index.js';
import { aborted, API_KEY, chunksOf, fakeUpstream, manualStream, SECRET, sseHeaders, startRig } from './rig.js';

const TEXT = 'data: {"type":"text","content":"Hel"}\n\n';
const DONE = 'data: {"type":"done"}\n\n';
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An upstream whose reply stream the test writes by hand. */
function handWrittenUpstream() {
  const stream = manualStream();
  const upstream = fakeUpstream(() => new Response(stream.body, { headers: sseHeaders }));
  return { stream, upstream };
}

describe('reply streams', () => {
  it('delivers the first event while upstream is still streaming (no buffering)', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler });
    const response = await rig.as('alice').send({ message: 'hi' });
    const reader = chunksOf(response);

    stream.push(TEXT); // ...and hold the stream open
    expect(await reader.until('\n\n')).toBe(TEXT);

    stream.push(DONE);
    stream.close();
    expect(await reader.until(DONE)).toBe(DONE);
    expect(await reader.next()).toBeNull();
  });

  it('passes every byte through unchanged: CRLF, comments, event fields, unknown types, [DONE], split UTF-8', async () => {
    const encoder = new TextEncoder();
    const parts = [
      ': ping\r\n\r\n',
      'event: thinking\r\ndata: {"type":"thinking","content":"…"}\r\n\r\n',
      'data: {"type":"tool_call","name":"search"}\n\n',
      'data: {"type":"text","content":"héllo 👋"}\n\n',
      'data: {"type":"error","error":{"code":"x","message":"y"}}\n\n',
      'data: [DONE]\n\n',
    ];
    const bytes = encoder.encode(parts.join(''));
    const emoji = bytes.indexOf(0xf0); // split the emoji's four bytes across chunks
    const chunks = [bytes.subarray(0, 20), bytes.subarray(20, emoji + 2), bytes.subarray(emoji + 2)];
    const upstream = fakeUpstream(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(chunk);
              controller.close();
            },
          }),
          { headers: sseHeaders },
        ),
    );
    const rig = await startRig({ upstream: upstream.handler });

    const response = await rig.as('alice').send({ message: 'hi' });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('sends a keep-alive comment after keepAliveMs of upstream silence, between events', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler, proxy: { keepAliveMs: 40 } });
    const reader = chunksOf(await rig.as('alice').send({ message: 'hi' }));

    stream.push(TEXT);
    const received = await reader.until(`${TEXT}: keep-alive\n\n`);
    stream.push(DONE);
    stream.close();
    let rest = '';
    for (let chunk = await reader.next(); chunk !== null; chunk = await reader.next()) rest += chunk;

    expect(received).toBe(`${TEXT}: keep-alive\n\n`);
    expect(rest.replaceAll(': keep-alive\n\n', '')).toBe(DONE);
  });

  it('sends a keep-alive before the first event when upstream is silent from the start', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler, proxy: { keepAliveMs: 30 } });
    const reader = chunksOf(await rig.as('alice').send({ message: 'hi' }));

    expect(await reader.next()).toBe(': keep-alive\n\n');
    stream.close();
  });

  it('never puts a keep-alive inside a partial line, and resumes once the event ends (CRLF too)', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler, proxy: { keepAliveMs: 20 } });
    const reader = chunksOf(await rig.as('alice').send({ message: 'hi' }));

    stream.push('data: {"type":"text",');
    await delay(120); // six keep-alive periods of silence mid-line
    stream.push('"content":"a"}\r\n');
    await delay(120); // and mid-event: one line ending is not the end of the event
    stream.push('\r\n');
    const text = await reader.until(': keep-alive\n\n');
    stream.close();

    expect(text).toBe('data: {"type":"text","content":"a"}\r\n\r\n: keep-alive\n\n');
  });

  it('keepAliveMs: 0 sends no keep-alive', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler, proxy: { keepAliveMs: 0 } });
    const response = await rig.as('alice').send({ message: 'hi' });
    await delay(60);
    stream.push(DONE);
    stream.close();
    expect(await response.text()).toBe(DONE);
  });

  it('aborts the upstream request when the client goes away mid-stream', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler });
    const client = new AbortController();
    const reader = chunksOf(await rig.as('alice').send({ message: 'hi' }, { signal: client.signal }));
    stream.push(TEXT);
    await reader.until('\n\n');

    client.abort();

    await aborted(upstream.calls[0]!.signal); // the upstream server saw its request go away
    expect(upstream.calls[0]!.signal.aborted).toBe(true);
  });

  it('stops the emulator’s reply when the client goes away mid-stream', async () => {
    let abortedEntries = 0;
    const rig = await startRig({ emulator: { tokenDelayMs: 30, onStreamAbort: () => (abortedEntries += 1) } });
    const client = new AbortController();
    const reader = chunksOf(await rig.as('alice').send({ message: 'tell me something long' }, { signal: client.signal }));
    await reader.until('"type":"text"');

    client.abort();

    await expect.poll(() => rig.emulator.log[0]?.stream).toBe('aborted');
    expect(abortedEntries).toBe(1);
  });

  it('aborts the upstream request when the reply stream is cancelled (runtimes without request.signal)', async () => {
    const { stream, upstream } = handWrittenUpstream();
    const rig = await startRig({ upstream: upstream.handler });
    const handler = createAgentoProxy({
      apiKey: API_KEY,
      agentId: 'agent_demo',
      secret: SECRET,
      baseUrl: rig.upstreamUrl,
      identify: () => ({ peerId: 'alice' }),
    });
    // Called directly: this request's signal never aborts, only the body's reader goes away.
    const response = await handler(
      new Request('http://localhost/api/agento/messages', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: 'hi' }),
      }),
    );
    stream.push(TEXT);
    const reader = response.body!.getReader();
    await reader.read();

    await reader.cancel();

    await aborted(upstream.calls[0]!.signal);
    expect(upstream.calls[0]!.signal.aborted).toBe(true);
  });

  it('works with the raw client from Agento’s guide (fetch, split on \\n, parse data: lines, stop at done)', async () => {
    const rig = await startRig({
      emulator: { tokenDelayMs: 2, faults: { ping: true, unknownEvents: true } },
      proxy: { keepAliveMs: 1 }, // keep-alives between nearly every event
    });

    // The guide's client, verbatim but for the URL and headers.
    async function ask(url: string, headers: Record<string, string>, body: object): Promise<string> {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let answer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith('data: ')) continue;
          const event = JSON.parse(line.slice(6)) as { type: string; content?: string };
          if (event.type === 'text') answer += event.content;
          if (event.type === 'done') {
            await reader.cancel();
            return answer;
          }
        }
      }
      throw new Error('the stream ended without done');
    }

    const viaProxy = await ask(`${rig.endpoint}/messages`, { 'X-Visitor': 'alice' }, { message: 'markdown demo' });
    const direct = await ask(
      `${rig.upstreamUrl}/v1/agents/agent_demo/chat/messages`,
      { 'X-Api-Key': API_KEY },
      { message: 'markdown demo', peerId: 'bob' },
    );

    expect(viaProxy.length).toBeGreaterThan(100);
    expect(viaProxy).toBe(direct);
    expect(rig.emulator.log.map((entry) => entry.stream)).toEqual(['done', 'done']);
  });
});

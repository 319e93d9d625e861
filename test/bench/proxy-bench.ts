import { spawn } from 'node:child_process';
import { createEmulator } from '../../demo/emulator/index.js';
import { listen } from '../helpers/http-server.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Counts the `text` events of an SSE response, reading it as a plain client would. */
async function countEvents(response: Response): Promise<{ text: number; done: boolean }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let text = 0;
  let done = false;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    buffer += chunk.value;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('data: {"type":"text"')) text++;
      if (line.startsWith('data: {"type":"done"')) done = true;
    }
  }
  return { text, done };
}

/** The proxy in a process of its own, so its memory can be read apart from the clients and the emulator. */
async function startProxyProcess(upstream: string): Promise<{ url: string; memory(): Promise<number>; close(): void }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./proxy-process.ts', import.meta.url).pathname], {
    env: { ...process.env, UPSTREAM: upstream },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => child.stdout!.once('data', (data: Buffer) => resolve(data.toString().trim())));
  return {
    url,
    memory: async () => ((await (await fetch(`${url}/__memory`)).json()) as { rss: number }).rss,
    close: () => child.kill(),
  };
}

export interface ProxyResult {
  directMs: number;
  proxiedMs: number;
  addedPerEventUs: number;
  concurrent: number;
  eventsLost: number;
  memoryPerStreamKb: number;
}

export async function benchProxy(events = 2000, concurrent = 200): Promise<ProxyResult> {
  const words = Array.from({ length: events }, (_, i) => `w${i}`).join(' ');
  const emulator = createEmulator({ tokenDelayMs: 0, rateLimit: false, reply: () => words });
  const upstream = await listen(emulator.handler);
  const proxy = await startProxyProcess(upstream.url);
  const send = (base: string, path: string, visitor: string) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'ak_test_emulator', 'X-Visitor': visitor },
      body: JSON.stringify({ message: 'bench' }),
    });
  try {
    const direct: number[] = [];
    const proxied: number[] = [];
    let sent = 0;
    for (let run = 0; run < 12; run++) {
      if (run === 3) direct.length = proxied.length = 0; // the first runs warm up the JIT on both paths
      let start = performance.now();
      const a = await countEvents(await send(upstream.url, '/v1/agents/agent_demo/chat/messages', 'd'));
      direct.push(performance.now() - start);
      start = performance.now();
      const b = await countEvents(await send(proxy.url, '/api/agento/messages', `p${run}`));
      proxied.push(performance.now() - start);
      sent = a.text;
      if (a.text !== b.text) throw new Error(`proxy lost events: ${a.text} direct, ${b.text} proxied`);
    }

    // Many slow streams at once: every event must arrive; memory is read while all are open.
    const slowWords = 150;
    const slowEmulatorReply = Array.from({ length: slowWords }, (_, i) => `s${i}`).join(' ');
    const slow = createEmulator({ tokenDelayMs: 10, rateLimit: false, reply: () => slowEmulatorReply });
    const slowUpstream = await listen(slow.handler);
    const slowProxy = await startProxyProcess(slowUpstream.url);
    try {
      const before = await slowProxy.memory();
      const streams = Array.from({ length: concurrent }, (_, i) => send(slowProxy.url, '/api/agento/messages', `v${i}`).then(countEvents));
      await new Promise((resolve) => setTimeout(resolve, 700));
      const during = await slowProxy.memory();
      const results = await Promise.all(streams);
      const lost = results.reduce((sum, r) => sum + (slowWords - r.text) + (r.done ? 0 : 1), 0);
      return {
        directMs: median(direct),
        proxiedMs: median(proxied),
        addedPerEventUs: ((median(proxied) - median(direct)) / sent) * 1000,
        concurrent,
        eventsLost: lost,
        memoryPerStreamKb: (during - before) / concurrent / 1024,
      };
    } finally {
      slowProxy.close();
      await slowUpstream.close();
    }
  } finally {
    proxy.close();
    await upstream.close();
  }
}

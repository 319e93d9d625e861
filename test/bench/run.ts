// `npm run bench`: measures the built widget in Chromium and the proxy in Node, and prints one table.
// Run `npm run build` first (the npm script does).
import { launchChromium } from '../browser/chromium.js';
import { benchOpen, benchStream, type StreamResult } from './browser-bench.js';
import { startBenchServer } from './bench-server.js';
import { benchProxy } from './proxy-bench.js';

const ms = (n: number) => `${n.toFixed(0)} ms`;
const under50 = (n: number) => (n ? ms(n) : '< 50 ms');
const longest = (r: StreamResult) => under50(r.longestTaskMs) + (r.worstTaskMs > r.longestTaskMs ? ` (worst run ${ms(r.worstTaskMs)})` : '');
const rows: string[][] = [];

const server = await startBenchServer();
const browser = await launchChromium();
try {
  const results: Record<string, Record<number, StreamResult>> = { floor: {}, widget: {} };
  for (const renderer of ['floor', 'widget'] as const) {
    for (const count of [2000, 8000]) results[renderer]![count] = await benchStream(browser, server.url, renderer, count);
  }
  for (const renderer of ['floor', 'widget'] as const) {
    const r = results[renderer]!;
    const perToken2k = r[2000]!.totalMs / 2000;
    const perToken8k = r[8000]!.totalMs / 8000;
    rows.push([
      `stream: ${renderer === 'floor' ? 'floor (textNode.appendData)' : 'agento-chat (Markdown)'}`,
      `2k: ${ms(r[2000]!.totalMs)} (${(perToken2k * 1000).toFixed(0)} µs/token) · 8k: ${ms(r[8000]!.totalMs)} (${(perToken8k * 1000).toFixed(0)} µs/token)`,
      `8k/2k total ${(r[8000]!.totalMs / r[2000]!.totalMs).toFixed(2)} (linear 4) · per token ${(perToken8k / perToken2k).toFixed(2)}× · longest task 2k: ${longest(r[2000]!)} · 8k: ${longest(r[8000]!)}`,
    ]);
  }
  rows.push([
    'stream: widget vs floor',
    `2k: ${(results.widget![2000]!.totalMs / results.floor![2000]!.totalMs).toFixed(2)}× · 8k: ${(results.widget![8000]!.totalMs / results.floor![8000]!.totalMs).toFixed(2)}×`,
    'goal ≤ 2×',
  ]);
  for (const stored of [50, 1000]) {
    rows.push([`open with ${stored} stored messages`, ms(await benchOpen(browser, server.url, stored)), 'click → newest message painted (panel loaded on demand)']);
  }
} finally {
  await browser.close();
  await server.close();
}

const proxy = await benchProxy();
rows.push([
  'proxy: 2,000-event stream',
  `direct ${ms(proxy.directMs)} · through proxy ${ms(proxy.proxiedMs)}`,
  `adds ${proxy.addedPerEventUs.toFixed(1)} µs per event`,
]);
rows.push([
  `proxy: ${proxy.concurrent} concurrent streams`,
  `events lost: ${proxy.eventsLost}`,
  `memory per open stream: ${proxy.memoryPerStreamKb.toFixed(1)} KB (proxy process RSS)`,
]);

console.log('\n| measure | result | notes |\n| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

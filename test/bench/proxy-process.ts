// The proxy alone in a process, for the bench: prints its URL, serves /__memory.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAgentoProxy, toNodeListener } from '../../widget/proxy/index.js';

const proxy = createAgentoProxy({
  apiKey: 'ak_test_emulator',
  agentId: 'agent_demo',
  baseUrl: process.env.UPSTREAM!,
  secret: 'bench-secret-bench-secret-bench-secret',
  identify: (request) => ({ peerId: request.headers.get('x-visitor') ?? 'bench' }),
  limits: false,
});
const listener = toNodeListener(proxy);
const server = createServer((req, res) => {
  if (req.url === '/__memory') {
    (globalThis as { gc?: () => void }).gc?.();
    res.end(JSON.stringify(process.memoryUsage()));
    return;
  }
  listener(req, res);
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));

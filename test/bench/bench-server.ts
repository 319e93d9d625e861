import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFrames } from './bench-stream.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };

/**
 * A server of the proxy contract that streams at full speed, for measuring the browser alone:
 * `POST /bench/api/messages` with message "N" streams N tokens; history session `hM` holds M messages.
 */
export async function startBenchServer(): Promise<{ url: string; close(): Promise<void> }> {
  let sessions = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench');
    if (url.pathname === '/bench/api/sessions' && req.method === 'POST') return json(res, 201, { sessionId: `s${++sessions}` });
    if (url.pathname === '/bench/api/messages' && req.method === 'POST') return stream(req, res);
    if (url.pathname === '/bench/api/messages') return history(url, res);
    return serveFile(url.pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function stream(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  for await (const chunk of req) body += chunk;
  const count = Number((JSON.parse(body) as { message: string }).message);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  for (const frame of benchFrames(count)) {
    res.write(frame);
    await new Promise((resolve) => setImmediate(resolve)); // a burst per turn of the event loop
  }
  res.end();
}

function history(url: URL, res: ServerResponse) {
  const total = Number(url.searchParams.get('sessionId')?.slice(1) ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const data = [];
  for (let i = offset; i < Math.min(total, offset + limit); i++) {
    data.push({
      role: i % 2 ? 'assistant' : 'user',
      content: i % 2 ? `Answer ${i}: **bold**, a [link](https://example.com) and a list:\n\n- one\n- two` : `Question ${i}`,
      timestamp: new Date(start + i * 1000).toISOString(),
    });
  }
  json(res, 200, { data, pagination: { total, limit, offset } });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function serveFile(pathname: string, res: ServerResponse) {
  const path = normalize(join(root, pathname));
  if (!path.startsWith(root) || !existsSync(path) || !extname(path)) return json(res, 404, { error: { code: 'not_found', message: pathname } });
  res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
}

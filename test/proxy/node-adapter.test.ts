import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { toNodeListener } from '../../widget/proxy/index.js';
import { listen } from '../helpers/http-server.js';
import { aborted, chunksOf, manualStream } from './rig.js';

/** Serves a plain node:http listener (to play Express) on 127.0.0.1. */
async function serveNode(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serve(handler: (request: Request) => Promise<Response>): Promise<string> {
  const server = await listen(handler);
  onTestFinished(() => server.close());
  return server.url;
}

describe('toNodeListener', () => {
  it('builds the web Request: method, absolute URL from Host, headers and the streamed body', async () => {
    let seen: { method: string; url: string; type: string | null; custom: string | null; body: string } | undefined;
    const url = await serve(async (request) => {
      seen = {
        method: request.method,
        url: request.url,
        type: request.headers.get('content-type'),
        custom: request.headers.get('x-custom'),
        body: await request.text(),
      };
      return new Response('ok');
    });

    const response = await fetch(`${url}/api/agento/messages?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },
      body: '{"message":"hi"}',
    });

    expect(await response.text()).toBe('ok');
    expect(seen).toEqual({
      method: 'POST',
      url: `${url}/api/agento/messages?x=1`,
      type: 'application/json',
      custom: 'yes',
      body: '{"message":"hi"}',
    });
  });

  it('streams a large upload through', async () => {
    const url = await serve(async (request) => new Response(String((await request.arrayBuffer()).byteLength)));
    const response = await fetch(url, { method: 'PUT', body: new Uint8Array(3 * 1024 * 1024) });
    expect(await response.text()).toBe(String(3 * 1024 * 1024));
  });

  it('writes status and headers, several Set-Cookie included', async () => {
    const url = await serve(async () => {
      const headers = new Headers({ 'X-One': '1' });
      headers.append('Set-Cookie', 'a=1; HttpOnly');
      headers.append('Set-Cookie', 'b=2; Path=/');
      return new Response('made', { status: 201, headers });
    });
    const response = await fetch(url);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-one')).toBe('1');
    expect(response.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2; Path=/']);
    expect(await response.text()).toBe('made');
  });

  it('writes each chunk as it arrives', async () => {
    const stream = manualStream();
    const url = await serve(async () => new Response(stream.body));
    const reader = chunksOf(await fetch(url));

    stream.push('first');
    expect(await reader.next()).toBe('first');
    stream.push('second');
    expect(await reader.next()).toBe('second');
    stream.close();
    expect(await reader.next()).toBeNull();
  });

  it('aborts request.signal and cancels the response body when the client goes away', async () => {
    const stream = manualStream();
    let signal: AbortSignal | undefined;
    const url = await serve(async (request) => {
      signal = request.signal;
      return new Response(stream.body);
    });
    const client = new AbortController();
    const reader = chunksOf(await fetch(url, { signal: client.signal }));
    stream.push('first');
    await reader.next();

    client.abort();

    await aborted(signal!);
    await expect.poll(() => stream.cancelled).toBe(true);
  });

  it('does not abort request.signal after a complete answer', async () => {
    let signal: AbortSignal | undefined;
    const url = await serve(async (request) => {
      signal = request.signal;
      return new Response('done');
    });
    await (await fetch(url)).text();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal?.aborted).toBe(false);
  });

  it('answers 500 with a fixed JSON body when the handler throws, leaking nothing', async () => {
    const url = await serve(async () => {
      throw new Error('connection string postgres://user:pw@db');
    });
    const response = await fetch(url);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe('{"error":{"code":"internal","message":"Internal error"}}');
  });

  it('works as Express middleware: the full URL from originalUrl, and a body a parser already read', async () => {
    let seen: { url: string; body: string } | undefined;
    const listener = toNodeListener(async (request) => {
      seen = { url: request.url, body: await request.text() };
      return new Response('ok');
    });
    const url = await serveNode((req, res) => {
      // What `app.use('/api/agento', express.json(), listener)` leaves behind.
      const express = req as IncomingMessage & { originalUrl: string; body: unknown };
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        express.originalUrl = req.url!;
        express.url = req.url!.replace('/api/agento', '');
        express.body = JSON.parse(Buffer.concat(chunks).toString());
        listener(req, res, () => {});
      });
    });

    await (await fetch(`${url}/api/agento/messages`, { method: 'POST', body: '{"message":"hi"}' })).text();
    expect(seen).toEqual({ url: `${url}/api/agento/messages`, body: '{"message":"hi"}' });
  });
});

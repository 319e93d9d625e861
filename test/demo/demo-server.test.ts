import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDemoServer, type DemoServer } from '../../demo/dev-server.js';
import { readStream } from '../emulator/support.js';
import { rawGet, Visitor } from './demo-client.js';

describe('demo server (startDemoServer, emulator behind the proxy)', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0, emulator: { tokenDelayMs: 0 } });
  });
  beforeEach(() => server.emulator.reset());
  afterAll(() => server.close());

  describe('visitor cookie', () => {
    it('is set on the first request, HttpOnly, and identifies the visitor on that very request', async () => {
      const response = await fetch(`${server.url}/api/agento/sessions`, { method: 'POST' });
      expect(response.status).toBe(201);
      const [cookie, ...others] = response.headers.getSetCookie();
      expect(others).toEqual([]);
      expect(cookie).toMatch(/^agento_visitor=[A-Za-z0-9_-]{24}; /);
      expect(cookie).toContain('; HttpOnly');
      expect(cookie).toContain('; SameSite=Lax');
      expect(cookie).toContain('; Path=/');
      const id = cookie?.split(';')[0]?.split('=')[1];
      expect(server.emulator.log.at(-1)?.body).toEqual({ peerId: `visitor_${id}` });
    });

    it('is kept on later requests, and replaced when it is not a valid ID', async () => {
      const visitor = new Visitor(server.url);
      await visitor.newSession();
      const first = visitor.cookie;
      const again = await visitor.fetch('/api/agento/sessions', { method: 'POST' });
      expect(again.headers.getSetCookie()).toEqual([]);
      expect(visitor.cookie).toBe(first);

      visitor.cookie = 'agento_visitor=../../etc';
      await visitor.newSession();
      expect(visitor.cookie).toMatch(/^agento_visitor=[A-Za-z0-9_-]{24}$/);
    });

    it('is not set on static pages', async () => {
      expect((await fetch(server.url)).headers.getSetCookie()).toEqual([]);
    });
  });

  it('carries a full conversation like a browser: new session, streamed reply, history', async () => {
    const visitor = new Visitor(server.url, '/pricing?plan=studio');
    const sessionId = await visitor.newSession();

    const reply = await visitor.send(sessionId, 'hello');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = await readStream(reply);
    expect(stream.types.at(-1)).toBe('done');
    expect(stream.text).toMatch(/^Hello! 👋/);

    const history = await visitor.history(sessionId);
    expect(history.status).toBe(200);
    const page = (await history.json()) as { data: { role: string; content: string }[]; pagination: { total: number } };
    expect(page.data).toEqual([
      expect.objectContaining({ role: 'user', content: 'hello' }),
      expect.objectContaining({ role: 'assistant', content: stream.text }),
    ]);
    expect(page.pagination.total).toBe(2);

    // Upstream saw the visitor's peerId and the demo context, and the browser sent neither.
    const send = server.emulator.log.find((entry) => entry.route === 'send');
    expect(send?.body).toMatchObject({
      message: 'hello',
      peerId: visitor.cookie?.replace('agento_visitor=', 'visitor_'),
      context: 'site: agento-chat demo\npage: /pricing',
    });
    expect(send?.headers['x-api-key']).toBe('ak_test_emulator');
  });

  it("refuses another visitor's session token, without asking upstream", async () => {
    const alice = new Visitor(server.url);
    const token = await alice.newSession();
    await readStream(await alice.send(token, 'my secret plans'));

    const bob = new Visitor(server.url);
    const upstreamCalls = server.emulator.log.length;
    for (const response of [await bob.history(token), await bob.send(token, 'let me in')]) {
      expect([403, 404]).toContain(response.status);
      const text = await response.text();
      expect(text).not.toContain('my secret plans');
      expect(JSON.parse(text)).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect(server.emulator.log.length).toBe(upstreamCalls);
    expect(bob.cookie).not.toBe(alice.cookie);
  });

  it('aborts the upstream stream when the visitor goes away', async () => {
    server.emulator.faults.tokenDelayMs = 100;
    const visitor = new Visitor(server.url);
    const sessionId = await visitor.newSession();
    const controller = new AbortController();
    const response = await visitor.send(sessionId, 'long', { signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
    await vi.waitFor(() => expect(server.emulator.log.find((entry) => entry.route === 'send')?.aborted).toBe(true));
  });

  it('serves the emulator at /__agento, guarded by its key', async () => {
    const response = await fetch(`${server.url}/__agento/v1/agents/agent_demo/chat/sessions`, { method: 'POST' });
    expect(response.status).toBe(401);
  });

  describe('static files', () => {
    it('serves index.html at / with a strict CSP, and the page stylesheet', async () => {
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('<agento-chat endpoint="/api/agento" title="Agento assistant"></agento-chat>');
      expect(html).not.toMatch(/style=|<style|<script>(?!<\/script>)/);

      const css = await fetch(`${server.url}/demo/page.css`);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect(css.headers.get('content-security-policy')).toBeNull();
      expect((await fetch(`${server.url}/demo/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    });

    it('answers HEAD without a body and refuses other methods', async () => {
      const head = await fetch(`${server.url}/index.html`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(Number(head.headers.get('content-length'))).toBeGreaterThan(1000);
      expect((await fetch(`${server.url}/index.html`, { method: 'DELETE' })).status).toBe(405);
    });

    it.each(['/nope.html', '/.gitignore', '/.git/HEAD', '/%E0%A4%A'])('answers 404 to %s', async (path) => {
      expect((await rawGet(server.url, path)).status).toBe(404);
    });
  });
});

describe('demo server static root', () => {
  let server: DemoServer;
  beforeAll(async () => {
    // Served from demo/, so the repository's package.json is one level above the root.
    server = await startDemoServer({ root: new URL('../../demo', import.meta.url).pathname, csp: false, emulator: {} });
  });
  afterAll(() => server.close());

  it('serves another root, and can drop the CSP', async () => {
    const css = await fetch(`${server.url}/page.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-security-policy')).toBeNull();
    expect((await fetch(server.url)).status).toBe(404); // no index.html in demo/
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/emulator/..%2f..%2fpackage.json',
    '/..%5cpackage.json',
    '/emulator/%2e%2e/%2e%2e/package.json',
    '/%00../package.json',
  ])('never leaves the root: 404 to %s', async (path) => {
    const { status, body } = await rawGet(server.url, path);
    expect(status).toBe(404);
    expect(body).not.toContain('"devDependencies"');
  });
});

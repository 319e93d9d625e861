import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { agentoDemo } from '../../demo/dev-server.js';
import { readStream } from '../emulator/support.js';
import { Visitor } from './demo-client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('agentoDemo() Vite plugin', () => {
  it('mounts the proxy and the emulator on the dev server, and says the emulator is in use', async () => {
    const lines: string[] = [];
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, strictPort: true, hmr: false, watch: null },
      plugins: [agentoDemo({ env: {}, emulator: { tokenDelayMs: 0 }, log: (line) => lines.push(line) })],
    });
    onTestFinished(() => server.close());
    await server.listen();
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';

    expect(lines.filter((line) => line.includes('emulator'))).toEqual([
      expect.stringMatching(new RegExp(`^Agento: no AGENTO_API_KEY set, using the built-in emulator at ${url}/__agento`)),
    ]);
    expect(lines.some((line) => line.includes('AGENTO_PROXY_SECRET'))).toBe(true);

    const visitor = new Visitor(url);
    const sessionId = await visitor.newSession();
    const stream = await readStream(await visitor.send(sessionId, 'markdown'));
    expect(stream.text).toContain('```ts');
    expect(visitor.cookie).toMatch(/^agento_visitor=/);

    const page = await fetch(url);
    expect(await page.text()).toContain('<agento-chat endpoint="/api/agento"');
  });

  it('mounts them on the preview server too', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'agento-preview-'));
    onTestFinished(() => rm(outDir, { recursive: true, force: true }));
    await writeFile(join(outDir, 'index.html'), '<!doctype html><title>preview</title>');
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true },
      plugins: [agentoDemo({ env: {}, emulator: { tokenDelayMs: 0 }, log: () => {} })],
    });
    onTestFinished(() => server.close());
    const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';

    const visitor = new Visitor(url);
    const sessionId = await visitor.newSession();
    expect((await readStream(await visitor.send(sessionId, 'hi'))).types.at(-1)).toBe('done');
  });
});

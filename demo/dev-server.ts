/// <reference types="node" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import type { Emulator, EmulatorOptions } from './emulator/index.js';
import { describeDemoConfig, readDemoConfig, type DemoEnv } from './server/demo-config.js';
import { createDemoStack, EMULATOR_PATH } from './server/demo-stack.js';
import { createStaticFiles } from './server/static-files.js';

/** Options of {@link agentoDemo}. */
export interface DemoOptions {
  /** Where `AGENTO_*` settings are read. @defaultValue `process.env` */
  env?: DemoEnv;
  /** Emulator options; passing them forces the emulator whatever `env` says. */
  emulator?: EmulatorOptions;
  /** Start-up notes and upstream errors. @defaultValue `console.info` */
  log?: (line: string) => void;
}

/**
 * The Vite plugin behind `npm start`: mounts the Agento proxy at `/api/agento` (with a visitor
 * cookie as identity) and, with no `AGENTO_API_KEY`, the emulator at `/__agento`, on both the dev
 * and the preview server.
 */
export function agentoDemo(options: DemoOptions = {}): Plugin {
  const mount = (server: ViteDevServer | PreviewServer) => {
    const log = options.log ?? ((line: string) => console.info(line));
    const config = readDemoConfig(options.env ?? process.env, options.emulator !== undefined);
    const httpServer = server.httpServer as Server | null; // null in middleware mode: origin falls back to PORT
    const stack = createDemoStack({ config, emulator: options.emulator, log, origin: () => originOf(httpServer) });
    // Added directly (not in a returned hook) so it runs before Vite's own middlewares.
    server.middlewares.use(stack.middleware);

    const announce = () => describeDemoConfig(config, `${originOf(httpServer)}${EMULATOR_PATH}`).forEach((line) => log(line));
    if (httpServer && !httpServer.listening) httpServer.once('listening', announce);
    else announce();
  };
  return {
    name: 'agento-demo',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Options of the emulator behind the proxy. @defaultValue the emulator's defaults (realistic pacing) */
  emulator?: EmulatorOptions;
  /** Start-up notes and upstream errors. @defaultValue silent */
  log?: (line: string) => void;
  /** `0` picks a free port. @defaultValue 0 */
  port?: number;
  /** @defaultValue `'127.0.0.1'` */
  host?: string;
  /** The directory served as static files. @defaultValue the repository root */
  root?: string;
  /** The CSP of HTML pages, or `false` for none. @defaultValue `DEMO_CSP` (self only, nothing inline) */
  csp?: string | false;
}

/** A running demo server. */
export interface DemoServer {
  /** For example `http://127.0.0.1:53211`; the proxy is at `${url}/api/agento`. */
  readonly url: string;
  /** The emulator behind the proxy. */
  readonly emulator: Emulator;
  /** Stops listening and cuts open connections, streams included. */
  close(): Promise<void>;
}

/**
 * The whole demo without Vite, for tests and browser tests: the proxy, the emulator and static
 * files from `root` (`index.html`, `demo/*.html`, `dist/*`), over `node:http`. Always the
 * emulator, whatever the environment says, so no test can reach the real API; the secret is random.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { port = 0, host = '127.0.0.1', root = fileURLToPath(new URL('..', import.meta.url)), csp } = options;
  const serveStatic = createStaticFiles({ root, ...(csp === undefined ? {} : { csp }) });
  let server: Server | null = null;
  const config = readDemoConfig({}, true);
  const log = options.log ?? (() => {});
  const stack = createDemoStack({ config, emulator: options.emulator ?? {}, log, origin: () => originOf(server) });
  server = createServer((req, res) => stack.middleware(req, res, () => void serveStatic(req, res)));

  const listening = server;
  await new Promise<void>((resolve, reject) => {
    listening.once('error', reject);
    listening.listen(port, host, resolve);
  });
  describeDemoConfig(config, `${originOf(listening)}${EMULATOR_PATH}`).forEach((line) => log(line));
  return {
    url: originOf(listening),
    emulator: stack.emulator as Emulator, // the config above always picks the emulator
    close: () =>
      new Promise<void>((resolve, reject) => {
        listening.close((error) => (error ? reject(error) : resolve()));
        listening.closeAllConnections();
      }),
  };
}

/** The origin a server listens on, as the proxy should call it: wildcard addresses become loopback. */
function originOf(server: Server | null): string {
  const address = server?.address() as AddressInfo | string | null | undefined;
  if (!address || typeof address === 'string') return `http://127.0.0.1:${Number(process.env.PORT ?? 5173)}`;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

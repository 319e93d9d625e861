/// <reference types="node" />
// Runs the emulator alone over HTTP: `npx tsx demo/emulator/serve.ts [port]` (default 8787), then
// point anything that speaks the Agento Chat API at http://127.0.0.1:8787 with key ak_test_emulator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { toNodeListener } from '../../widget/proxy/node-adapter.js';
import { createEmulator, EMULATOR_AGENT_ID, EMULATOR_API_KEY } from './create-emulator.js';
import type { Emulator, EmulatorOptions } from './types.js';

/** Options of {@link serveEmulator}: the emulator's own plus where to listen. */
export interface ServeEmulatorOptions extends EmulatorOptions {
  /** `0` picks a free port. @defaultValue 8787 */
  port?: number;
  /** @defaultValue `'127.0.0.1'` */
  host?: string;
}

/** A running emulator server. */
export interface EmulatorServer {
  /** Base URL of the API, for example `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly emulator: Emulator;
  /** Stops listening and cuts open streams. */
  close(): Promise<void>;
}

/** Starts the emulator on a real port. */
export async function serveEmulator(options: ServeEmulatorOptions = {}): Promise<EmulatorServer> {
  const { port = 8787, host = '127.0.0.1', ...emulatorOptions } = options;
  const emulator = createEmulator(emulatorOptions);
  const server = createServer(toNodeListener(emulator.handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
  const { url } = await serveEmulator({ port });
  console.log(`Agento emulator on ${url} (X-Api-Key: ${EMULATOR_API_KEY}, agent: ${EMULATOR_AGENT_ID})`);
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../../widget/proxy/node-adapter.js';

/** A running test server. */
export interface TestServer {
  /** Base URL, for example `http://127.0.0.1:53211`. */
  readonly url: string;
  /** Stops the server and destroys open connections, streaming ones included. */
  close(): Promise<void>;
}

/** Serves a web-standard handler over real HTTP on 127.0.0.1, on a free port. */
export async function listen(handler: (request: Request) => Promise<Response>): Promise<TestServer> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

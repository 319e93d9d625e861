/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAgentoProxy, toNodeListener, type NodeListener } from '../../widget/proxy/index.js';
import { createEmulator, EMULATOR_AGENT_ID, EMULATOR_API_KEY, type Emulator, type EmulatorOptions } from '../emulator/index.js';
import type { DemoConfig } from './demo-config.js';
import { ensureVisitorCookie, identifyVisitor } from './visitor-identity.js';

/** Where the widget's proxy is mounted: the `endpoint` of the demo page. */
export const PROXY_PATH = '/api/agento';
/** Where the emulator is mounted when it is the upstream. */
export const EMULATOR_PATH = '/__agento';

/** Connect-style middleware: Vite's, Express's, or called directly from `node:http`. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface DemoStack {
  /** Serves the proxy and, when used, the emulator; hands everything else to `next`. */
  readonly middleware: Middleware;
  /** The emulator, when it is the upstream. */
  readonly emulator: Emulator | undefined;
}

export interface DemoStackOptions {
  readonly config: DemoConfig;
  readonly emulator?: EmulatorOptions;
  /** This server's own origin (`http://127.0.0.1:5173`), asked on the first proxy request, once the server listens. */
  readonly origin: () => string;
  /** Where upstream trouble is reported; the proxy has already removed the key. */
  readonly log: (line: string) => void;
}

/**
 * Wires the demo: `/api/agento` gets a visitor cookie and then the proxy; with no API key,
 * `/__agento` serves the emulator and the proxy reaches it over real HTTP through this same
 * server, exactly as it would reach api.agento.host.
 */
export function createDemoStack(options: DemoStackOptions): DemoStack {
  const { config, log } = options;
  const emulator = config.upstream.kind === 'emulator' ? createEmulator(options.emulator) : undefined;
  const emulatorListener = emulator && toNodeListener(emulator.handler);
  let proxyListener: NodeListener | undefined;

  // Built on first use: the emulator's URL needs the port, known only once the server listens.
  const proxy = () =>
    (proxyListener ??= toNodeListener(
      createAgentoProxy({
        ...upstreamOf(config, options.origin),
        secret: config.secret,
        identify: identifyVisitor,
        onError: (error) => log(`Agento proxy: ${error.status} ${error.code}: ${error.message}`),
      }),
    ));

  return {
    emulator,
    middleware(req, res, next) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (isUnder(path, PROXY_PATH)) {
        ensureVisitorCookie(req, res);
        proxy()(req, res);
      } else if (emulatorListener && isUnder(path, EMULATOR_PATH)) {
        emulatorListener(req, res);
      } else {
        next();
      }
    },
  };
}

function upstreamOf(config: DemoConfig, origin: () => string) {
  if (config.upstream.kind === 'emulator') {
    return { apiKey: EMULATOR_API_KEY, agentId: EMULATOR_AGENT_ID, baseUrl: `${origin()}${EMULATOR_PATH}` };
  }
  const { apiKey, agentId, baseUrl } = config.upstream;
  return { apiKey, agentId, baseUrl };
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

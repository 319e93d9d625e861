/// <reference types="node" />
import { randomBytes } from 'node:crypto';

/** Where the demo's proxy sends messages. */
export type DemoUpstream =
  | { readonly kind: 'agento'; readonly apiKey: string; readonly agentId: string; readonly baseUrl: string }
  | { readonly kind: 'emulator' };

/** The demo server's settings, from the environment. */
export interface DemoConfig {
  readonly upstream: DemoUpstream;
  /** Signs session tokens. */
  readonly secret: string;
  /** True when no `AGENTO_PROXY_SECRET` was set and a random one is used. */
  readonly secretIsRandom: boolean;
}

/** The environment variables the demo reads. */
export interface DemoEnv {
  readonly AGENTO_API_KEY?: string | undefined;
  readonly AGENTO_AGENT_ID?: string | undefined;
  readonly AGENTO_API_BASE?: string | undefined;
  readonly AGENTO_PROXY_SECRET?: string | undefined;
}

export const DEFAULT_API_BASE = 'https://api.agento.host';

/** The proxy refuses shorter secrets; the demo says so at start-up rather than on the first message. */
const MIN_SECRET_LENGTH = 32;

/**
 * Reads `AGENTO_API_KEY`, `AGENTO_AGENT_ID`, `AGENTO_API_BASE` and `AGENTO_PROXY_SECRET`. With no
 * key (or `forceEmulator`) the built-in emulator is the upstream, so a fresh clone works offline.
 * @throws Error when a key is set without an agent ID, or the secret is shorter than 32 characters.
 */
export function readDemoConfig(env: DemoEnv, forceEmulator = false): DemoConfig {
  const apiKey = env.AGENTO_API_KEY?.trim();
  const secret = env.AGENTO_PROXY_SECRET?.trim();
  if (secret && secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`AGENTO_PROXY_SECRET must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 32).`);
  }
  let upstream: DemoUpstream = { kind: 'emulator' };
  if (apiKey && !forceEmulator) {
    const agentId = env.AGENTO_AGENT_ID?.trim();
    if (!agentId) throw new Error('AGENTO_API_KEY is set but AGENTO_AGENT_ID is not: set both to talk to your agent, or neither to use the emulator.');
    upstream = { kind: 'agento', apiKey, agentId, baseUrl: env.AGENTO_API_BASE?.trim() || DEFAULT_API_BASE };
  }
  return {
    upstream,
    // 32 random bytes: far above the proxy's 32-character minimum.
    secret: secret || randomBytes(32).toString('base64url'),
    secretIsRandom: !secret,
  };
}

/** What the demo tells the developer at start-up; never the key itself. */
export function describeDemoConfig(config: DemoConfig, emulatorUrl: string): string[] {
  const lines =
    config.upstream.kind === 'emulator'
      ? [`Agento: no AGENTO_API_KEY set, using the built-in emulator at ${emulatorUrl} (try "help" or "markdown demo" in the chat).`]
      : [`Agento: proxying to agent ${config.upstream.agentId} at ${config.upstream.baseUrl}.`];
  if (config.secretIsRandom) {
    lines.push('Agento: no AGENTO_PROXY_SECRET set, using a random one: conversations start afresh when the server restarts.');
  }
  return lines;
}

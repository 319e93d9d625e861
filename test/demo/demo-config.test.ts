import { describe, expect, it } from 'vitest';
import { describeDemoConfig, readDemoConfig } from '../../demo/server/demo-config.js';
import { identifyVisitor } from '../../demo/server/visitor-identity.js';

describe('readDemoConfig', () => {
  it('uses the emulator and a random secret when nothing is set', () => {
    const config = readDemoConfig({});
    expect(config.upstream).toEqual({ kind: 'emulator' });
    expect(config.secretIsRandom).toBe(true);
    expect(config.secret.length).toBeGreaterThanOrEqual(32);
    expect(readDemoConfig({}).secret).not.toBe(config.secret);
    const lines = describeDemoConfig(config, 'http://127.0.0.1:5173/__agento');
    expect(lines[0]).toMatch(/using the built-in emulator at http:\/\/127\.0\.0\.1:5173\/__agento/);
    expect(lines[1]).toMatch(/AGENTO_PROXY_SECRET.*restarts/);
  });

  it('talks to the real API with a key and an agent, base URL defaulting to api.agento.host', () => {
    const env = { AGENTO_API_KEY: 'ak_live_secret123', AGENTO_AGENT_ID: 'agent_7', AGENTO_PROXY_SECRET: 'x'.repeat(40) };
    const config = readDemoConfig(env);
    expect(config).toEqual({
      upstream: { kind: 'agento', apiKey: 'ak_live_secret123', agentId: 'agent_7', baseUrl: 'https://api.agento.host' },
      secret: 'x'.repeat(40),
      secretIsRandom: false,
    });
    expect(readDemoConfig({ ...env, AGENTO_API_BASE: 'https://eu.example' }).upstream).toMatchObject({ baseUrl: 'https://eu.example' });
    const lines = describeDemoConfig(config, 'unused');
    expect(lines).toEqual(['Agento: proxying to agent agent_7 at https://api.agento.host.']);
    expect(lines.join('\n')).not.toContain('ak_live_secret123');
  });

  it('refuses a key without an agent, and ignores both when the emulator is forced', () => {
    expect(() => readDemoConfig({ AGENTO_API_KEY: 'ak_live_secret123' })).toThrow(/AGENTO_AGENT_ID/);
    expect(readDemoConfig({ AGENTO_API_KEY: 'ak_live_secret123' }, true).upstream).toEqual({ kind: 'emulator' });
  });

  it('refuses a secret too short for the proxy, at start-up', () => {
    expect(() => readDemoConfig({ AGENTO_PROXY_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});

describe('identifyVisitor', () => {
  const request = (headers: Record<string, string>) => new Request('http://demo.test/api/agento/messages', { headers });

  it('turns the cookie into a peerId, with the site and the Referer path as context', () => {
    const visitor = identifyVisitor(
      request({ Cookie: 'theme=dark; agento_visitor=AbCdEfGhIjKlMnOpQrStUvWx', Referer: 'http://demo.test/pricing?x=1#faq' }),
    );
    expect(visitor).toEqual({ peerId: 'visitor_AbCdEfGhIjKlMnOpQrStUvWx', context: { site: 'agento-chat demo', page: '/pricing' } });
  });

  it('returns null without a valid cookie (the proxy answers 401)', () => {
    expect(identifyVisitor(request({}))).toBeNull();
    expect(identifyVisitor(request({ Cookie: 'agento_visitor=short' }))).toBeNull();
    expect(identifyVisitor(request({ Cookie: 'agento_visitor=../../../../etc/passwd/xxxxxx' }))).toBeNull();
  });
});

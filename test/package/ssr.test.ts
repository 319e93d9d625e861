// The built package in plain Node, as server-side rendering imports it: no DOM globals at all.
// Run after `npm run build` (`npm test` builds first).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-bin.js';


/** Imports `specifiers` in a fresh Node process whose `window`, `document` & co. throw when touched; returns what it saw. */
function importInNode(specifiers: string[]): { exports: Record<string, string[]>; touched: string[]; errors: string[] } {
  const script = `
    // The page's objects: reading one records it (and throws, as in Node). HTMLElement, customElements
    // and the like are simply missing, as in Node: the code may test them with typeof, never use them.
    const touched = [];
    for (const name of ['window', 'document', 'location', 'localStorage', 'sessionStorage', 'self']) {
      if (name in globalThis) throw new Error(name + ' exists in this Node: the test cannot see its use');
      Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); throw new ReferenceError(name + ' is not defined'); } });
    }
    for (const name of ['HTMLElement', 'customElements', 'requestAnimationFrame', 'CSSStyleSheet']) {
      if (name in globalThis) throw new Error(name + ' exists in this Node');
    }
    const exports = {}, errors = [];
    for (const specifier of ${JSON.stringify(specifiers)}) {
      try { exports[specifier] = Object.keys(await import(specifier)).sort(); }
      catch (error) { errors.push(specifier + ': ' + (error?.stack ?? error)); }
    }
    console.log(JSON.stringify({ exports, touched: [...new Set(touched)], errors }));
  `;
  const out = execFileSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('server-side rendering: the built package in plain Node', () => {
  it('the build is there (npm run build)', () => {
    for (const file of ['index.js', 'core.js', 'element.js', 'define.js', 'proxy.js']) expect(existsSync(join(ROOT, 'dist', file)), `dist/${file}`).toBe(true);
  });

  it('imports every entry point without touching window, document or any DOM global', () => {
    const result = importInNode(['agento-chat', 'agento-chat/core', 'agento-chat/element', 'agento-chat/define', 'agento-chat/proxy']);
    expect(result.errors).toEqual([]);
    expect(result.touched).toEqual([]);
    expect(result.exports['agento-chat']).toEqual(
      expect.arrayContaining(['AgentoChatElement', 'AgentoOpenEvent', 'AgentoMessageEvent', 'AgentoErrorEvent', 'AgentoSessionEvent', 'AgentoCloseEvent', 'createChat']),
    );
    expect(result.exports['agento-chat/element']).toEqual(
      ['AgentoChatElement', 'AgentoCloseEvent', 'AgentoErrorEvent', 'AgentoMessageEvent', 'AgentoOpenEvent', 'AgentoSessionEvent'],
    );
    expect(result.exports['agento-chat/define']).toEqual(['defineAgentoChat']);
    expect(result.exports['agento-chat/proxy']).toContain('createAgentoProxy');
  });

  it('the dist files import by path too (dist/index.js, core.js, element.js, proxy.js)', () => {
    const files = ['index.js', 'core.js', 'element.js', 'proxy.js'].map((file) => `./dist/${file}`);
    const result = importInNode(files);
    expect(result.errors).toEqual([]);
    expect(result.touched).toEqual([]);
  });

  it('the element class and the event classes are inert but constructible names in Node', () => {
    const script = `
      const { AgentoChatElement, AgentoMessageEvent } = await import('agento-chat/element');
      console.log(JSON.stringify([typeof AgentoChatElement, AgentoChatElement.observedAttributes.length > 0, typeof AgentoMessageEvent]));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['function', true, 'function']);
  });
});

// @vitest-environment happy-dom
// The README's reference (between `<!-- reference:start -->` and `<!-- reference:end -->`) checked
// against the code, both ways: what is documented exists and works, and what is public is documented.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as element from '../../widget/element/index.js';
import { AgentoChatElement } from '../../widget/element/agento-chat-element.js';
import { LANGUAGES, isRightToLeft } from '../../widget/i18n/languages.js';
import { en } from '../../widget/view/strings.js';
import { code, names, table } from './readme-reference.js';
import { cleanup, isShown, mount, stubProxy } from './support.js';

afterEach(cleanup);

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('attributes', () => {
  const documented = names('Attributes');

  it('the table lists exactly the observed attributes', () => {
    expect(sorted(documented)).toEqual(sorted(AgentoChatElement.observedAttributes));
    expect(documented).toHaveLength(new Set(documented).size);
  });

  /** For each attribute: set it on a widget and see what it changes. */
  const effects: Record<string, () => Promise<void>> = {
    async endpoint() {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const { el, part, panel } = mount({ mode: 'inline' });
      expect(part('error')?.textContent).toBe(en.missingEndpoint);
      el.setAttribute('endpoint', '/api/agento');
      await panel();
      expect(part('error')).toBeNull();
    },
    async mode() {
      const { el, part, panel } = mount({ endpoint: '/api/agento' });
      expect(isShown(part('launcher'))).toBe(true);
      el.setAttribute('mode', 'inline');
      expect(isShown(part('launcher'))).toBe(false);
      expect(isShown(await panel())).toBe(true);
    },
    async open() {
      const { el, panel, part } = mount({ endpoint: '/api/agento' });
      el.setAttribute('open', '');
      expect(isShown(await panel())).toBe(true);
      el.removeAttribute('open');
      expect(isShown(part('panel'))).toBe(false);
    },
    async theme() {
      const { el, panel } = mount({ endpoint: '/api/agento', open: '' });
      const section = await panel();
      el.setAttribute('theme', 'dark');
      expect(getComputedStyle(section).backgroundColor).toBe('#18181b');
    },
    async position() {
      const { el, part } = mount({ endpoint: '/api/agento' });
      el.setAttribute('position', 'bottom-left');
      expect(getComputedStyle(part('launcher')!).left).toBe('20px');
    },
    async lang() {
      const { el, part } = mount({ endpoint: '/api/agento' });
      el.setAttribute('lang', 'de');
      await waitFor(() => expect(part('launcher')?.getAttribute('aria-label')).toBe('Chat öffnen'));
    },
    async dir() {
      const { el, panel } = mount({ endpoint: '/api/agento', open: '' });
      const section = await panel();
      el.setAttribute('dir', 'rtl');
      expect(section.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    },
    async title() {
      const { el, panel } = mount({ endpoint: '/api/agento', open: '' });
      const section = await panel();
      el.setAttribute('title', 'Support');
      await waitFor(() => expect(section.querySelector('h2')?.textContent).toBe('Support'));
    },
    async placeholder() {
      const { el, panel, part } = mount({ endpoint: '/api/agento', open: '' });
      await panel();
      el.setAttribute('placeholder', 'Ask us');
      await waitFor(() => expect(part<HTMLTextAreaElement>('input')?.placeholder).toBe('Ask us'));
    },
    async greeting() {
      const { el, panel, part } = mount({ endpoint: '/api/agento', open: '' });
      await panel();
      el.setAttribute('greeting', 'Welcome!');
      await waitFor(() => expect(part('messages')?.textContent).toBe('Welcome!'));
    },
    async 'launcher-label'() {
      const { el, part } = mount({ endpoint: '/api/agento' });
      el.setAttribute('launcher-label', 'Questions?');
      expect(part('launcher')?.getAttribute('aria-label')).toBe('Questions?');
    },
    async 'allow-images'() {
      const proxy = stubProxy();
      const { el, panel, part } = mount({ endpoint: '/api/agento', open: '' });
      await panel();
      const sent = el.send('A picture?');
      proxy.reply.text('![cat](https://img.example/cat.png)');
      proxy.reply.done();
      await sent;
      expect(part('message-assistant')?.querySelector('img')).toBeNull();
      el.setAttribute('allow-images', '');
      await waitFor(() => expect(part('message-assistant')?.querySelector('img')?.getAttribute('src')).toBe('https://img.example/cat.png'));
    },
  };

  it.each(documented)('`%s` has an effect', async (name) => {
    const effect = effects[name];
    if (!effect) throw new Error(`no effect check for the documented attribute "${name}": add one to this test`);
    await effect();
  });
});

describe('properties and methods', () => {
  const properties = names('Properties');
  const methods = table('Methods').rows.map((row) => code(row[0])!);
  const proto = AgentoChatElement.prototype as unknown as Record<string, unknown>;

  it.each(properties)('property `%s` exists on the element', (name) => {
    expect(name in proto).toBe(true);
    expect(typeof Object.getOwnPropertyDescriptor(proto, name)?.value).not.toBe('function');
  });

  it.each(methods)('method `%s` exists, with its parameters', (signature) => {
    const [, name, params] = /^(\w+)\((.*)\)$/.exec(signature)!;
    expect(proto[name!]).toBeTypeOf('function');
    expect((proto[name!] as (...args: unknown[]) => unknown).length).toBe(params ? params.split(',').length : 0);
  });

  it('nothing public on the element is left out (lifecycle callbacks aside)', () => {
    const lifecycle = ['constructor', 'connectedCallback', 'disconnectedCallback', 'attributeChangedCallback'];
    const own = Object.getOwnPropertyNames(proto).filter((name) => !lifecycle.includes(name));
    const documented = [...properties, ...methods.map((signature) => signature.replace(/\(.*$/, ''))];
    expect(own.filter((name) => !documented.includes(name))).toEqual([]);
    expect(Object.getOwnPropertyNames(AgentoChatElement).filter((name) => !['length', 'name', 'prototype'].includes(name))).toEqual(['observedAttributes']);
  });
});

/**
 * A floating widget through a whole visit: closed, opened, a failed message with its error line, a
 * reply that streams (stop button), a finished reply, closed again; and one without an endpoint.
 * Returns every part and every event seen on the way.
 */
async function visit(): Promise<{ parts: Set<string>; events: Event[] }> {
  const parts = new Set<string>();
  const events: Event[] = [];
  const proxy = stubProxy();
  const { el, root, part } = mount();
  const original = el.dispatchEvent.bind(el);
  el.dispatchEvent = (event: Event) => (event.type.startsWith('agento-') && events.push(event), original(event));
  const snapshot = () => root.querySelectorAll('[part]').forEach((node) => node.getAttribute('part')!.split(/\s+/).forEach((name) => parts.add(name)));

  snapshot();
  proxy.failNext(413, 'message_too_long');
  await el.send('A message that is far too long');
  await waitFor(() => expect(part('error')).not.toBeNull());
  snapshot();
  const sent = el.send('Hi');
  proxy.reply.text('Hello');
  await waitFor(() => expect(part('stop')).not.toBeNull());
  await waitFor(() => expect(part('message-assistant')?.textContent).toContain('Hello'));
  snapshot();
  proxy.reply.done();
  await sent;
  snapshot();
  el.close();
  snapshot();

  vi.spyOn(console, 'error').mockImplementation(() => {});
  const bare = mount({});
  bare.root.querySelectorAll('[part]').forEach((node) => node.getAttribute('part')!.split(/\s+/).forEach((name) => parts.add(name)));
  return { parts, events };
}

describe('parts and events', () => {
  it('every documented part is rendered, and every rendered part is documented', async () => {
    const { parts } = await visit();
    // Shown only once the reader scrolls up, which needs layout: test/browser/scroll.test.ts shows it in Chromium.
    const layoutOnly = ['jump'];
    expect(widgetSource()).toContain('part="jump"');
    expect(sorted([...parts, ...layoutOnly])).toEqual(sorted(names('Parts')));
  });

  it('every documented event is dispatched with its class and detail, and no other agento-* event', async () => {
    const { events } = await visit();
    const rows = table('Events').rows;
    expect(sorted(events.map((event) => event.type))).toEqual(sorted(rows.map((row) => code(row[0])!)));
    for (const row of rows) {
      const [type, className, detail] = [code(row[0])!, code(row[1])!, code(row[2])!];
      const Class = (element as Record<string, unknown>)[className] as new (...args: never[]) => Event;
      expect(Class, `${className} is exported`).toBeTypeOf('function');
      const event = events.find((candidate) => candidate.type === type) as CustomEvent;
      expect(event).toBeInstanceOf(Class);
      expect([event.bubbles, event.composed]).toEqual([true, true]);
      const keys = detail === 'null' ? null : [...detail.matchAll(/(\w+):/g)].map((match) => match[1]);
      expect(event.detail === null ? null : Object.keys(event.detail)).toEqual(keys);
    }
  });
});

/** The source of every file that can hold the widget's CSS, comments removed. */
function widgetSource(): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../../widget');
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file) && !file.startsWith('proxy'));
  return files
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every `var(--agento-x, fallback)` of the CSS, with its literal fallback. */
function fallbacks(css: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const match of css.matchAll(/var\((--agento-[a-z0-9-]+),/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (depth && end < css.length) depth += css[end] === '(' ? 1 : css[end] === ')' ? -1 : 0, end++;
    found.push([match[1]!, css.slice(match.index + match[0].length, end - 1)]);
  }
  return found;
}

describe('custom properties', () => {
  const css = widgetSource();
  const rows = table('Custom properties').rows;

  it('every --agento-* the CSS uses is documented, and every documented one is used', () => {
    expect(sorted(names('Custom properties'))).toEqual(sorted(css.match(/--agento-[a-z0-9-]+/g) ?? []));
  });

  it('the documented light defaults are the fallbacks in the CSS', () => {
    const all = fallbacks(css);
    for (const row of rows) {
      const [name, light] = [code(row[0])!, code(row[1])];
      if (!light) continue; // "the accent": a fallback to another property
      const used = all.filter(([property, fallback]) => property === name && !fallback.startsWith('var('));
      expect(used.length, `${name} has a literal fallback`).toBeGreaterThan(0);
      for (const [, fallback] of used) expect(fallback, name).toBe(light);
    }
  });

  it('the documented dark values are the dark palette, complete', () => {
    const palette = /const darkPalette =([\s\S]*?);\n/.exec(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../widget/view/panel-styles.ts'), 'utf8'))![1]!.replace(/'\s*\+\s*'|'/g, '');
    const set = Object.fromEntries([...palette.matchAll(/(--agento-[a-z0-9-]+):([^;]+)/g)].map((match) => [match[1], match[2]]));
    const documented = Object.fromEntries(rows.filter((row) => code(row[2])).map((row) => [code(row[0]), code(row[2])]));
    expect(set).toEqual(documented);
  });
});

describe('words', () => {
  it('the strings table lists every key with its English word', () => {
    const rows = table('Words').rows;
    // The first table under "Words" is the languages; the keys are the second.
    expect(rows.map((row) => code(row[0]))).toEqual([...LANGUAGES]);
    expect(rows.map((row) => row[2])).toEqual(LANGUAGES.map((language) => (isRightToLeft(language) ? 'rtl' : 'ltr')));
  });

  it('every key of Strings is documented with its English word', async () => {
    const { referenceText, referenceTables } = await import('./readme-reference.js');
    const text = referenceText();
    const keys = referenceTables(text.slice(text.indexOf('| key | English |') - 20)).values().next().value!;
    expect(Object.fromEntries(keys.rows.map((row) => [code(row[0]), row[1]]))).toEqual(en);
  });
});

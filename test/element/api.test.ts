// @vitest-environment happy-dom
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionKey } from '../../widget/core/session-store.js';
import { AgentoChatElement } from '../../widget/element/agento-chat-element.js';
import { cleanup, isShown, mount, stubProxy, tick } from './support.js';

afterEach(cleanup);

const HISTORY = [
  { role: 'user', content: 'Where is my order?', timestamp: '2030-01-01T00:00:00Z' },
  { role: 'assistant', content: 'On its way.', timestamp: '2030-01-01T00:00:01Z' },
];

/** What each message says, without its screen-reader label, time and status note. */
const contents = (parts: HTMLElement[]) =>
  parts.map((message) => {
    const copy = message.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.sr-only, .note').forEach((node) => node.remove());
    return (copy.textContent ?? '').trim();
  });

describe('properties mirror their attributes', () => {
  it.each([
    ['endpoint', 'endpoint', '/api/other', undefined],
    ['mode', 'mode', 'inline', 'floating'],
    ['theme', 'theme', 'dark', 'light'],
    ['position', 'position', 'bottom-left', 'bottom-right'],
    ['greeting', 'greeting', 'Hello!', undefined],
    ['placeholder', 'placeholder', 'Ask away', undefined],
    ['launcherLabel', 'launcher-label', 'Help', undefined],
  ] as const)('%s ↔ %s', (property, attribute, value, unset) => {
    const el = document.createElement('agento-chat');
    expect(el[property]).toBe(unset);
    el[property] = value as never;
    expect(el.getAttribute(attribute)).toBe(value);
    expect(el[property]).toBe(value);
    el.removeAttribute(attribute);
    expect(el[property]).toBe(unset);
    el.setAttribute(attribute, value);
    expect(el[property]).toBe(value);
    el[property] = null as never;
    expect(el.hasAttribute(attribute)).toBe(false);
  });

  it('title, lang and dir are the standard properties, reflecting their attributes', () => {
    const { el } = mount({ endpoint: '/api/agento', title: 'Support', lang: 'de', dir: 'rtl' });
    expect([el.title, el.lang, el.dir]).toEqual(['Support', 'de', 'rtl']);
    el.title = 'Sales';
    expect(el.getAttribute('title')).toBe('Sales');
  });

  it('isOpen is read-only and follows the open attribute and inline mode', () => {
    const { el } = mount();
    expect(el.isOpen).toBe(false);
    expect(() => {
      (el as unknown as { isOpen: boolean }).isOpen = true;
    }).toThrow(TypeError);
    el.setAttribute('open', '');
    expect(el.isOpen).toBe(true);
    el.removeAttribute('open');
    el.mode = 'inline';
    expect(el.isOpen).toBe(true);
  });

  it('the mirrored properties live on the prototype, so every instance has them', () => {
    for (const name of ['endpoint', 'mode', 'theme', 'position', 'greeting', 'placeholder', 'launcherLabel', 'strings', 'isOpen']) {
      expect(Object.getOwnPropertyDescriptor(AgentoChatElement.prototype, name)?.get, name).toBeTypeOf('function');
    }
  });
});

describe('open(), close(), toggle()', () => {
  it('open the panel (loading it), close it, and toggle between', async () => {
    const { el, part, panel, root } = mount();
    el.open();
    expect(el.isOpen).toBe(true);
    await panel();
    await waitFor(() => expect(root.activeElement).toBe(part('input')));
    el.toggle();
    expect(el.isOpen).toBe(false);
    expect(isShown(part('panel'))).toBe(false);
    expect(root.activeElement).toBe(part('launcher'));
    el.toggle();
    expect(isShown(part('panel'))).toBe(true);
    el.close();
    expect(el.hasAttribute('open')).toBe(false);
  });
});

describe('send(text)', () => {
  it('opens and loads the panel, sends, and resolves once the reply has finished', async () => {
    const proxy = stubProxy();
    const { el, part, parts } = mount();
    const sent = el.send('Do you ship to Norway?');
    expect(el.isOpen).toBe(true);
    let resolved = false;
    void sent.then(() => (resolved = true));
    await waitFor(() => expect(proxy.sends()).toHaveLength(1));
    expect(proxy.sends()[0]?.body).toEqual({ message: 'Do you ship to Norway?', sessionId: 'tok-1' });
    proxy.reply.text('Yes, ');
    await waitFor(() => expect(part('message-assistant')?.dataset.state).toBe('streaming'));
    await tick(10);
    expect(resolved).toBe(false);
    proxy.reply.text('we do.');
    proxy.reply.done();
    await sent;
    expect(contents(parts('message'))).toEqual(['Do you ship to Norway?', 'Yes, we do.']);
    expect(part('message-assistant')?.dataset.state).toBe('complete');
  });

  it('waits for the stored conversation, so the message lands below it', async () => {
    localStorage.setItem(sessionKey('/api/agento'), JSON.stringify({ v: 1, sessionId: 'tok-1' }));
    const proxy = stubProxy({ history: HISTORY });
    const { el, parts } = mount();
    const sent = el.send('And my invoice?');
    proxy.reply.done();
    await sent;
    expect(proxy.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`).slice(0, 2)).toEqual(['GET /api/agento/messages', 'POST /api/agento/messages']);
    expect(contents(parts('message')).slice(0, 3)).toEqual(['Where is my order?', 'On its way.', 'And my invoice?']);
  });

  it('loads images in replies only with allow-images, and follows the attribute', async () => {
    localStorage.setItem(sessionKey('/api/agento'), JSON.stringify({ v: 1, sessionId: 'tok-1' }));
    stubProxy({ history: [{ role: 'assistant', content: 'Look: ![a cat](https://img.example/cat.png)', timestamp: '2030-01-01T00:00:00Z' }] });
    const { el, part } = mount({ endpoint: '/api/agento', mode: 'inline' });
    await waitFor(() => expect(part('message-assistant')?.querySelector('a[href="https://img.example/cat.png"]')).toBeTruthy());
    expect(part('message-assistant')!.querySelector('img')).toBeNull();

    el.setAttribute('allow-images', '');
    await waitFor(() => expect(part('message-assistant')?.querySelector('img')).toBeTruthy());
    const img = part('message-assistant')!.querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('loading'), img.getAttribute('referrerpolicy')]).toEqual(['https://img.example/cat.png', 'a cat', 'lazy', 'no-referrer']);

    el.removeAttribute('allow-images');
    await waitFor(() => expect(part('message-assistant')!.querySelector('img')).toBeNull());
    expect(part('message-assistant')!.querySelector('a[href="https://img.example/cat.png"]')).toBeTruthy();
  });

  it('in inline mode it sends without any open attribute', async () => {
    const proxy = stubProxy();
    const { el } = mount({ endpoint: '/api/agento', mode: 'inline' });
    const sent = el.send('Hi');
    proxy.reply.done();
    await sent;
    expect(el.hasAttribute('open')).toBe(false);
    expect(proxy.sends()).toHaveLength(1);
  });

  it('without an endpoint it resolves and sends nothing', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const proxy = stubProxy();
    const { el } = mount({});
    await el.send('Hello?');
    expect(proxy.fetch).not.toHaveBeenCalled();
  });
});

describe('stop()', () => {
  it('stops the reply in progress and keeps its text', async () => {
    const proxy = stubProxy();
    const { el, part } = mount();
    const sent = el.send('Tell me a long story');
    proxy.reply.text('Once upon a time');
    await waitFor(() => expect(part('message-assistant')?.textContent).toContain('Once upon a time'));
    el.stop();
    await sent;
    expect(proxy.sends()[0]?.signal?.aborted).toBe(true);
    expect(part('message-assistant')?.dataset.state).toBe('stopped');
    expect(part('message-assistant')?.textContent).toContain('Once upon a time');
  });

  it('does nothing before the panel is loaded', () => {
    const { el } = mount();
    expect(() => el.stop()).not.toThrow();
  });
});

describe('newConversation()', () => {
  it('empties the conversation and forgets the session', async () => {
    localStorage.setItem(sessionKey('/api/agento'), JSON.stringify({ v: 1, sessionId: 'tok-1' }));
    stubProxy({ history: HISTORY });
    const { el, parts, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    await waitFor(() => expect(parts('message')).toHaveLength(2));
    await el.newConversation();
    await waitFor(() => expect(parts('message')).toHaveLength(0));
    expect(localStorage.getItem(sessionKey('/api/agento'))).toBeNull();
  });

  it('works before the panel was ever opened, and leaves it closed', async () => {
    localStorage.setItem(sessionKey('/api/agento'), JSON.stringify({ v: 1, sessionId: 'tok-1' }));
    stubProxy({ history: HISTORY });
    const { el, part } = mount();
    await el.newConversation();
    expect(el.isOpen).toBe(false);
    expect(isShown(part('panel'))).toBe(false);
    expect(localStorage.getItem(sessionKey('/api/agento'))).toBeNull();
  });
});

describe('the composer still drives the same chat', () => {
  it('a message typed after send() streams normally', async () => {
    const proxy = stubProxy();
    const { el, part, parts } = mount();
    const first = el.send('One');
    proxy.reply.done();
    await first;
    fireEvent.input(part('input')!, { target: { value: 'Two' } });
    fireEvent.keyDown(part('input')!, { key: 'Enter' });
    proxy.reply.text('Second answer');
    proxy.reply.done();
    await waitFor(() => expect(contents(parts('message-assistant')).at(-1)).toBe('Second answer'));
  });
});

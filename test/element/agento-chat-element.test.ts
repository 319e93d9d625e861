// @vitest-environment happy-dom
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionKey } from '../../widget/core/session-store.js';
import { AgentoChatElement } from '../../widget/element/agento-chat-element.js';
import { defineAgentoChat } from '../../widget/element/define.js';
import { en } from '../../widget/view/strings.js';

/** Answers the proxy contract; `POST /messages` streams `tokens`, then stays open unless `end`. */
function stubProxy({ tokens = ['Hel', 'lo'], end = false, history = [] as unknown[] } = {}) {
  const requests: Array<{ method: string; url: string; signal: AbortSignal | undefined }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const url = String(input);
    requests.push({ method, url, signal: init.signal ?? undefined });
    if (method === 'POST' && url.endsWith('/sessions')) return Response.json({ sessionId: 'tok-1' }, { status: 201 });
    if (method === 'GET') return Response.json({ data: history, pagination: { total: history.length, limit: 50, offset: 0 } });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        for (const content of tokens) controller.enqueue(encoder.encode(`data: ${JSON.stringify({ type: 'text', content })}\n\n`));
        if (end) {
          controller.enqueue(encoder.encode('data: {"type":"done"}\n\n'));
          controller.close();
        }
        init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
}

const elements: HTMLElement[] = [];

function mount(attributes: Record<string, string> = { endpoint: '/api/agento' }) {
  const el = document.createElement('agento-chat');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  elements.push(el);
  const root = el.shadowRoot;
  if (!root) throw new Error('no open shadow root');
  const part = <T extends HTMLElement = HTMLElement>(name: string) => root.querySelector<T>(`[part~=${name}]`);
  const screen = within(root as unknown as HTMLElement);
  /** Resolves once the lazily loaded panel is in the shadow root. */
  const panel = () => waitFor(() => expectPart(part('panel')), { timeout: 5000 });
  return { el, root, part, screen, panel };
}

function expectPart<T>(node: T | null): T {
  expect(node).not.toBeNull();
  return node as T;
}

/** Shown: no ancestor inside the shadow root is `hidden`. */
const isShown = (node: Element | null) => !!node && node.closest('[hidden]') === null;

beforeAll(async () => {
  // Transform the panel's modules once up front, so the element's lazy import is quick in every test.
  await import('../../widget/view/mount-panel.js');
});

beforeEach(() => {
  defineAgentoChat();
});

afterEach(() => {
  for (const el of elements.splice(0)) el.remove();
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('<agento-chat>', () => {
  it('registers the element class under agento-chat', () => {
    expect(customElements.get('agento-chat')).toBe(AgentoChatElement);
    expect(document.createElement('agento-chat')).toBeInstanceOf(AgentoChatElement);
  });

  it('is harmless to define twice, also under another name', async () => {
    await import('../../widget/element/define.js');
    expect(() => defineAgentoChat()).not.toThrow();
    expect(() => defineAgentoChat('my-chat')).not.toThrow();
    expect(() => defineAgentoChat('my-chat')).not.toThrow();
    expect(customElements.get('agento-chat')).toBe(AgentoChatElement);
    expect(document.createElement('my-chat')).toBeInstanceOf(AgentoChatElement);
  });

  it('shows a launcher and loads no panel until opened', async () => {
    const { part } = mount();
    const launcher = expectPart(part('launcher'));
    expect(isShown(launcher)).toBe(true);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(launcher.getAttribute('aria-label')).toBe(en.launcherOpen);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(part('panel')).toBeNull();
  });

  it('opens on a launcher click: the panel loads and takes the focus', async () => {
    const { el, root, part, panel } = mount();
    fireEvent.click(part('launcher')!);
    expect(el.hasAttribute('open')).toBe(true);
    expect(isShown(await panel())).toBe(true);
    expect(part('launcher')?.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(root.activeElement).toBe(part('input')));
  });

  it('follows the open attribute: present opens, removed closes', async () => {
    const { el, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    expect(isShown(await panel())).toBe(true);
    el.removeAttribute('open');
    expect(isShown(part('panel'))).toBe(false);
    expect(isShown(part('launcher'))).toBe(true);
    el.setAttribute('open', '');
    expect(isShown(part('panel'))).toBe(true);
  });

  it('closes on Escape in the panel, focus back on the launcher', async () => {
    const { el, root, part, panel } = mount();
    fireEvent.click(part('launcher')!);
    await panel();
    await waitFor(() => expect(root.activeElement).toBe(part('input')));
    fireEvent.keyDown(part('input')!, { key: 'Escape' });
    expect(el.hasAttribute('open')).toBe(false);
    expect(isShown(part('panel'))).toBe(false);
    expect(root.activeElement).toBe(part('launcher'));
  });

  it('closes with the close button', async () => {
    const { el, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    fireEvent.click(part('close')!);
    expect(el.hasAttribute('open')).toBe(false);
  });

  it('inline mode: no launcher, the panel shows at once, without a close button', async () => {
    const { el, part, panel } = mount({ endpoint: '/api/agento', mode: 'inline' });
    expect(isShown(part('launcher'))).toBe(false);
    expect(isShown(await panel())).toBe(true);
    expect(part('close')).toBeNull();
    el.setAttribute('mode', 'floating');
    expect(isShown(part('launcher'))).toBe(true);
    expect(isShown(part('panel'))).toBe(false);
  });

  it('applies title and placeholder, and follows their changes', async () => {
    const { el, part, panel, screen } = mount({ endpoint: '/api/agento', open: '', title: 'Support', placeholder: 'Ask us' });
    await panel();
    expect(part('header')?.textContent).toContain('Support');
    expect(part('panel')?.getAttribute('aria-label')).toBe('Support');
    expect(part<HTMLTextAreaElement>('input')?.placeholder).toBe('Ask us');

    el.setAttribute('title', 'Sales');
    el.setAttribute('placeholder', 'Ask sales');
    await waitFor(() => expect(part('header')?.textContent).toContain('Sales'));
    expect(part<HTMLTextAreaElement>('input')?.placeholder).toBe('Ask sales');

    el.removeAttribute('title');
    await waitFor(() => expect(screen.getByRole('heading').textContent).toBe(en.title));
  });

  it('shows the greeting attribute in an empty conversation', async () => {
    const { part, panel } = mount({ endpoint: '/api/agento', mode: 'inline', greeting: 'Hi! Ask about orders.' });
    await panel();
    expect(part('messages')?.textContent).toBe('Hi! Ask about orders.');
  });

  it('without an endpoint: one console error and a visible message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { el, part } = mount({ mode: 'inline' });
    const notice = expectPart(part('error'));
    expect(isShown(notice)).toBe(true);
    expect(notice.textContent).toBe(en.missingEndpoint);
    expect(notice.getAttribute('role')).toBe('alert');
    el.setAttribute('title', 'Support');
    el.setAttribute('mode', 'floating');
    el.setAttribute('open', '');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toContain('endpoint');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(part('panel')).toBeNull();
  });

  it('without an endpoint, floating: the message shows when the visitor opens the chat', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { part } = mount({});
    fireEvent.click(part('launcher')!);
    expect(isShown(part('error'))).toBe(true);
  });

  it('loads the panel once the endpoint arrives', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { el, part, panel } = mount({ mode: 'inline' });
    el.setAttribute('endpoint', '/api/agento');
    await panel();
    expect(part('error')).toBeNull();
  });

  it('shows the stored conversation when opened', async () => {
    localStorage.setItem(sessionKey('/api/agento'), JSON.stringify({ v: 1, sessionId: 'tok-1' }));
    const { requests } = stubProxy({
      history: [
        { role: 'user', content: 'Where is my order?', timestamp: '2030-01-01T00:00:00Z' },
        { role: 'assistant', content: 'On its way.', timestamp: '2030-01-01T00:00:01Z' },
      ],
    });
    const { part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    await waitFor(() => expect(part('message-assistant')?.textContent).toContain('On its way.'));
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/agento/messages?sessionId=tok-1&limit=50']);
  });

  it('streams a reply through the proxy', async () => {
    const { requests } = stubProxy({ tokens: ['Hel', 'lo', '!'], end: true });
    const { part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    fireEvent.input(part('input')!, { target: { value: 'Hi' } });
    fireEvent.keyDown(part('input')!, { key: 'Enter' });
    await waitFor(() => expect(part('message-assistant')?.textContent).toContain('Hello!'));
    await waitFor(() => expect(part('message-assistant')?.dataset.state).toBe('complete'));
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api/agento/sessions', 'POST /api/agento/messages']);
    expect(part<HTMLTextAreaElement>('input')?.value).toBe('');
  });

  it('on disconnect: unmounts the panel and aborts the reply in flight', async () => {
    const { requests } = stubProxy({ tokens: ['Streaming…'] });
    const { el, root, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    fireEvent.input(part('input')!, { target: { value: 'Hi' } });
    fireEvent.keyDown(part('input')!, { key: 'Enter' });
    await waitFor(() => expect(part('message-assistant')?.textContent).toContain('Streaming…'));
    const stream = requests.find((r) => r.method === 'POST' && r.url.endsWith('/messages'));
    expect(stream?.signal?.aborted).toBe(false);

    el.remove();
    await Promise.resolve();
    expect(stream?.signal?.aborted).toBe(true);
    expect(root.querySelector('[part~=panel]')).toBeNull();
  });

  it('keeps the conversation and its stream when moved in the page', async () => {
    const { requests } = stubProxy({ tokens: ['Streaming…'] });
    const { el, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    fireEvent.input(part('input')!, { target: { value: 'Hi' } });
    fireEvent.keyDown(part('input')!, { key: 'Enter' });
    await waitFor(() => expect(part('message-assistant')?.textContent).toContain('Streaming…'));
    const stream = requests.find((r) => r.method === 'POST' && r.url.endsWith('/messages'));

    const box = document.createElement('div');
    document.body.append(box);
    box.append(el); // a move: disconnected and connected again at once
    await Promise.resolve();
    expect(stream?.signal?.aborted).toBe(false);
    expect(part('message-assistant')?.textContent).toContain('Streaming…');
  });

  it('mounts again when put back in the page', async () => {
    const { el, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    el.remove();
    await Promise.resolve();
    document.body.append(el);
    await panel();
  });
});

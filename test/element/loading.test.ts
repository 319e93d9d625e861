// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubProxy } from './support.js';

// The panel's code, watched: the loader fetches it on idle, and mounts it (asking for the history) only on intent.
const loadPanel = vi.hoisted(() => vi.fn());
vi.mock('../../widget/element/load-panel.js', () => ({ loadPanel }));
const { defineAgentoChat } = await import('../../widget/element/define.js');
const realPanel = await import('../../widget/view/mount-panel.js');

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  vi.unstubAllGlobals();
  loadPanel.mockReset();
});

describe('loading the panel', () => {
  it('fetches the panel code when the browser is idle, but asks the proxy nothing until the visitor shows intent', async () => {
    defineAgentoChat();
    loadPanel.mockResolvedValue(realPanel);
    const idle: Array<() => void> = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    const { requests } = stubProxy();
    localStorage.setItem('agento-chat:/api/agento', JSON.stringify({ v: 1, sessionId: 'tok-1' }));

    const el = document.createElement('agento-chat');
    el.setAttribute('endpoint', '/api/agento');
    document.body.append(el);
    expect(loadPanel).not.toHaveBeenCalled(); // nothing on the page's critical path

    idle.forEach((callback) => callback());
    expect(loadPanel).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(requests).toEqual([]); // no history request for a visitor who never opens the chat
    expect(el.shadowRoot!.querySelector('[part~=panel]')).toBeNull();

    el.shadowRoot!.querySelector('[part~=launcher]')!.dispatchEvent(new Event('pointerenter'));
    await vi.waitFor(() => expect(requests.map((r) => r.method)).toEqual(['GET'])); // intent: mount and load the history
  });
});

// @vitest-environment happy-dom
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { AgentoError, HttpError, type ChatMessage } from '../../widget/core/index.js';
import {
  AgentoCloseEvent,
  AgentoErrorEvent,
  AgentoMessageEvent,
  AgentoOpenEvent,
  AgentoSessionEvent,
  type AgentoChatEventMap,
} from '../../widget/element/index.js';
import { cleanup, mount, stubProxy } from './support.js';

afterEach(cleanup);

/** Every `agento-*` event that reaches `target`, in order; `targets` holds what each event's target was there. */
function record(target: EventTarget) {
  const seen: Event[] = [];
  const targets: Array<EventTarget | null> = [];
  for (const type of ['agento-open', 'agento-close', 'agento-message', 'agento-error', 'agento-session']) {
    target.addEventListener(type, (event) => {
      seen.push(event);
      targets.push(event.target);
    });
  }
  return Object.defineProperty(seen, 'targets', { value: targets }) as Event[] & { readonly targets: Array<EventTarget | null> };
}

const types = (events: Event[]) => events.map((event) => event.type);

describe('events', () => {
  it('are typed in HTMLElementEventMap, DocumentEventMap and WindowEventMap', () => {
    expectTypeOf<HTMLElementEventMap['agento-message']>().toEqualTypeOf<AgentoMessageEvent>();
    expectTypeOf<DocumentEventMap['agento-error']>().toEqualTypeOf<AgentoErrorEvent>();
    expectTypeOf<WindowEventMap['agento-session']>().toEqualTypeOf<AgentoSessionEvent>();
    expectTypeOf<AgentoMessageEvent['detail']>().toEqualTypeOf<{ readonly message: ChatMessage }>();
    expectTypeOf<AgentoErrorEvent['detail']>().toEqualTypeOf<{ readonly error: AgentoError }>();
    expectTypeOf<AgentoSessionEvent['detail']>().toEqualTypeOf<{ readonly sessionId: string }>();
    expectTypeOf<keyof AgentoChatEventMap>().toEqualTypeOf<'agento-open' | 'agento-close' | 'agento-message' | 'agento-error' | 'agento-session'>();
    const el = document.createElement('agento-chat');
    el.addEventListener('agento-message', (event) => expectTypeOf(event.detail.message.content).toEqualTypeOf<string>());
  });

  it('one class each, bubbling and composed', () => {
    const message: ChatMessage = { id: 'm1', role: 'user', content: 'Hi', timestamp: '2030-01-01T00:00:00Z', state: 'complete' };
    const error = new AgentoError('x', 'y');
    for (const [event, type, detail] of [
      [new AgentoOpenEvent(), 'agento-open', null],
      [new AgentoCloseEvent(), 'agento-close', null],
      [new AgentoMessageEvent(message), 'agento-message', { message }],
      [new AgentoErrorEvent(error), 'agento-error', { error }],
      [new AgentoSessionEvent('tok'), 'agento-session', { sessionId: 'tok' }],
    ] as const) {
      expect(event).toBeInstanceOf(CustomEvent);
      expect([event.type, event.bubbles, event.composed, event.cancelable]).toEqual([type, true, true, false]);
      expect(event.detail).toEqual(detail);
    }
  });

  it('agento-open and agento-close: launcher, methods and the attribute; none on first connect', async () => {
    const seen = record(document);
    const { el, part, panel } = mount({ endpoint: '/api/agento', open: '' });
    await panel();
    expect(seen).toEqual([]);
    el.close();
    fireEvent.click(part('launcher')!);
    el.toggle();
    el.toggleAttribute('open', true);
    el.open(); // already open: no event
    el.removeAttribute('open');
    expect(types(seen)).toEqual(['agento-close', 'agento-open', 'agento-close', 'agento-open', 'agento-close']);
    expect(seen[0]).toBeInstanceOf(AgentoCloseEvent);
    expect(seen[1]).toBeInstanceOf(AgentoOpenEvent);
    expect(seen.targets.every((target) => target === el)).toBe(true);
  });

  it('leave a shadow root (composed) and bubble to the document', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const seen = record(document);
    const { el } = mount({ endpoint: '/api/agento' }, shadow);
    // The control: a bubbling event that is not composed stays inside the shadow root.
    let leaked = false;
    document.addEventListener('not-composed', () => (leaked = true));
    el.dispatchEvent(new Event('not-composed', { bubbles: true }));
    el.open();
    expect(leaked).toBe(false);
    expect(types(seen)).toEqual(['agento-open']);
    host.remove();
  });

  it('agento-session, then agento-message for the user message and the finished reply', async () => {
    const proxy = stubProxy();
    const { el } = mount();
    const seen = record(el);
    const sent = el.send('Hi there');
    proxy.reply.text('Hello');
    proxy.reply.done();
    await sent;
    expect(types(seen)).toEqual(['agento-open', 'agento-session', 'agento-message', 'agento-message']);
    const [, session, user, reply] = seen as unknown as [Event, AgentoSessionEvent, AgentoMessageEvent, AgentoMessageEvent];
    expect(session).toBeInstanceOf(AgentoSessionEvent);
    expect(session.detail.sessionId).toBe('tok-1');
    expect(user).toBeInstanceOf(AgentoMessageEvent);
    expect(user.detail.message).toMatchObject({ role: 'user', content: 'Hi there', state: 'complete' });
    expect(reply.detail.message).toMatchObject({ role: 'assistant', content: 'Hello', state: 'complete' });
  });

  it('agento-message is not sent for a reply the visitor stopped', async () => {
    const proxy = stubProxy();
    const { el, part } = mount();
    const seen = record(el);
    const sent = el.send('Hi');
    proxy.reply.text('Hel');
    await waitFor(() => expect(part('message-assistant')?.textContent).toContain('Hel'));
    el.stop();
    await sent;
    expect(seen.filter((event) => event.type === 'agento-message').map((event) => (event as AgentoMessageEvent).detail.message.role)).toEqual(['user']);
  });

  it('agento-error carries the typed error', async () => {
    const proxy = stubProxy();
    proxy.failNext(413, 'message_too_long');
    const { el, part } = mount();
    const seen = record(el);
    await el.send('x'.repeat(100));
    const errors = seen.filter((event): event is AgentoErrorEvent => event.type === 'agento-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(AgentoErrorEvent);
    expect(errors[0]!.detail.error).toBeInstanceOf(HttpError);
    expect(errors[0]!.detail.error).toMatchObject({ status: 413, code: 'message_too_long' });
    await waitFor(() => expect(part('error')).not.toBeNull());
    // The session was created before the send failed.
    expect(types(seen)).toEqual(['agento-open', 'agento-session', 'agento-error']);
  });
});

// @vitest-environment happy-dom
// `<agento-chat>` in Preact's JSX: typed attributes and `on<event>` listeners (see widget/element/jsx.ts).
import { render } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { AgentoChatElement, AgentoOpenEvent } from '../../widget/element/index.js';
import { cleanup } from './support.js';
import '../../widget/element/define.js';

afterEach(cleanup);

describe('JSX (Preact)', () => {
  it('takes the attributes, a ref, and listeners for the events', () => {
    const opened = vi.fn((event: AgentoOpenEvent) => expectTypeOf(event.detail).toEqualTypeOf<null>());
    const ref = createRef<AgentoChatElement>();
    const { container } = render(
      <agento-chat ref={ref} endpoint="/api/agento" theme="dark" position="bottom-left" mode="floating" launcher-label="Help" lang="de" onagento-open={opened} />,
    );
    const el = container.querySelector('agento-chat')!;
    expect(ref.current).toBe(el);
    expect(el.getAttribute('theme')).toBe('dark');
    expect(el.getAttribute('launcher-label')).toBe('Help');
    el.open();
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('rejects values the element does not know (type-level)', () => {
    // @ts-expect-error: not a theme
    const wrongTheme = <agento-chat endpoint="/api/agento" theme="sepia" />;
    // @ts-expect-error: not a corner
    const wrongCorner = <agento-chat endpoint="/api/agento" position="top-left" />;
    // @ts-expect-error: the listener gets an AgentoMessageEvent, not a string
    const wrongListener = <agento-chat onagento-message={(event: string) => event} />;
    expect([wrongTheme, wrongCorner, wrongListener]).toHaveLength(3);
  });
});

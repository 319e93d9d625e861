// Types for `<agento-chat>` in JSX (Preact and React) and in `HTMLElementTagNameMap`. Types only: nothing here reaches a bundle.
import type { HTMLAttributes } from 'preact';
import type { AgentoChatElement } from './agento-chat-element.js';
import type { Mode, Position, Theme } from './attributes.js';
import type { AgentoChatEventMap } from './events.js';

/** The attributes of `<agento-chat>`, as JSX props. */
export interface AgentoChatAttributes {
  endpoint?: string;
  mode?: Mode;
  open?: boolean;
  theme?: Theme;
  position?: Position;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  title?: string;
  placeholder?: string;
  greeting?: string;
  'launcher-label'?: string;
  'allow-images'?: boolean;
  nonce?: string;
}

/** Listeners for the element's events: Preact and React 19 add `on<event-name>` props as event listeners. */
export type AgentoChatEventProps = {
  [K in keyof AgentoChatEventMap as `on${K}`]?: (event: AgentoChatEventMap[K]) => void;
};

/**
 * What React needs besides the attributes, written out so this file compiles without React's types
 * (a Preact project has none): `ref` and the common global attributes; React adds `key`.
 */
export interface AgentoChatReactProps extends AgentoChatAttributes, AgentoChatEventProps {
  ref?: { current: AgentoChatElement | null } | ((element: AgentoChatElement | null) => void) | null;
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  style?: Record<string, string | number>;
}

declare global {
  // Also declared in define.ts; here too so that importing only the element's types (as a framework
  // app that registers the element lazily does) types `document.querySelector('agento-chat')`.
  interface HTMLElementTagNameMap {
    'agento-chat': AgentoChatElement;
  }
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'agento-chat': Omit<HTMLAttributes<AgentoChatElement>, keyof AgentoChatAttributes> & AgentoChatAttributes & AgentoChatEventProps;
    }
  }
}

// @ts-ignore -- React's types are only there in React projects: then this merges into them, elsewhere it is inert.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'agento-chat': AgentoChatReactProps;
    }
  }
}

import type { Page } from 'playwright-core';

/**
 * Computed styles that say whether CSS leaked: box, colour, text and visibility. `font-family` is
 * left out on purpose: the widget inherits the page's font unless `--agento-font` says otherwise.
 */
export const LEAK_PROPERTIES = [
  'display',
  'position',
  'visibility',
  'opacity',
  'float',
  'transform',
  'box-sizing',
  'z-index',
  'color',
  'background-color',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-shadow',
  'text-align',
  'text-indent',
  'white-space',
  'cursor',
] as const;

/** Box size too, for elements whose size does not depend on the font's glyphs. */
export const SIZE_PROPERTIES = ['width', 'height'] as const;

export type StyleSnapshot = Record<string, Record<string, string>>;

/**
 * Computed styles of elements by label. `targets` maps a label to a CSS selector; a selector
 * starting with `shadow:` is looked up in the first `<agento-chat>`'s shadow root.
 */
export function computedStyles(page: Page, targets: Record<string, string>, withSize: readonly string[] = []): Promise<StyleSnapshot> {
  return page.evaluate(
    ({ targets, properties, sizeProperties, withSize }) => {
      const root = document.querySelector('agento-chat')?.shadowRoot;
      const snapshot: Record<string, Record<string, string>> = {};
      for (const [label, selector] of Object.entries(targets)) {
        const element = selector.startsWith('shadow:') ? root?.querySelector(selector.slice(7)) : document.querySelector(selector);
        if (!element) {
          snapshot[label] = { missing: selector };
          continue;
        }
        const style = getComputedStyle(element);
        const names = withSize.includes(label) ? [...properties, ...sizeProperties] : properties;
        snapshot[label] = Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
      }
      return snapshot;
    },
    { targets, properties: [...LEAK_PROPERTIES], sizeProperties: [...SIZE_PROPERTIES], withSize: [...withSize] },
  );
}

/** The widget's own elements, as `computedStyles` targets. */
export const WIDGET_TARGETS = {
  launcher: 'shadow:[part~=launcher]',
  'launcher icon': 'shadow:[part~=launcher] svg',
  panel: 'shadow:[part~=panel]',
  header: 'shadow:[part~=header]',
  title: 'shadow:[part~=header] h2',
  'new conversation': 'shadow:[part~=new-conversation]',
  'new conversation icon': 'shadow:[part~=new-conversation] svg',
  close: 'shadow:[part~=close]',
  messages: 'shadow:[part~=messages]',
  'user message': 'shadow:[part~=message-user]',
  'assistant message': 'shadow:[part~=message-assistant]',
  'assistant text': 'shadow:[part~=message-assistant] > :not(.sr-only)',
  composer: 'shadow:form',
  input: 'shadow:[part~=input]',
  send: 'shadow:[part~=send]',
  'send icon': 'shadow:[part~=send] svg',
};

/** The widget elements whose size is fixed by the widget's CSS alone. */
export const FIXED_SIZE = ['launcher', 'launcher icon', 'panel', 'new conversation', 'new conversation icon', 'close', 'send', 'send icon'];

/** Properties that only matter where there is text. */
const TEXT_PROPERTIES = new Set(['font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-shadow', 'text-align', 'text-indent', 'white-space']);

/** Widget elements that hold no text (an icon button), so the page's inherited text styles cannot show on them. */
export const TEXTLESS = ['launcher', 'launcher icon'];

/** Lists the differences between two snapshots, one line each; text properties of `textless` labels are not compared. */
export function diffStyles(expected: StyleSnapshot, actual: StyleSnapshot, textless: readonly string[] = []): string[] {
  const lines: string[] = [];
  for (const [label, properties] of Object.entries(expected)) {
    for (const [name, value] of Object.entries(properties)) {
      if (textless.includes(label) && TEXT_PROPERTIES.has(name)) continue;
      const got = actual[label]?.[name];
      if (got !== value) lines.push(`${label} ${name}: ${value} → ${got}`);
    }
  }
  return lines;
}

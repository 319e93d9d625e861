// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentoChatElement } from '../../widget/element/index.js';

const PAGE = join(dirname(fileURLToPath(import.meta.url)), '../../demo/configurator.html');
const html = readFileSync(PAGE, 'utf8');

let configurator: typeof import('../../demo/configurator.js');

beforeEach(async () => {
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  vi.resetModules();
  configurator = await import('../../demo/configurator.js');
});

afterEach(() => {
  document.body.replaceChildren();
  document.adoptedStyleSheets = [];
  vi.unstubAllGlobals();
});

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const live = () => $<AgentoChatElement>('agento-chat#live');
const snippet = () => $<HTMLTextAreaElement>('#snippet').value;

function choose(name: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
  control.value = value;
  fireEvent.change(control);
}

describe('the configurator page', () => {
  it('has no inline style or script, and loads its CSS from a file', () => {
    expect(html).not.toMatch(/style=|<style/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).toContain('href="/demo/configurator.css"');
  });

  it('starts with the plain snippet and a live widget on /api/agento', () => {
    expect(live().getAttribute('endpoint')).toBe('/api/agento');
    expect(snippet()).toBe(`<script src="${configurator.SCRIPT_URL}" async></script>\n<agento-chat endpoint="/api/agento"></agento-chat>\n`);
  });

  it('theme, position, mode and language change the live widget and the snippet', () => {
    choose('theme', 'dark');
    choose('position', 'bottom-left');
    choose('mode', 'inline');
    choose('lang', 'de');
    expect(live().theme).toBe('dark');
    expect(live().position).toBe('bottom-left');
    expect(live().mode).toBe('inline');
    expect(live().lang).toBe('de');
    expect(snippet()).toContain('<agento-chat endpoint="/api/agento" theme="dark" position="bottom-left" mode="inline" lang="de"></agento-chat>');
    choose('theme', 'light');
    expect(live().hasAttribute('theme')).toBe(false);
    expect(snippet()).not.toContain('theme=');
  });

  it('words go into attributes, escaped', () => {
    choose('title', 'Ask "Acme" & co');
    choose('greeting', 'Hi <there>');
    choose('placeholder', 'Your question');
    choose('launcher-label', 'Help');
    expect(live().title).toBe('Ask "Acme" & co');
    expect(live().greeting).toBe('Hi <there>');
    expect(live().launcherLabel).toBe('Help');
    expect(snippet()).toContain('title="Ask &quot;Acme&quot; &amp; co" greeting="Hi &lt;there&gt;" placeholder="Your question" launcher-label="Help"');
  });

  it('the accent colour themes the live widget through a constructable sheet, and the snippet through CSS', () => {
    choose('accent', '#0f766e');
    expect(snippet()).toContain('<style>agento-chat { --agento-accent: #0f766e; }</style>');
    expect(getComputedStyle(live()).getPropertyValue('--agento-accent').trim()).toBe('#0f766e');
    expect(live().hasAttribute('style')).toBe(false);
  });

  it('copies the snippet', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    choose('theme', 'auto');
    fireEvent.click($('#copy'));
    await waitFor(() => expect($('#copied').textContent).toBe('Copied.'));
    expect(writeText).toHaveBeenCalledWith(snippet());
  });

  it('embedSnippet leaves defaults out', () => {
    expect(configurator.attributesOf({ ...configurator.DEFAULTS, theme: 'light', mode: 'floating', title: '  ' })).toEqual([['endpoint', '/api/agento']]);
  });
});

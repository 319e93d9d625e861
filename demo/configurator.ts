// The configurator page: change the widget's theme, words and mode, watch a live <agento-chat>
// follow, and copy the embed snippet. Served by Vite (`npm start`) at /demo/configurator.html.
import '../widget/element/define.js';
import type { AgentoChatElement } from '../widget/element/index.js';

/** What the form sets. Empty strings mean "the widget's default": the attribute is left out. */
export interface Config {
  theme: string;
  accent: string;
  position: string;
  mode: string;
  lang: string;
  title: string;
  greeting: string;
  placeholder: string;
  'launcher-label': string;
}

/** The widget's own defaults: a setting equal to one of these is left out of the snippet. */
export const DEFAULTS: Config = {
  theme: 'light',
  accent: '#4f46e5',
  position: 'bottom-right',
  mode: 'floating',
  lang: '',
  title: '',
  greeting: '',
  placeholder: '',
  'launcher-label': '',
};

/** Where the snippet loads the widget from: replace it with where you host `dist/`. */
export const SCRIPT_URL = 'https://your.cdn/agento-chat/dist/agento-chat.js';

const ATTRIBUTES = ['theme', 'position', 'mode', 'lang', 'title', 'greeting', 'placeholder', 'launcher-label'] as const;

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The attributes a config sets on `<agento-chat>`, defaults left out. */
export function attributesOf(config: Config, endpoint = '/api/agento'): Array<[string, string]> {
  const set: Array<[string, string]> = [['endpoint', endpoint]];
  for (const name of ATTRIBUTES) {
    const value = config[name].trim();
    if (value && value !== DEFAULTS[name]) set.push([name, value]);
  }
  return set;
}

/** The HTML to paste into a page. */
export function embedSnippet(config: Config, endpoint = '/api/agento'): string {
  const attributes = attributesOf(config, endpoint)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const lines = [`<script src="${SCRIPT_URL}" async></script>`, `<agento-chat${attributes}></agento-chat>`];
  const accent = config.accent.toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(accent) && accent !== DEFAULTS.accent) lines.push(`<style>agento-chat { --agento-accent: ${accent}; }</style>`);
  return `${lines.join('\n')}\n`;
}

/** Reads the form into a config. */
export function readConfig(form: HTMLFormElement): Config {
  const data = new FormData(form);
  const config = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as Array<keyof Config>) config[key] = String(data.get(key) ?? DEFAULTS[key]);
  return config;
}

/** A constructable sheet for the live widget's accent: CSP-safe, no inline style. */
const accentSheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;

/** Makes the live widget match the config. */
export function applyConfig(element: AgentoChatElement, config: Config): void {
  const wanted = new Map(attributesOf(config, element.getAttribute('endpoint') ?? '/api/agento'));
  for (const name of ATTRIBUTES) {
    const value = wanted.get(name);
    if (value === undefined) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
  if (accentSheet && /^#[0-9a-fA-F]{6}$/.test(config.accent)) {
    accentSheet.replaceSync(`#${element.id}{--agento-accent:${config.accent}}`);
    if (!document.adoptedStyleSheets.includes(accentSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, accentSheet];
  }
}

/** Copies text: the Clipboard API, or the textarea's selection where that is refused. */
async function copy(text: string, fallback: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback.select();
    return document.execCommand?.('copy') ?? false;
  }
}

/** Wires the page: every change of the form updates the live widget and the snippet. */
export function startConfigurator(root: Document = document): void {
  const form = root.querySelector<HTMLFormElement>('#configurator');
  const live = root.querySelector<AgentoChatElement>('agento-chat#live');
  const snippet = root.querySelector<HTMLTextAreaElement>('#snippet');
  const button = root.querySelector<HTMLButtonElement>('#copy');
  const status = root.querySelector<HTMLElement>('#copied');
  if (!form || !live || !snippet || !button || !status) return;

  const update = () => {
    const config = readConfig(form);
    applyConfig(live, config);
    snippet.value = embedSnippet(config, live.getAttribute('endpoint') ?? '/api/agento');
    status.textContent = '';
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  button.addEventListener('click', async () => {
    status.textContent = (await copy(snippet.value, snippet)) ? 'Copied.' : 'Select the snippet and copy it.';
  });
  update();
}

startConfigurator();

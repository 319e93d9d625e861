import { isRightToLeft, resolveLanguage, type Language } from '../i18n/languages.js';
import type { PanelHandle, PanelOptions } from '../view/mount-panel.js';
import { adoptStyles } from './adopt-styles.js';
import { shellEn } from '../view/shell-strings.js';
import type { Strings } from '../view/strings.js';
import { readBoolean, readDirection, readMode, readPosition, readText, readTheme, type Mode, type Position, type Theme } from './attributes.js';
import { AgentoCloseEvent, AgentoErrorEvent, AgentoMessageEvent, AgentoOpenEvent, AgentoSessionEvent } from './events.js';
import { loadPanel } from './load-panel.js';
import { loadStrings } from './load-strings.js';
import { shellCss } from './shell-styles.js';

// Lets the module be imported during server-side rendering, where HTMLElement does not exist.
const BaseElement = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

const SVG = 'http://www.w3.org/2000/svg';

/**
 * `<agento-chat>`: a chat with an Agento agent, streamed through your proxy.
 *
 * The element itself is a small shell: it draws the launcher and loads the chat panel
 * when it is first needed (open, inline mode, or the visitor's intent). Words in other
 * languages than English load on demand, one small file per language.
 *
 * @attr endpoint - Base URL of your Agento proxy, for example `/api/agento`. Required.
 * @attr mode - `floating` (default: a launcher button and a panel over the page) or `inline` (in the page's flow).
 * @attr open - Present: the panel is open (floating mode). Property: {@link AgentoChatElement.isOpen} (read-only; `open()` is a method).
 * @attr theme - `light` (default), `dark`, or `auto` (follows the visitor's `prefers-color-scheme`).
 * @attr position - `bottom-right` or `bottom-left`. Default: `bottom-right`, or `bottom-left` when the widget is right to left.
 * @attr lang - The widget's language (`en`, `de`, `fr`, `es`, `ja`, `ar`; `de-AT` means `de`; others fall back to English). Default: the page's.
 * @attr dir - `ltr` or `rtl`. Default: the page's direction, or the language's when `lang` is set on the element.
 * @attr title - The heading of the chat panel (the `title` property reflects it, as on every element).
 * @attr placeholder - The composer's placeholder.
 * @attr greeting - Shown in an empty conversation.
 * @attr launcher-label - The launcher's label while the chat is closed.
 * @attr allow-images - Present: images in replies load (http/https only, lazily, with no referrer); else each shows as a link.
 *
 * @event agento-open - {@link AgentoOpenEvent}: the panel opened.
 * @event agento-close - {@link AgentoCloseEvent}: the panel closed.
 * @event agento-message - {@link AgentoMessageEvent}: a user or assistant message was completed; `detail.message`.
 * @event agento-error - {@link AgentoErrorEvent}: the chat met an error; `detail.error` is the typed `AgentoError`.
 * @event agento-session - {@link AgentoSessionEvent}: a new session started; `detail.sessionId`.
 *
 * @csspart launcher - The round button that opens the chat.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's header.
 * @csspart close - The close button.
 * @csspart new-conversation - The button that starts a new conversation.
 * @csspart messages - The scrolling conversation.
 * @csspart message - Each message; also `message-user` or `message-assistant`.
 * @csspart message-user - A message of the visitor.
 * @csspart message-assistant - A message of the assistant.
 * @csspart input - The text box.
 * @csspart send - The send button.
 * @csspart stop - The stop button, while a reply streams.
 * @csspart error - The error line (and the notice shown when `endpoint` is missing).
 *
 * The custom properties (`--agento-accent` and the rest) are listed in the README's reference.
 */
export class AgentoChatElement extends BaseElement {
  static readonly observedAttributes = [
    'endpoint',
    'mode',
    'open',
    'theme',
    'position',
    'lang',
    'dir',
    'title',
    'placeholder',
    'greeting',
    'launcher-label',
    'allow-images',
  ];

  readonly #root: ShadowRoot;
  readonly #launcher: HTMLButtonElement;
  readonly #container: HTMLDivElement;
  #panel: PanelHandle | undefined;
  #loading: Promise<PanelHandle | undefined> | undefined;
  #warned = false;
  #focusOnOpen = false;
  #wasOpen: boolean | undefined;
  #strings: Partial<Strings> = {};
  #language: Language | undefined;
  #table: Partial<Strings> = {};
  #tableReady: Promise<unknown> = Promise.resolve();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root, shellCss, this.#nonce());

    this.#launcher = document.createElement('button');
    this.#launcher.type = 'button';
    this.#launcher.className = 'launcher';
    this.#launcher.setAttribute('part', 'launcher');
    this.#launcher.append(icon('M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-5A8 8 0 1 1 21 12z'));
    this.#launcher.addEventListener('click', () => this.toggle());
    // Intent: hovering or focusing the launcher starts loading the panel before the click.
    this.#launcher.addEventListener('pointerenter', () => void this.#load(), { once: true });
    this.#launcher.addEventListener('focus', () => void this.#load(), { once: true });

    this.#container = document.createElement('div');
    this.#container.className = 'host';
    // An empty title stops the host's `title` attribute from showing as a tooltip over the whole chat.
    this.#container.title = '';
    this.#root.append(this.#launcher, this.#container);
  }

  /** Base URL of the proxy (the `endpoint` attribute). */
  declare endpoint: string | undefined;
  /** `floating` or `inline` (the `mode` attribute). @defaultValue `'floating'` */
  declare mode: Mode;
  /** `light`, `dark` or `auto` (the `theme` attribute). @defaultValue `'light'` */
  declare theme: Theme;
  /** Shown in an empty conversation (the `greeting` attribute). */
  declare greeting: string | undefined;
  /** The composer's placeholder (the `placeholder` attribute); unset, the language's word. */
  declare placeholder: string | undefined;
  /** The launcher's label while the chat is closed (the `launcher-label` attribute); unset, the language's word. */
  declare launcherLabel: string | undefined;

  /**
   * The corner of the launcher and the floating panel (the `position` attribute).
   * @defaultValue `'bottom-right'`, or `'bottom-left'` when the widget is right to left
   */
  get position(): Position {
    return readPosition(this.getAttribute('position')) ?? (this.#direction(this.#resolveLanguage()) === 'rtl' ? 'bottom-left' : 'bottom-right');
  }
  set position(value: Position | null | undefined) {
    reflect(this, 'position', value);
  }

  /**
   * Replaces any of the widget's words, over the language's table; the `title`, `placeholder` and
   * `launcher-label` attributes win over it. Assign a new object to change words: the getter
   * returns a copy.
   */
  get strings(): Partial<Strings> {
    return { ...this.#strings };
  }
  set strings(value: Partial<Strings> | null | undefined) {
    this.#strings = { ...value };
    if (this.isConnected) this.#render();
  }

  /** Whether the panel shows: the `open` attribute, and always in inline mode. Read-only: use `open()`, `close()`, `toggle()`. */
  get isOpen(): boolean {
    return this.mode === 'inline' || readBoolean(this.getAttribute('open'));
  }

  /** Opens the panel and puts the cursor in the text box. */
  open(): void {
    if (this.isOpen) {
      void this.#load().then((panel) => panel?.focus());
      return;
    }
    this.#focusOnOpen = true;
    this.toggleAttribute('open', true);
  }

  /** Closes the panel; focus goes back to the launcher. */
  close(): void {
    const hadFocus = this.#root.activeElement !== null && this.#root.activeElement !== this.#launcher;
    this.toggleAttribute('open', false);
    if (hadFocus) this.#launcher.focus();
  }

  /** Opens the panel when it is closed, closes it when it is open. */
  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /**
   * Sends a message as if the visitor had typed it: opens the panel (loading it first if needed),
   * waits for the stored conversation, then sends. Resolves once the reply has finished, failed or
   * stopped; never rejects (errors arrive as `agento-error`). Ignored while a reply streams, and
   * without an `endpoint`.
   */
  async send(text: string): Promise<void> {
    this.open();
    await (await this.#load())?.send(text);
  }

  /** Stops the reply in progress; its text so far is kept. */
  stop(): void {
    this.#panel?.chat.stop();
  }

  /** Starts a new, empty conversation (loading the panel first if needed, without opening it). */
  async newConversation(): Promise<void> {
    await (await this.#load())?.chat.newConversation();
  }

  connectedCallback(): void {
    // `strings` set by a script that ran before the element was defined is an own property hiding
    // the accessor: take it through the accessor. (Attributes set before then need nothing.)
    if (Object.hasOwn(this, 'strings')) {
      const { strings } = this;
      delete (this as Partial<this>).strings;
      this.strings = strings;
    }
    this.#render();
    // Fetch the panel's code once the page is idle, so opening shows no delay; mounting it (and asking
    // the proxy for the history) waits for the visitor's intent.
    (globalThis.requestIdleCallback ?? setTimeout)(() => this.isConnected && loadPanel().catch(() => {}));
  }

  disconnectedCallback(): void {
    // Moving the element in the page disconnects and reconnects it in one go: that must not end the
    // conversation, so the panel is released only if the element is still out of the page afterwards.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#panel?.unmount();
      this.#panel = undefined;
      this.#loading = undefined;
    });
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#render();
  }

  #nonce(): string | null {
    // Browsers hide a `nonce` attribute once the element is in a page with a CSP; the property keeps it.
    return this.nonce || this.getAttribute('nonce');
  }

  /** The built-in language to speak: the element's `lang`, else the page's; English when there is no table for it. */
  #resolveLanguage(): Language {
    return resolveLanguage(this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  /** `dir` on the element wins; then the page's direction, unless `lang` on the element chose the language; then the language's. */
  #direction(language: Language): 'ltr' | 'rtl' {
    const from = this.hasAttribute('dir') || !this.hasAttribute('lang') ? this.closest('[dir]') : null;
    return readDirection(from?.getAttribute('dir')) ?? (isRightToLeft(language) ? 'rtl' : 'ltr');
  }

  /** Starts loading a language's table; the widget draws again when it arrives. */
  #useLanguage(language: Language): void {
    this.#language = language;
    // The previous language's words stay until the new ones arrive: no flash of English in between.
    if (language === 'en') this.#table = {};
    // The browser loads each table once per page, however many widgets ask. A table that fails to
    // load (the network log shows why) leaves the words in English.
    this.#tableReady =
      language === 'en'
        ? Promise.resolve()
        : loadStrings(language).then(
            (words) => {
              if (this.#language !== language) return;
              this.#table = words;
              if (this.isConnected) this.#render();
            },
            () => {},
          );
  }

  /** The words over English: language table, then the `strings` property, then the attributes. */
  #words(): Partial<Strings> {
    const title = readText(this.getAttribute('title'));
    const placeholder = this.placeholder;
    const launcherOpen = this.launcherLabel;
    return { ...this.#table, ...this.#strings, ...(title && { title }), ...(placeholder && { placeholder }), ...(launcherOpen && { launcherOpen }) };
  }

  #options(words: Partial<Strings>): PanelOptions {
    return {
      endpoint: this.endpoint ?? '',
      mode: this.mode,
      strings: words,
      greeting: this.greeting,
      allowImages: this.hasAttribute('allow-images'),
      open: this.isOpen,
      onClose: () => this.close(),
      onMessage: (message) => this.dispatchEvent(new AgentoMessageEvent(message)),
      onError: (error) => this.dispatchEvent(new AgentoErrorEvent(error)),
      onSession: (sessionId) => this.dispatchEvent(new AgentoSessionEvent(sessionId)),
    };
  }

  #render(): void {
    const language = this.#resolveLanguage();
    if (language !== this.#language) this.#useLanguage(language);
    const words = this.#words();
    const shell = { ...shellEn, ...words };
    const open = this.isOpen;
    const inline = this.mode === 'inline';
    const left = this.position === 'bottom-left';
    this.#launcher.hidden = inline;
    // `left` on the launcher moves it, and (through `.left+.host`) the panel and the notice with it.
    this.#launcher.classList.toggle('left', left);
    this.#launcher.setAttribute('aria-expanded', String(open));
    this.#launcher.setAttribute('aria-label', open ? shell.launcherClose : shell.launcherOpen);
    this.#container.hidden = !open;
    this.#container.dir = this.#direction(language);
    this.#container.classList.toggle('inline', inline);

    const changed = this.#wasOpen !== undefined && this.#wasOpen !== open;
    this.#wasOpen = open;
    if (changed) this.dispatchEvent(open ? new AgentoOpenEvent() : new AgentoCloseEvent());

    if (!this.endpoint) {
      this.#panel?.unmount();
      this.#panel = undefined;
      this.#loading = undefined;
      if (!this.#warned) {
        this.#warned = true;
        console.error('<agento-chat>: the endpoint attribute is missing.');
      }
      const notice = document.createElement('p');
      notice.className = 'notice';
      notice.setAttribute('part', 'error');
      notice.setAttribute('role', 'alert');
      notice.textContent = shell.missingEndpoint;
      this.#container.replaceChildren(notice);
      return;
    }

    this.#panel?.update(this.#options(words));
    if (open) {
      const focus = this.#focusOnOpen;
      this.#focusOnOpen = false;
      void this.#load().then((panel) => focus && panel?.focus());
    }
  }

  /** Loads and mounts the panel once (with the language's words); later calls share the same promise. */
  #load(): Promise<PanelHandle | undefined> {
    if (!this.endpoint) return Promise.resolve(undefined);
    return (this.#loading ??= Promise.all([loadPanel(), this.#tableReady]).then(
      ([{ mountPanel, panelStyles }]) => {
        if (!this.isConnected || !this.endpoint || this.#panel) return this.#panel;
        adoptStyles(this.#root, panelStyles, this.#nonce());
        this.#container.replaceChildren();
        return (this.#panel = mountPanel(this.#container, this.#options(this.#words())));
      },
      (error: unknown) => {
        this.#loading = undefined;
        console.error('<agento-chat>: could not load the chat panel.', error);
        return undefined;
      },
    ));
  }
}

/** Writes a property to its attribute; null or undefined removes it. */
function reflect(element: Element, name: string, value: string | null | undefined): void {
  if (value == null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

// The properties that mirror an attribute, defined once on the prototype: read through the attribute's
// converter, written back to the attribute. Declared (with their documentation) in the class.
const mirrored = [
  ['endpoint', 'endpoint', readText],
  ['mode', 'mode', readMode],
  ['theme', 'theme', readTheme],
  ['greeting', 'greeting', readText],
  ['placeholder', 'placeholder', readText],
  ['launcherLabel', 'launcher-label', readText],
] as const;

for (const [property, attribute, read] of mirrored) {
  Object.defineProperty(AgentoChatElement.prototype, property, {
    configurable: true,
    get(this: Element) {
      return read(this.getAttribute(attribute));
    },
    set(this: Element, value: string | null | undefined) {
      reflect(this, attribute, value);
    },
  });
}

function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(SVG, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

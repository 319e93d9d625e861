import type { PanelHandle, PanelOptions } from '../view/mount-panel.js';
import { adoptStyles } from '../view/adopt-styles.js';
import { en, type Strings } from '../view/strings.js';
import { readBoolean, readMode, readText, type Mode } from './attributes.js';
import { loadPanel } from './load-panel.js';
import { shellCss } from './shell-styles.js';

// Lets the module be imported during server-side rendering, where HTMLElement does not exist.
const BaseElement = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

const SVG = 'http://www.w3.org/2000/svg';

/**
 * `<agento-chat>`: a chat with an Agento agent, streamed through your proxy.
 *
 * The element itself is a small shell: it draws the launcher and loads the chat panel
 * when it is first needed (open, inline mode, or the visitor's intent).
 *
 * @attr endpoint - Base URL of your Agento proxy, for example `/api/agento`. Required.
 * @attr title - The heading of the chat panel.
 * @attr placeholder - The composer's placeholder.
 * @attr open - Present: the panel is open.
 * @attr mode - `floating` (default: a launcher button and a panel over the page) or `inline` (in the page's flow).
 * @attr greeting - Shown in an empty conversation.
 *
 * @csspart launcher - The round button that opens the chat.
 * @csspart panel - The chat panel.
 * @csspart header - The panel's header.
 * @csspart close - The close button.
 * @csspart new-conversation - The button that starts a new conversation.
 * @csspart messages - The scrolling conversation.
 * @csspart message - Each message; also `message-user` or `message-assistant`.
 * @csspart input - The text box.
 * @csspart send - The send button.
 * @csspart stop - The stop button, while a reply streams.
 * @csspart error - The error line.
 */
export class AgentoChatElement extends BaseElement {
  static readonly observedAttributes = ['endpoint', 'title', 'placeholder', 'open', 'mode', 'greeting'];

  readonly #root: ShadowRoot;
  readonly #launcher: HTMLButtonElement;
  readonly #container: HTMLDivElement;
  #panel: PanelHandle | undefined;
  #loading: Promise<PanelHandle | undefined> | undefined;
  #warned = false;
  #focusOnOpen = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adoptStyles(this.#root, shellCss, this.getAttribute('nonce'));

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

  /** Base URL of the proxy. */
  get endpoint(): string | undefined {
    return readText(this.getAttribute('endpoint'));
  }

  get mode(): Mode {
    return readMode(this.getAttribute('mode'));
  }

  /** Whether the panel shows: always in inline mode. */
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

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  connectedCallback(): void {
    this.#render();
  }

  disconnectedCallback(): void {
    this.#panel?.unmount();
    this.#panel = undefined;
    this.#loading = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#render();
  }

  #strings(): Strings {
    const title = readText(this.getAttribute('title'));
    const placeholder = readText(this.getAttribute('placeholder'));
    return { ...en, ...(title && { title }), ...(placeholder && { placeholder }) };
  }

  #options(): PanelOptions {
    return {
      endpoint: this.endpoint ?? '',
      mode: this.mode,
      strings: this.#strings(),
      greeting: readText(this.getAttribute('greeting')),
      nonce: this.getAttribute('nonce'),
      onClose: () => this.close(),
    };
  }

  #render(): void {
    const open = this.isOpen;
    const inline = this.mode === 'inline';
    const strings = this.#strings();
    this.#launcher.hidden = inline;
    this.#launcher.setAttribute('aria-expanded', String(open));
    this.#launcher.setAttribute('aria-label', open ? strings.launcherClose : strings.launcherOpen);
    this.#launcher.title = open ? strings.launcherClose : strings.launcherOpen;
    this.#container.hidden = !open;
    this.#container.classList.toggle('inline', inline);

    if (!this.endpoint) {
      this.#panel?.unmount();
      this.#panel = undefined;
      this.#loading = undefined;
      if (!this.#warned) {
        this.#warned = true;
        console.error('<agento-chat>: the `endpoint` attribute is missing, e.g. <agento-chat endpoint="/api/agento">.');
      }
      const notice = document.createElement('p');
      notice.className = 'notice';
      notice.setAttribute('part', 'error');
      notice.setAttribute('role', 'alert');
      notice.textContent = strings.missingEndpoint;
      this.#container.replaceChildren(notice);
      return;
    }

    this.#panel?.update(this.#options());
    if (open) {
      const focus = this.#focusOnOpen;
      this.#focusOnOpen = false;
      void this.#load().then((panel) => focus && panel?.focus());
    }
  }

  /** Loads and mounts the panel once; later calls share the same promise. */
  #load(): Promise<PanelHandle | undefined> {
    if (!this.endpoint) return Promise.resolve(undefined);
    return (this.#loading ??= loadPanel().then(
      ({ mountPanel }) => {
        if (!this.isConnected || !this.endpoint || this.#panel) return this.#panel;
        this.#container.replaceChildren();
        return (this.#panel = mountPanel(this.#root, this.#container, this.#options()));
      },
      (error: unknown) => {
        this.#loading = undefined;
        console.error('<agento-chat>: could not load the chat panel.', error);
        return undefined;
      },
    ));
  }
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

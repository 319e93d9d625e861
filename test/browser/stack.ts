import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, test as baseTest, type TestAPI } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../demo/emulator/index.js';
import { startDemoServer, type DemoServer } from '../../demo/dev-server.js';
import { launchChromium } from './chromium.js';

/** The running stack of one test file: the demo server (proxy + emulator) and one Chromium. */
export interface Stack {
  /** Base URL of the demo server, for example `http://127.0.0.1:53211`. */
  readonly url: string;
  readonly emulator: Emulator;
  /** The file's Chromium. Rejects, failing the test that asks, when there is none. */
  browser(): Promise<Browser>;
  /**
   * `test` with an `open` fixture: `test('…', async ({ open }) => { const { page } = await open('/demo/pages/…') })`.
   * Safe in `describe.concurrent`: each test tracks and closes its own pages.
   */
  readonly test: TestAPI<{ open: OpenPage }>;
}

/**
 * Opens `path` in a fresh browser context (own cookies, so own visitor, and own storage).
 * Every console error, page error and CSP violation of the page fails the test, unless `allow`
 * matches it. The context closes when the test ends.
 */
export type OpenPage = (path: string, options?: OpenOptions) => Promise<OpenedPage>;

export interface OpenOptions {
  /** Console errors the test expects, such as the browser's own line about a `500`. */
  readonly allow?: readonly RegExp[];
  /** Options of the browser context: viewport, `isMobile`, `colorScheme`, … */
  readonly context?: BrowserContextOptions;
  /** Skip navigating: the test calls `page.goto` itself. */
  readonly navigate?: boolean;
}

export interface OpenedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** What went wrong on the page so far; the test fails on any of it unless allowed. */
  readonly problems: Problems;
}

export interface Problems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly cspViolations: string[];
}

export interface StackOptions {
  /** Options of the Agento emulator behind the proxy. @defaultValue fast tokens (3 ms) */
  readonly emulator?: EmulatorOptions;
  /**
   * The folder the server serves, or a function that names it once earlier `beforeAll` hooks ran.
   * @defaultValue a snapshot of the repository's `dist/` with `demo/` beside it
   */
  readonly root?: string | (() => string);
}

/** `expect.poll` options for browser tests: generous, since a busy CI machine may be slow to paint. */
export const POLL = { timeout: 15_000 } as const;

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected into pages by {@link runAxe}. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');

// Installed before any page script runs; the binding is exposed per context, so no page can forget it.
const CSP_LISTENER = `addEventListener('securitypolicyviolation', (event) => {
  globalThis.__agentoCspViolation?.(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + event.sourceFile + ':' + event.lineNumber);
}, true);`;

/**
 * Starts the demo server and Chromium once for the calling test file (in `beforeAll`) and stops
 * them in `afterAll`. Each test that opens pages through the `open` fixture fails if one of them
 * logged an error or a CSP violation. Call it at the top of a test file.
 */
export function useStack(options: StackOptions = {}): Stack {
  let server: DemoServer | undefined;
  let browser: Promise<Browser> | undefined;
  let snapshot: string | undefined;

  beforeAll(async () => {
    // Not awaited here: a missing browser or build must fail every test (with a one-line hint), not skip them.
    browser = Promise.resolve().then(() => launchChromium());
    browser.catch(() => {});
    let root = typeof options.root === 'function' ? options.root() : options.root;
    if (!root) {
      try {
        root = snapshot = await snapshotBuild();
      } catch (error) {
        void browser.then((launched) => launched.close(), () => {});
        browser = Promise.reject(error as Error);
        browser.catch(() => {});
        return;
      }
    }
    server = await startDemoServer({ port: 0, root, emulator: { tokenDelayMs: 3, rateLimit: false, ...options.emulator } });
  }, 60_000);

  afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close();
    await server?.close();
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  });

  async function openPage(path: string, { allow = [], context: contextOptions, navigate = true }: OpenOptions, opened: Tracked[]): Promise<OpenedPage> {
    const context = await (await stack.browser()).newContext({ baseURL: stack.url, ...contextOptions });
    const problems: Problems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
    const entry = { page: undefined as unknown as Page, context, problems, allow };
    opened.push(entry);
    await context.exposeFunction('__agentoCspViolation', (line: string) => void problems.cspViolations.push(line));
    await context.addInitScript(CSP_LISTENER);
    const page = (entry.page = await context.newPage());
    page.on('console', (message: ConsoleMessage) => {
      const text = message.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(text);
      else if (message.type() === 'error') problems.consoleErrors.push(`${text} (${message.location().url})`);
    });
    page.on('pageerror', (error) => void problems.pageErrors.push(String(error.stack ?? error)));
    if (navigate) await page.goto(path);
    return entry;
  }

  const stack: Stack = {
    get url() {
      return need(server, 'server').url;
    },
    get emulator() {
      return need(server, 'server').emulator;
    },
    browser: () => need(browser, 'browser'),
    test: baseTest.extend<{ open: OpenPage }>({
      // eslint-disable-next-line no-empty-pattern -- Vitest reads the fixtures a fixture needs from this pattern.
      open: async ({}, use) => {
        const opened: Tracked[] = [];
        await use((path, options = {}) => openPage(path, options, opened));
        const report: string[] = [];
        for (const { context, problems, allow } of opened) {
          const unexpected = (lines: string[]) => lines.filter((line) => !allow.some((pattern) => pattern.test(line)));
          report.push(...unexpected(problems.consoleErrors).map((line) => `console error: ${line}`));
          report.push(...problems.pageErrors.map((line) => `page error: ${line}`));
          report.push(...problems.cspViolations.map((line) => `CSP violation: ${line}`));
          await context.close();
        }
        if (report.length) throw new Error(`The page reported problems:\n${report.join('\n')}`);
      },
    }),
  };
  return stack;
}

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What the demo server serves to one test file: a copy of `dist/` as it is now, and `demo/` (linked).
 * A copy, so a build running elsewhere in the tree (which empties `dist/` first) cannot pull the
 * files from under a running test; and when one is running, this waits for it to finish.
 */
async function snapshotBuild(): Promise<string> {
  const dist = join(REPO, 'dist');
  const files = ['agento-chat.js', 'agento-chat-panel.js'].map((file) => join(dist, file));
  const settled = () => files.every((file) => existsSync(file) && Date.now() - statSync(file).mtimeMs > 1000);
  for (const deadline = Date.now() + 20_000; !settled(); ) {
    if (Date.now() > deadline) throw new Error('dist/agento-chat.js is missing: run `npm run build` first (`npm test` does).');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const root = mkdtempSync(join(tmpdir(), 'agento-browser-'));
  cpSync(dist, join(root, 'dist'), { recursive: true, filter: (source) => !source.endsWith('.map') && source !== join(dist, 'types') });
  symlinkSync(join(REPO, 'demo'), join(root, 'demo'), 'dir');
  if (!files.every((file) => existsSync(join(root, 'dist', basename(file))))) {
    rmSync(root, { recursive: true, force: true });
    throw new Error('dist/ changed while it was copied (a build is running?): run the tests again.');
  }
  return root;
}

/** A page a test opened, with the console errors it expects. */
type Tracked = OpenedPage & { readonly allow: readonly RegExp[] };

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The ${what} of the browser stack is not running: call useStack() at the top of the test file.`);
  return value;
}

/** Injects axe-core and runs it on the whole page (shadow roots included); returns the violations, readable. */
export async function runAxe(page: Page, context = 'document'): Promise<string[]> {
  // Evaluated through the DevTools protocol rather than added as a <script>, which a strict CSP page would block.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const target = selector === 'document' ? document : selector;
    const result = await axe.run(target, { resultTypes: ['violations'] });
    return result.violations;
  }, context);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(node.target)}: ${node.failureSummary}`),
  );
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: unknown; failureSummary: string }[];
}

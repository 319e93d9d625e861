import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where Chromium or Chrome may live; the first that exists wins. `CHROMIUM_PATH` overrides. */
const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's binary itself: faster than the /usr/bin wrapper script
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser to test in, or an error that says in one line how to get one. Never a silent skip. */
export function findChromium(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (existsSync(override)) return override;
    throw new Error(`CHROMIUM_PATH=${override} does not exist: point it at a Chromium or Chrome binary, or unset it to search the usual places.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error('No Chromium or Chrome found: install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, ...options });
}

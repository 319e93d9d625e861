import { afterAll, afterEach, beforeAll, expect } from 'vitest';

/**
 * Makes every test of the file fail when a promise rejected unobserved or an error was thrown past
 * everything while it ran. Call it first in the file: its check runs after the file's own cleanup.
 */
export function failOnStrayErrors(settleMs = 0): void {
  const strays: unknown[] = [];
  const collect = (reason: unknown) => void strays.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', collect);
    process.on('uncaughtException', collect);
  });
  afterAll(() => {
    process.off('unhandledRejection', collect);
    process.off('uncaughtException', collect);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, settleMs)); // a rejection is reported a turn later
    expect(strays).toEqual([]);
    strays.length = 0;
  });
}

import type { Strings } from './strings.js';

/** The words the element shows before the panel is loaded: the launcher's labels and the set-up notice. */
export type ShellStrings = Pick<Strings, 'launcherOpen' | 'launcherClose' | 'missingEndpoint'>;

/**
 * English shell words. Kept apart from the rest of `en` in `strings.ts` so the loader, which must stay tiny,
 * carries these three and the panel carries the rest.
 */
export const shellEn: ShellStrings = {
  launcherOpen: 'Open chat',
  launcherClose: 'Close chat',
  missingEndpoint: 'This chat is not set up yet: its endpoint attribute is missing.',
};

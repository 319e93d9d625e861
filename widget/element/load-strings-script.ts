import type { Language } from '../i18n/languages.js';
import type { Strings } from '../view/strings.js';
import { scriptUrl } from './script-url.js';

// The script-tag build swaps this file in for load-strings.ts: each table is a file next to
// `agento-chat.js`, `agento-chat-lang-de.js` and so on (see `panelBuild` in vite.config.ts).
/** Loads a built-in language table from next to the loader script. */
export const loadStrings = (language: Exclude<Language, 'en'>): Promise<Partial<Strings>> =>
  import(/* @vite-ignore */ scriptUrl(`agento-chat-lang-${language}.js`)).then((table: { default: Partial<Strings> }) => table.default);

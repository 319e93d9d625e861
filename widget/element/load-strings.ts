import type { Language } from '../i18n/languages.js';
import type { Strings } from '../view/strings.js';

type Table = { default: Partial<Strings> };

// One dynamic import per language, so bundlers give each table its own chunk and a page loads only its own.
const tables: Record<Exclude<Language, 'en'>, () => Promise<Table>> = {
  de: () => import('../i18n/de.js'),
  fr: () => import('../i18n/fr.js'),
  es: () => import('../i18n/es.js'),
  ja: () => import('../i18n/ja.js'),
  ar: () => import('../i18n/ar.js'),
};

/** Loads a built-in language table (English is built into the panel). */
export const loadStrings = (language: Exclude<Language, 'en'>): Promise<Partial<Strings>> => tables[language]().then((table) => table.default);

/** The languages with a built-in table. English is built into the panel; the others load on demand. */
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;

/** A language with a built-in table. */
export type Language = (typeof LANGUAGES)[number];

/**
 * The built-in language for a BCP 47 tag: its primary subtag when there is a table for it
 * (`de-AT` → `de`), else English.
 */
export function resolveLanguage(tag: string | null | undefined): Language {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? 'en';
}

/** Languages written right to left. */
export const isRightToLeft = (language: Language): boolean => language === 'ar';

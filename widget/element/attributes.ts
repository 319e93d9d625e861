/** Typed readers for the element's attributes: one place that says what each attribute means. */
export type Mode = 'floating' | 'inline';

export const readMode = (value: string | null): Mode => (value === 'inline' ? 'inline' : 'floating');

/** Boolean attributes follow HTML: present means true, whatever the value (`open="false"` is still open). */
export const readBoolean = (value: string | null): boolean => value !== null;

/** An empty attribute counts as missing, so `title=""` falls back to the built-in word. */
export const readText = (value: string | null): string | undefined => value?.trim() || undefined;

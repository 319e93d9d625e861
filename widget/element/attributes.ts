/** Typed readers for the element's attributes: one place that says what each attribute means. */
export type Mode = 'floating' | 'inline';

/** `auto` follows the visitor's `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

/** The corner the launcher and the floating panel sit in. */
export type Position = 'bottom-right' | 'bottom-left';

/** The value when it is one of `values`, else undefined. */
const oneOf = <T extends string>(value: string | null | undefined, ...values: T[]): T | undefined => values.find((v) => v === value);

export const readMode = (value: string | null): Mode => oneOf(value, 'inline') ?? 'floating';

export const readTheme = (value: string | null): Theme => oneOf(value, 'dark', 'auto') ?? 'light';

/** A valid `position`, or undefined: the default then follows the reading direction. */
export const readPosition = (value: string | null): Position | undefined => oneOf(value, 'bottom-right', 'bottom-left');

/** A valid `dir`, or undefined (`auto`, missing or anything else). */
export const readDirection = (value: string | null | undefined): 'ltr' | 'rtl' | undefined => oneOf(value, 'ltr', 'rtl');

/** Boolean attributes follow HTML: present means true, whatever the value (`open="false"` is still open). */
export const readBoolean = (value: string | null): boolean => value !== null;

/** An empty attribute counts as missing, so `title=""` falls back to the built-in word. */
export const readText = (value: string | null): string | undefined => value?.trim() || undefined;

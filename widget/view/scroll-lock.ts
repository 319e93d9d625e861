import { useEffect } from 'preact/hooks';

/** Where the floating panel fills the screen (see panel-styles.ts): the page behind must not scroll. */
export const SMALL_SCREEN = '(max-width: 480px)';

let locks = 0;
let saved = '';

/**
 * Stops the page from scrolling until the returned function is called. Counted, so two widgets
 * on one page release it only when both are done. Writes through the CSSOM, which a strict
 * `style-src` Content-Security-Policy allows.
 */
export function lockPageScroll(): () => void {
  const root = (document.scrollingElement ?? document.documentElement) as HTMLElement;
  if (locks++ === 0) {
    saved = root.style.overflow;
    root.style.overflow = 'hidden';
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--locks === 0) root.style.overflow = saved;
  };
}

/** Locks the page's scrolling while `active` and the screen is small; follows rotation and resizing. */
export function useScrollLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof matchMedia !== 'function') return;
    const query = matchMedia(SMALL_SCREEN);
    let release: (() => void) | undefined;
    const apply = () => {
      if (query.matches && !release) release = lockPageScroll();
      else if (!query.matches && release) {
        release();
        release = undefined;
      }
    };
    apply();
    query.addEventListener('change', apply);
    return () => {
      query.removeEventListener('change', apply);
      release?.();
    };
  }, [active]);
}

import { useEffect } from 'preact/hooks';

/** Where the floating panel fills the screen (see panel-styles.ts): the page behind must not scroll. */
export const SMALL_SCREEN = '(max-width: 480px)';

/** How many widgets lock the page now, and the page's own `overflow` from before the first. */
let locks = 0;
let saved = '';

/**
 * Locks the page's scrolling while `active` and the screen is small; follows rotation and resizing.
 * Counted, so two widgets on one page release it only when both are done. Writes through the CSSOM,
 * which a strict `style-src` Content-Security-Policy allows.
 */
export function useScrollLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof matchMedia !== 'function') return;
    const { style } = (document.scrollingElement ?? document.documentElement) as HTMLElement;
    const query = matchMedia(SMALL_SCREEN);
    let locked = false;
    const lock = (on: boolean) => {
      if (on === locked) return;
      locked = on;
      if (on && locks++ === 0) {
        saved = style.overflow;
        style.overflow = 'hidden';
      } else if (!on && --locks === 0) style.overflow = saved;
    };
    const apply = () => lock(query.matches);
    apply();
    query.addEventListener('change', apply);
    return () => {
      query.removeEventListener('change', apply);
      lock(false);
    };
  }, [active]);
}

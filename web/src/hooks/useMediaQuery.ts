import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, right from the first render (no flash of the wrong layout). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** AntD's `lg` breakpoint: the side menu from here up, a top bar with a drawer below. */
export const useIsDesktop = () => useMediaQuery('(min-width: 992px)');
/** Phones (below AntD's `sm`). */
export const useIsPhone = () => useMediaQuery('(max-width: 575.98px)');
/** Below AntD's `md` (768 px) a table becomes stacked rows, as the register lists do. */
export const useStacksTables = () => !useMediaQuery('(min-width: 768px)');

import { useLayoutEffect } from 'react';
import { useLocation, useMatches } from 'react-router-dom';
import { navItemOf } from '../navigation.ts';

/** What every browser tab and bookmark ends with: "实习学生 · 产教". */
export const TITLE_SUFFIX = '产教';
export const documentTitle = (title: string) => `${title} · ${TITLE_SUFFIX}`;

/** A route's own title, for pages outside the menu (sign-in, public pages, details). */
export interface RouteHandle {
  title: string;
}

/**
 * Each page's document title, in one place: the nearest route's `handle.title`, else the page's menu entry
 * (navigation.ts), so the tab says which page it is. A record's page may then name the record
 * (`usePageTitle`, a passive effect, runs after this layout effect).
 */
export function RouteTitle() {
  const matches = useMatches();
  const { pathname } = useLocation();
  const own = matches
    .map((m) => (m.handle as RouteHandle | undefined)?.title)
    .filter(Boolean)
    .at(-1);
  const title = own ?? navItemOf(pathname)?.label;
  useLayoutEffect(() => {
    if (title) document.title = documentTitle(title);
  }, [title, pathname]);
  return null;
}

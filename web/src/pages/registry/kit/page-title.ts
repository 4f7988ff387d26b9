import { useEffect } from 'react';
import { documentTitle } from '../../../layout/RouteTitle.tsx';

/** A record's page names the record in the tab once it is loaded (the route's title stands until then). */
export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = documentTitle(title);
  }, [title]);
}

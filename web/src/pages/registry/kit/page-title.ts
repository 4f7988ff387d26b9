import { useEffect } from 'react';
import { PLATFORM_NAME } from '../../../layout/AppLayout.tsx';

export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    if (title) document.title = `${title} · ${PLATFORM_NAME}`;
  }, [title]);
}

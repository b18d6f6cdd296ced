import { useEffect } from 'react';

/** The tab's title names the page, which is also what screen readers announce after navigation. */
export function useDocumentTitle(pageTitle: string, appName: string) {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : appName;
  }, [pageTitle, appName]);
}

import { useLayoutEffect, type RefObject } from 'react';

/**
 * The custom property on the document that holds the sticky header's height; the stylesheet's
 * `scroll-padding-top` reads it, so whatever is scrolled into view (a confirmation, a form's title, a
 * focused field) stops below the header instead of under it.
 */
const HEADER_HEIGHT_PROPERTY = '--site-header-height';

/**
 * Keeps HEADER_HEIGHT_PROPERTY equal to the header's real height, measured: it depends on the width
 * (a phone wraps the navigation under the brand, once or twice), the language and the text size, so no
 * number written in the stylesheet can be right everywhere.
 */
export function useStickyHeaderHeight(header: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = header.current;
    if (!element) return;
    const root = document.documentElement;
    const measure = () => root.style.setProperty(HEADER_HEIGHT_PROPERTY, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    measure();
    // jsdom has none; every browser the app supports does.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(HEADER_HEIGHT_PROPERTY);
    };
  }, [header]);
}

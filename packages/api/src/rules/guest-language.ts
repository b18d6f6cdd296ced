/**
 * The language a guest's e-mail is written in (issue 17): the booking's own `language`, else the
 * request's Accept-Language (the first language by preference that is English or Spanish), else es-CO.
 */
import { GUEST_LANGUAGES } from '@tablebook/db/statuses';

export { GUEST_LANGUAGES };
export type GuestLanguage = (typeof GUEST_LANGUAGES)[number];
export const DEFAULT_GUEST_LANGUAGE: GuestLanguage = 'es-CO';

/** At most this many entries of a header are read (a hostile header can be long). */
const MAX_ENTRIES = 32;

/**
 * The guest language an Accept-Language header prefers: entries by descending q (ties in the order
 * given; q=0 means "not this one"), en or en-* is en, es or es-* is es-CO; none of them: es-CO.
 */
export function languageFromAcceptLanguage(header: string | string[] | undefined | null): GuestLanguage {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (typeof text !== 'string' || text.length === 0) return DEFAULT_GUEST_LANGUAGE;
  const entries = text
    .slice(0, 4096)
    .split(',')
    .slice(0, MAX_ENTRIES)
    .map((entry, index) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
      let quality = 1;
      for (const parameter of parameters) {
        const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(parameter);
        if (match) quality = Math.min(1, Number(match[1]));
        else if (/^q\s*=/i.test(parameter)) quality = Number.NaN;
      }
      return { tag: tag.toLowerCase(), quality, index };
    })
    .filter((entry) => entry.tag.length > 0 && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of entries) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'es' || tag.startsWith('es-')) return 'es-CO';
  }
  return DEFAULT_GUEST_LANGUAGE;
}

/** A booking's language: the one it names, else the request's preference. */
export const bookingLanguage = (given: GuestLanguage | undefined, acceptLanguage: string | undefined): GuestLanguage =>
  given ?? languageFromAcceptLanguage(acceptLanguage);

import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The page a browser gets for an address the router cannot read (a bad percent-encoding such as
 * `/%E0%A4%A`, a path segment over the length limit): a 400, in the visitor's language, with a way
 * home, instead of the API's English JSON envelope and its request id (the id stays in X-Request-Id
 * for whoever reads the logs). Fastify answers these before any hook runs (its frameworkErrors), so
 * neither the security plugin's headers nor index.html's are there: the page is self-contained, has no
 * script, and carries a policy of its own that allows nothing but its one style sheet.
 */

const STYLE =
  'body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1f2328;background:#fafaf7}' +
  'main{max-width:36rem;margin:4rem auto;padding:0 1.25rem}h1{font-size:1.5rem;line-height:1.25}' +
  'a{color:#0b5cad}a:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}';

const POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join(';');

/** The web app's two languages (apps/web/src/i18n/language.ts), English for anyone else, as there. */
const WORDS = {
  es: {
    title: 'Dirección no válida',
    heading: 'Esta dirección no es válida',
    body: 'No se puede leer como la dirección de una página: quizá el enlace se cortó o se copió mal.',
    home: 'Ir al inicio de Tablebook',
  },
  en: {
    title: 'Invalid address',
    heading: 'This address is not valid',
    body: 'It cannot be read as the address of a page: the link may have been cut off or copied wrongly.',
    home: 'Go to the Tablebook home page',
  },
} as const;
type Language = keyof typeof WORDS;

/** The first of the two languages among Accept-Language's tags, most preferred (highest q) first. */
function languageOf(acceptLanguage: string | undefined): Language {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((entry, order) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
      const quality = parameters.find((parameter) => parameter.startsWith('q='));
      return { primary: tag.split('-')[0] ?? '', q: quality === undefined ? 1 : Number(quality.slice(2)) || 0, order };
    })
    .filter((tag) => tag.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return tags.find((tag): tag is typeof tag & { primary: Language } => tag.primary in WORDS)?.primary ?? 'en';
}

const pageIn = (language: Language) => {
  const words = WORDS[language];
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${words.title} · Tablebook</title><style>${STYLE}</style></head>`,
    `<body><main><p>Tablebook</p><h1>${words.heading}</h1><p>${words.body}</p><p><a href="/">${words.home}</a></p></main></body></html>`,
  ].join('\n');
};
const PAGES: Record<Language, string> = { es: pageIn('es'), en: pageIn('en') };

/** Answers a page navigation to an unreadable address with the 400 page. */
export function sendBadPathPage(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(400)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .header('vary', 'Accept, Accept-Language')
    .send(PAGES[languageOf(request.headers['accept-language'])]);
}

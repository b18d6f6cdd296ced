import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { paths } from './paths.ts';

/**
 * Shown when a page fails to render (its code could not be fetched, or it threw): an apology and a way
 * back, never a blank screen. It takes the page's place inside the layout, so the site's header (its
 * navigation and language switch) and footer stay, and the reader can go anywhere from here.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const words = notFound ? t.notFound : t.routeError;
  useDocumentTitle(words.title, t.app.name);
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{words.title}</h1>
        <p className="page-intro">{words.body}</p>
      </header>
      <p>
        <Link className="button button--primary" to={paths.find()}>
          {t.common.backToFind}
        </Link>
      </p>
    </>
  );
}

/** The layout itself failed: the same page, in a main landmark of its own (there is no frame to hold it). */
export function LayoutError() {
  return (
    <main id="main" className="page">
      <RouteError />
    </main>
  );
}

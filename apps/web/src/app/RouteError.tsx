import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { paths } from './paths.ts';

/** Shown when a page fails to render: an apology and a way back, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="page">
      <header className="page-header">
        <h1 className="page-title">{notFound ? t.notFound.title : t.routeError.title}</h1>
        <p className="page-intro">{notFound ? t.notFound.body : t.routeError.body}</p>
      </header>
      <p>
        <Link className="button button--primary" to={paths.find()}>
          {t.common.backToFind}
        </Link>
      </p>
    </main>
  );
}

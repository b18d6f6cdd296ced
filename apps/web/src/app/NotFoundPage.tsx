import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { paths } from './paths.ts';

/**
 * An address no route answers. A page like any other, with its level-one heading in the layout's main
 * landmark (a screen reader's "go to heading 1" lands on what happened), not a status message in an empty page.
 */
export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFound.title, t.app.name);
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.notFound.title}</h1>
        <p className="page-intro">{t.notFound.body}</p>
      </header>
      <p>
        <Link className="button button--primary" to={paths.find()}>
          {t.common.backToFind}
        </Link>
      </p>
    </>
  );
}

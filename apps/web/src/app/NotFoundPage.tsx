import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { EmptyState } from '../ui/states.tsx';
import { paths } from './paths.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFound.title, t.app.name);
  return (
    <EmptyState title={t.notFound.title}>
      <p>{t.notFound.body}</p>
      <Link className="button button--primary" to={paths.find()}>
        {t.common.backToFind}
      </Link>
    </EmptyState>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Loading, ProblemNotice } from '../../ui/states.tsx';
import { DailyLimitsForm } from './DailyLimitsForm.tsx';

/** The administrator's page of the stored daily limits: the whole system's, and a restaurant's default. */
export function SettingsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  useDocumentTitle(t.settings.title, t.app.name);
  const stored = useQuery(trpc.settings.get.queryOptions());
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.settings.title}</h1>
        <p className="page-intro">{t.settings.intro}</p>
      </header>
      <section className="panel panel--narrow" aria-label={t.settings.formLabel}>
        {stored.isPending ? <Loading /> : null}
        {stored.isError ? <ProblemNotice error={stored.error} onRetry={() => void stored.refetch()} /> : null}
        {stored.isSuccess ? <DailyLimitsForm stored={stored.data} /> : null}
      </section>
    </>
  );
}

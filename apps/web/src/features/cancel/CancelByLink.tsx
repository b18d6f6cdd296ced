import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { problemOf } from '../../api/problems.ts';
import { paths } from '../../app/paths.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { useCancelledText } from './cancelledText.ts';

/**
 * The cancel page opened from a booking e-mail's link: the link's token names the booking, so there is
 * no code to type, only one button. Opening the page cancels nothing (mail scanners and link previews
 * open every link): the booking is cancelled by the button's POST alone (`guest.cancelByCode` with
 * `{ cancelToken }`). A refusal (a link cut short or tampered with, a booking already cancelled or
 * over) is said with the catalog's words in the page's language, with the way to cancel by code
 * instead of the button.
 */
export function CancelByLink({ token }: { token: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.guest.cancelByCode.mutationOptions());
  const cancelledText = useCancelledText(undefined, undefined);
  // A refusal that pressing again cannot change: the link is not valid, or the booking is past cancelling.
  // Anything else (no connection, the server briefly away) leaves the button to try again.
  const settled = cancel.isError && FINAL_REFUSALS.includes(problemOf(cancel.error).reason);
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.cancel.title}</h1>
        <p className="page-intro">{t.cancel.byLink.intro}</p>
      </header>
      <section className="panel panel--narrow" aria-label={t.cancel.title}>
        {cancel.isSuccess ? (
          <div className="stack">
            <SuccessNotice>{cancelledText.byCode(cancel.data)}</SuccessNotice>
            <Link className="button button--primary cancel-link__done" to={paths.find()}>
              {t.common.backToFind}
            </Link>
          </div>
        ) : settled ? (
          <div className="stack">
            <ProblemNotice error={cancel.error} />
            <div className="form-actions cancel-link__actions">
              <Link to={paths.find()} className="button button--ghost">
                {t.common.backToFind}
              </Link>
              {/* The way that needs no link: the code from the confirmation (the page without a token). */}
              <Link to={paths.cancel()} className="button button--primary">
                {t.cancel.byLink.withCode}
              </Link>
            </div>
          </div>
        ) : (
          <form
            className="stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!cancel.isPending) cancel.mutate({ cancelToken: token });
            }}
          >
            <div className="cancel-linked">
              <p>{t.cancel.byLink.fromEmail}</p>
              <p>{t.cancel.byLink.nothingYet}</p>
            </div>
            {cancel.isError ? <ProblemNotice error={cancel.error} /> : null}
            <div className="form-actions cancel-link__actions">
              <Link to={paths.find()} className="button button--ghost">
                {t.cancel.byLink.keep}
              </Link>
              <button type="submit" className="button button--danger" aria-disabled={cancel.isPending || undefined}>
                {cancel.isPending ? t.cancel.cancelling : t.cancel.submit}
              </button>
            </div>
            <p className="cancel-link__code">
              <Link to={paths.cancel()}>{t.cancel.byLink.useCode}</Link>
            </p>
          </form>
        )}
      </section>
    </>
  );
}

/** Refusals of a cancel link that another press would only repeat. */
const FINAL_REFUSALS: readonly string[] = ['INVALID_CANCEL_TOKEN', 'ALREADY_CANCELLED', 'ALREADY_OVER', 'NOT_FOUND'];

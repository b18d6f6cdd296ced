import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatClockTime, localClockOf, localDayOf } from '../day/slotTimes.ts';
import { linkedStartFrom } from './cancelLink.ts';

type CancelField = 'restaurantId' | 'reservationId' | 'cancellationCode';

/**
 * A guest cancels their own booking with the restaurant and reservation ids (the confirmation's
 * link carries them) and the cancellation code they were shown when booking.
 */
export function CancelBookingPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  useDocumentTitle(t.cancel.title, t.app.name);
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<CancelField, string>>({
    restaurantId: params.get('restaurant') ?? '',
    reservationId: params.get('reservation') ?? '',
    cancellationCode: '',
  });
  const [missing, setMissing] = useState<CancelField[]>([]);
  const cancel = useMutation(trpc.guest.cancel.mutationOptions());
  // A booking by time, from its confirmation's link: its start, to say which time was cancelled.
  const linkedStart = linkedStartFrom(params);
  const linkedReservation = params.get('reservation') ?? '';
  const doneText = (done: { id: string; table: string; date: string }) =>
    linkedStart && done.id === linkedReservation
      ? t.cancel.doneAt(done.table, formatDay(localDayOf(linkedStart), locale), formatClockTime(localClockOf(linkedStart), locale))
      : t.cancel.done(done.table, formatDay(done.date, locale));
  const change = (field: CancelField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setMissing((current) => current.filter((other) => other !== field));
  };
  const submit = () => {
    const blank = (Object.keys(values) as CancelField[]).filter((field) => values[field].trim() === '');
    setMissing(blank);
    if (blank.length > 0 || cancel.isPending) return;
    cancel.mutate({
      restaurantId: values.restaurantId.trim(),
      reservationId: values.reservationId.trim(),
      cancellationCode: values.cancellationCode.trim(),
    });
  };
  const errorOf = (field: CancelField) => (missing.includes(field) ? t.manage.validation.required : undefined);

  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.cancel.title}</h1>
        <p className="page-intro">{t.cancel.intro}</p>
      </header>
      <section className="panel panel--narrow" aria-label={t.cancel.title}>
        {cancel.isSuccess ? <SuccessNotice>{doneText(cancel.data)}</SuccessNotice> : null}
        {cancel.isError ? <ProblemNotice error={cancel.error} onDismiss={() => cancel.reset()} /> : null}
        {cancel.isSuccess ? (
          <Link className="button button--primary" to={paths.find()}>
            {t.common.backToFind}
          </Link>
        ) : (
          <form
            className="stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <TextField
              label={t.cancel.restaurantId}
              name="restaurantId"
              value={values.restaurantId}
              error={errorOf('restaurantId')}
              onChange={(value) => change('restaurantId', value)}
            />
            <TextField
              label={t.cancel.reservationId}
              name="reservationId"
              value={values.reservationId}
              error={errorOf('reservationId')}
              onChange={(value) => change('reservationId', value)}
            />
            <TextField
              label={t.cancel.code}
              name="cancellationCode"
              value={values.cancellationCode}
              error={errorOf('cancellationCode')}
              hint={t.cancel.codeHint}
              autoComplete="off"
              onChange={(value) => change('cancellationCode', value)}
            />
            <div className="form-actions">
              <button type="submit" className="button button--danger" aria-disabled={cancel.isPending || undefined}>
                {cancel.isPending ? t.cancel.cancelling : t.cancel.submit}
              </button>
            </div>
          </form>
        )}
      </section>
    </>
  );
}

import { DEFAULT_TABLE_LABELS, type RestaurantOutput } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isBeforeDay, isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';
import { useToday } from '../../lib/useToday.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DayField } from '../../ui/DayField.tsx';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { FloorMap } from './FloorMap.tsx';
import { useBookTable } from './useBookTable.ts';

/** The restaurant's day: its tables for the chosen date, free or taken, and booking a free one. */
export function RestaurantDayPage() {
  const { restaurantId = '' } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const today = useToday();
  const [params, changeParams] = useSearchParamsState();
  const requested = params.get('date') ?? '';
  const date = isCalendarDay(requested) ? requested : today;
  const restaurant = useQuery(trpc.restaurant.byId.queryOptions({ id: restaurantId }));
  useDocumentTitle(restaurant.data?.name ?? '', t.app.name);

  if (restaurant.isPending) return <Loading />;
  if (restaurant.isError) {
    const { reason } = problemOf(restaurant.error);
    // A mistyped or deleted restaurant in the address: say so plainly rather than "invalid input".
    if (reason === 'NOT_FOUND' || reason === 'INVALID_INPUT') {
      return (
        <EmptyState title={t.day.notFoundTitle}>
          <p>{t.day.notFoundBody}</p>
          <Link className="button button--primary" to={paths.find()}>
            {t.common.backToFind}
          </Link>
        </EmptyState>
      );
    }
    return <ProblemNotice error={restaurant.error} onRetry={() => void restaurant.refetch()} />;
  }
  return (
    <RestaurantDay
      restaurant={restaurant.data}
      date={date}
      today={today}
      // Today is left out of the address, like on the find page.
      onDateChange={(next) => changeParams(() => new URLSearchParams(next === today ? {} : { date: next }))}
    />
  );
}

interface RestaurantDayProps {
  restaurant: RestaurantOutput;
  date: CalendarDay;
  today: CalendarDay;
  onDateChange: (date: CalendarDay) => void;
}

function RestaurantDay({ restaurant, date, today, onDateChange }: RestaurantDayProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const reservations = useQuery(trpc.reservation.list.queryOptions({ restaurantId: restaurant.id, date }));
  const booking = useBookTable();
  const [askingFor, setAskingFor] = useState<string | null>(null);
  // The tables of the floor; per-restaurant layouts will replace this list, the map draws any list.
  const labels = DEFAULT_TABLE_LABELS;
  const taken = useMemo(() => new Set(reservations.data?.map((reservation) => reservation.table)), [reservations.data]);
  const isPast = isBeforeDay(date, today);
  const day = formatDay(date, locale);
  const freeCount = labels.filter((label) => !taken.has(label)).length;
  // The outcome shown belongs to the day it was for: another day starts clean.
  const outcomeIsForThisDay = booking.variables?.date === date;
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The table clicked may be far down the map (on a phone, surely): bring the answer into view.
    if (booking.isSuccess || booking.isError) outcomeRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [booking.isSuccess, booking.isError]);

  const book = (table: string) => {
    setAskingFor(null);
    booking.mutate({ restaurantId: restaurant.id, table, date });
  };

  return (
    <>
      <header className="page-header day-header">
        <RestaurantPhoto url={restaurant.photoUrl} name={restaurant.name} className="day-header__photo" />
        <div>
          <p className="page-kicker">
            {restaurant.city.name}, {restaurant.city.deptName}
          </p>
          <h1 className="page-title">{restaurant.name}</h1>
          <p className="page-intro">{restaurant.address}</p>
          <p className="day-header__description">{restaurant.description}</p>
          <nav className="inline-links" aria-label={t.day.relatedLinks}>
            <Link to={paths.find()}>{t.common.backToFind}</Link>
            <Link to={paths.reservations(restaurant.id, date)}>{t.day.seeReservations}</Link>
          </nav>
        </div>
      </header>

      <section className="panel" aria-labelledby="day-heading">
        <div className="panel__header">
          <h2 id="day-heading" className="panel__title">
            {t.day.tablesOn(day)}
          </h2>
          <DayField label={t.common.date} value={date} stepper onChange={onDateChange} />
        </div>

        {isPast ? <p className="notice notice--info">{t.day.pastDay}</p> : null}
        <div ref={outcomeRef} className="day-outcome">
          {outcomeIsForThisDay && booking.isSuccess ? (
            <SuccessNotice onDismiss={() => booking.reset()}>{t.day.booked(booking.data.table, restaurant.name, day)}</SuccessNotice>
          ) : null}
          {outcomeIsForThisDay && booking.isError ? <ProblemNotice error={booking.error} onDismiss={() => booking.reset()} /> : null}
        </div>

        {reservations.isPending ? <Loading label={t.day.loadingTables} /> : null}
        {reservations.isError ? <ProblemNotice error={reservations.error} onRetry={() => void reservations.refetch()} /> : null}
        {reservations.isSuccess ? (
          <>
            <p className="floor-summary" aria-live="polite">
              {t.day.freeCount(freeCount, labels.length)}
            </p>
            <FloorMap
              labels={labels}
              taken={taken}
              pendingLabel={booking.isPending ? booking.variables.table : undefined}
              readOnly={isPast}
              onPick={setAskingFor}
            />
            <ul className="legend" aria-label={t.day.legend}>
              <li className="legend__item legend__item--free">{t.day.tableState.free}</li>
              <li className="legend__item legend__item--taken">{t.day.tableState.taken}</li>
            </ul>
          </>
        ) : null}
      </section>

      <ConfirmDialog
        open={askingFor !== null}
        title={t.day.confirmTitle(askingFor ?? '')}
        confirmLabel={t.day.confirmAction}
        cancelLabel={t.common.cancel}
        onConfirm={() => (askingFor ? book(askingFor) : undefined)}
        onCancel={() => setAskingFor(null)}
      >
        <p>{t.day.confirmBody(askingFor ?? '', restaurant.name, day)}</p>
      </ConfirmDialog>
    </>
  );
}

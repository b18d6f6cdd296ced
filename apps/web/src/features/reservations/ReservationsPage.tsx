import { MAX_PAGE_SIZE } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { EmptyState, Loading, ProblemNotice } from '../../ui/states.tsx';
import { ReservationsTable } from './ReservationsTable.tsx';
import { useReservationFilters, type ReservationFilters } from './useReservationFilters.ts';

/** A restaurant's reservations, newest day first, for one day or all of them. */
export function ReservationsPage() {
  const { t } = useI18n();
  const { filters, update } = useReservationFilters();
  useDocumentTitle(t.reservations.title, t.app.name);
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.reservations.title}</h1>
        <p className="page-intro">{t.reservations.intro}</p>
      </header>
      <ReservationFiltersForm filters={filters} onChange={update} />
      {filters.restaurantId ? (
        <ReservationList restaurantId={filters.restaurantId} date={filters.date} />
      ) : (
        <EmptyState title={t.reservations.chooseRestaurant} />
      )}
    </>
  );
}

function ReservationFiltersForm({ filters, onChange }: { filters: ReservationFilters; onChange: (changes: Partial<ReservationFilters>) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const restaurantFieldId = useId();
  const dateFieldId = useId();
  const dateHintId = useId();
  const restaurants = useQuery(trpc.restaurant.list.queryOptions({ limit: MAX_PAGE_SIZE }));
  const known = restaurants.data?.some((restaurant) => restaurant.id === filters.restaurantId) ?? false;
  return (
    <form className="filters filters--compact" aria-label={t.reservations.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={restaurantFieldId} className="field__label">
          {t.reservations.restaurant}
        </label>
        <select
          id={restaurantFieldId}
          className="input"
          value={filters.restaurantId ?? ''}
          disabled={restaurants.isPending}
          onChange={(event) => onChange({ restaurantId: event.target.value || undefined })}
        >
          <option value="">{restaurants.isPending ? t.common.loading : t.reservations.chooseOption}</option>
          {/* A restaurant linked from elsewhere but beyond the first page still shows as chosen. */}
          {filters.restaurantId && !known && !restaurants.isPending ? <option value={filters.restaurantId}>{t.reservations.linkedRestaurant}</option> : null}
          {restaurants.data?.map((restaurant) => (
            <option key={restaurant.id} value={restaurant.id}>
              {restaurant.name} — {restaurant.city.name}
            </option>
          ))}
        </select>
        {restaurants.isError ? <ProblemNotice error={restaurants.error} onRetry={() => void restaurants.refetch()} /> : null}
      </div>
      <div className="field">
        <label htmlFor={dateFieldId} className="field__label">
          {t.reservations.date}
        </label>
        <div className="day-field">
          <input
            id={dateFieldId}
            className="input"
            type="date"
            value={filters.date ?? ''}
            aria-describedby={dateHintId}
            onChange={(event) => onChange({ date: isCalendarDay(event.target.value) ? event.target.value : undefined })}
          />
          {filters.date ? (
            <button type="button" className="button button--ghost" onClick={() => onChange({ date: undefined })}>
              {t.reservations.allDates}
            </button>
          ) : null}
        </div>
        <p id={dateHintId} className="field__hint">
          {filters.date ? formatDay(filters.date, locale) : t.reservations.allDatesHint}
        </p>
      </div>
    </form>
  );
}

function ReservationList({ restaurantId, date }: ReservationFilters & { restaurantId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const reservations = useQuery(trpc.reservation.list.queryOptions({ restaurantId, ...(date ? { date } : {}) }));
  if (reservations.isPending) return <Loading />;
  if (reservations.isError) {
    const { reason } = problemOf(reservations.error);
    if (reason === 'NOT_FOUND' || reason === 'INVALID_INPUT') return <EmptyState title={t.day.notFoundTitle} />;
    return <ProblemNotice error={reservations.error} onRetry={() => void reservations.refetch()} />;
  }
  const day = date ? formatDay(date, locale) : undefined;
  return (
    <section className="panel" aria-labelledby="reservations-heading">
      <div className="panel__header">
        <h2 id="reservations-heading" className="panel__title">
          {t.reservations.count(reservations.data.length, day)}
        </h2>
        <Link className="button button--ghost button--small" to={paths.day(restaurantId, date)}>
          {t.reservations.openDay}
        </Link>
      </div>
      {reservations.data.length === 0 ? (
        <EmptyState title={day ? t.reservations.emptyOn(day) : t.reservations.empty} />
      ) : (
        <ReservationsTable reservations={reservations.data} />
      )}
    </section>
  );
}

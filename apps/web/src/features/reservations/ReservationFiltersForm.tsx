import { MAX_PAGE_SIZE } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { ProblemNotice } from '../../ui/states.tsx';
import { RESERVATION_STATUSES, type ReservationFilters, type StatusFilter } from './useReservationFilters.ts';

interface ReservationFiltersFormProps {
  filters: ReservationFilters;
  onChange: (changes: Partial<ReservationFilters>) => void;
}

/** Which restaurant, which day (or all) and which status (by default, all but cancelled). */
export function ReservationFiltersForm({ filters, onChange }: ReservationFiltersFormProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const restaurantFieldId = useId();
  const dateFieldId = useId();
  const dateHintId = useId();
  const statusFieldId = useId();
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
          {filters.restaurantId && !known && !restaurants.isPending ? (
            <option value={filters.restaurantId}>{t.reservations.linkedRestaurant}</option>
          ) : null}
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
      <div className="field">
        <label htmlFor={statusFieldId} className="field__label">
          {t.reservations.statusFilter}
        </label>
        <select
          id={statusFieldId}
          className="input"
          value={filters.status}
          onChange={(event) => onChange({ status: event.target.value as StatusFilter })}
        >
          <option value="active">{t.reservations.statusActive}</option>
          {RESERVATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t.reservations.status[status]}
            </option>
          ))}
          <option value="all">{t.reservations.statusAll}</option>
        </select>
      </div>
    </form>
  );
}

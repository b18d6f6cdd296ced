import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { addDays, formatDay, isCalendarDay, type CalendarDay } from '../../lib/days.ts';
import { RestaurantPicker } from './RestaurantPicker.tsx';
import { ALL_DAYS, RESERVATION_STATUSES, type ReservationFilters, type StatusFilter } from './useReservationFilters.ts';

interface ReservationFiltersFormProps {
  /** What is shown: the restaurant and day the page settled on (the last used, its today) when the address names none. */
  filters: ReservationFilters;
  /** The restaurant's today, once known. */
  today: CalendarDay | undefined;
  onChange: (changes: Partial<ReservationFilters>) => void;
}

/** Which restaurant, which day (its today by default, another, or all) and which status (by default, all but cancelled). */
export function ReservationFiltersForm({ filters, today, onChange }: ReservationFiltersFormProps) {
  const { t, locale } = useI18n();
  const dateFieldId = useId();
  const dateHintId = useId();
  const statusFieldId = useId();
  const day = filters.date === ALL_DAYS ? undefined : filters.date;
  return (
    <form className="filters filters--compact" aria-label={t.reservations.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <RestaurantPicker restaurantId={filters.restaurantId} onChange={(restaurantId) => onChange({ restaurantId, date: undefined })} />
      <div className="field">
        <label htmlFor={dateFieldId} className="field__label">
          {t.reservations.date}
        </label>
        <div className="day-field">
          {day ? (
            <button
              type="button"
              className="button button--icon"
              aria-label={t.common.previousDay}
              onClick={() => onChange({ date: addDays(day, -1) })}
            >
              ‹
            </button>
          ) : null}
          <input
            id={dateFieldId}
            className="input"
            type="date"
            value={day ?? ''}
            aria-describedby={dateHintId}
            onChange={(event) => {
              // Cleared or half-typed values are ignored: "All days" is its own button.
              if (isCalendarDay(event.target.value)) onChange({ date: event.target.value });
            }}
          />
          {day ? (
            <button
              type="button"
              className="button button--icon"
              aria-label={t.common.nextDay}
              onClick={() => onChange({ date: addDays(day, 1) })}
            >
              ›
            </button>
          ) : null}
        </div>
        <p id={dateHintId} className="field__hint">
          {day ? formatDay(day, locale) : t.reservations.allDatesHint}
        </p>
        <div className="reservations-filters__days">
          {today && day !== today ? (
            <button type="button" className="button button--ghost button--small" onClick={() => onChange({ date: undefined })}>
              {t.host.today}
            </button>
          ) : null}
          {filters.date !== ALL_DAYS ? (
            <button type="button" className="button button--ghost button--small" onClick={() => onChange({ date: ALL_DAYS })}>
              {t.reservations.allDates}
            </button>
          ) : null}
        </div>
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

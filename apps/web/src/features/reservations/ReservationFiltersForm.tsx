import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { RESERVATION_STATUSES, type ReservationFilters, type StatusFilter } from './useReservationFilters.ts';
import { RestaurantPicker } from './RestaurantPicker.tsx';

interface ReservationFiltersFormProps {
  filters: ReservationFilters;
  onChange: (changes: Partial<ReservationFilters>) => void;
}

/** Which restaurant, which day (or all) and which status (by default, all but cancelled). */
export function ReservationFiltersForm({ filters, onChange }: ReservationFiltersFormProps) {
  const { t, locale } = useI18n();
  const dateFieldId = useId();
  const dateHintId = useId();
  const statusFieldId = useId();
  return (
    <form className="filters filters--compact" aria-label={t.reservations.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <RestaurantPicker restaurantId={filters.restaurantId} onChange={(restaurantId) => onChange({ restaurantId })} />
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

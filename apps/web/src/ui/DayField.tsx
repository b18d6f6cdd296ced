import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { addDays, formatDay, isCalendarDay, type CalendarDay } from '../lib/days.ts';

interface DayFieldProps {
  label: string;
  value: CalendarDay;
  onChange: (day: CalendarDay) => void;
  /** Show the previous/next day buttons beside the field. */
  stepper?: boolean;
  /** The earliest day offered (a search does not offer days that have passed). */
  min?: CalendarDay | undefined;
}

/**
 * A labelled day input, with the chosen day spelled out in the reader's language underneath
 * (the native picker shows the browser's locale, which may not be the one chosen here).
 */
export function DayField({ label, value, onChange, stepper = false, min }: DayFieldProps) {
  const atMin = min !== undefined && value <= min;
  const { t, locale } = useI18n();
  const id = useId();
  const spelledId = useId();
  return (
    <div className="field field--day">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="day-field">
        {stepper ? (
          <button
            type="button"
            className="button button--icon"
            aria-label={t.common.previousDay}
            disabled={atMin}
            onClick={() => onChange(addDays(value, -1))}
          >
            ‹
          </button>
        ) : null}
        <input
          id={id}
          type="date"
          className="input"
          value={value}
          min={min}
          required
          aria-describedby={spelledId}
          onChange={(event) => {
            // Cleared or half-typed values are ignored: a day view always has a day (and none before `min`).
            if (isCalendarDay(event.target.value) && (min === undefined || event.target.value >= min)) onChange(event.target.value);
          }}
        />
        {stepper ? (
          <button type="button" className="button button--icon" aria-label={t.common.nextDay} onClick={() => onChange(addDays(value, 1))}>
            ›
          </button>
        ) : null}
      </div>
      <p id={spelledId} className="field__hint">
        {formatDay(value, locale)}
      </p>
    </div>
  );
}

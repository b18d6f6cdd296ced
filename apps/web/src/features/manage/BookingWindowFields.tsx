import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MAX_ADVANCE_BOUNDS, MIN_ADVANCE_BOUNDS, type CalendarErrors, type CalendarFormValues } from './bookingCalendar.ts';

type WindowField = 'minAdvanceMinutes' | 'maxAdvanceDays';

interface BookingWindowFieldsProps {
  values: CalendarFormValues;
  errors: CalendarErrors;
  onChange: (changes: Partial<CalendarFormValues>) => void;
}

/** How close to its start and how far ahead guests may book (the API's minAdvanceMinutes and maxAdvanceDays). */
export function BookingWindowFields({ values, errors, onChange }: BookingWindowFieldsProps) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const field = (name: WindowField, label: string, hint: string, bounds: { min: number; max: number }) => {
    const inputId = `${id}-${name}`;
    const error = errors[name];
    return (
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          {label}
        </label>
        <input
          id={inputId}
          className="input input--short booking-window__input"
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={1}
          value={values[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${inputId}-hint`, error ? `${inputId}-error` : ''].filter(Boolean).join(' ')}
          onChange={(event) => onChange({ [name]: event.target.value })}
        />
        <p id={`${inputId}-hint`} className="field__hint">
          {hint}
        </p>
        {error ? (
          <p id={`${inputId}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <fieldset className="calendar-section">
      <legend className="field__label">{calendar.windowTitle}</legend>
      <div className="booking-window">
        {field('minAdvanceMinutes', calendar.minAdvance, calendar.minAdvanceHint, MIN_ADVANCE_BOUNDS)}
        {field('maxAdvanceDays', calendar.maxAdvance, calendar.maxAdvanceHint, MAX_ADVANCE_BOUNDS)}
      </div>
    </fieldset>
  );
}

import { useId, useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SLOT_CHOICES, timeZoneChoices, type CalendarErrors, type CalendarFormValues, type SlotMinutes } from './bookingCalendar.ts';
import { SpecialDatesEditor } from './SpecialDatesEditor.tsx';
import { TurnTimesEditor } from './TurnTimesEditor.tsx';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';
import './bookingCalendar.css';

interface BookingCalendarEditorProps {
  values: CalendarFormValues;
  errors: CalendarErrors;
  onChange: (values: CalendarFormValues) => void;
}

/** When the restaurant books: its time zone, whole days or times of day, and for times the hours, grid and turns. */
export function BookingCalendarEditor({ values, errors, onChange }: BookingCalendarEditorProps) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const change = (changes: Partial<CalendarFormValues>) => onChange({ ...values, ...changes });
  return (
    <fieldset className="calendar-editor">
      <legend className="field__label calendar-editor__title">{calendar.title}</legend>
      <div className="calendar-editor__basics">
        <TimeZoneField value={values.timeZone} error={errors.timeZone} onChange={(timeZone) => change({ timeZone })} />
        <fieldset className="calendar-editor__mode">
          <legend className="field__label">{calendar.mode}</legend>
          {[false, true].map((booksTimes) => (
            <label key={String(booksTimes)} className="choice">
              <input type="radio" name={`${id}-mode`} checked={values.booksTimes === booksTimes} onChange={() => change({ booksTimes })} />
              <span>{booksTimes ? calendar.modeTimes : calendar.modeWholeDay}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {values.booksTimes ? (
        <>
          <WeeklyHoursEditor rows={values.hours} rangeErrors={errors.ranges} error={errors.hours} onChange={(hours) => change({ hours })} />
          <SpecialDatesEditor
            rows={values.specialDates}
            dateErrors={errors.dates}
            rangeErrors={errors.ranges}
            error={errors.specialDates}
            onChange={(specialDates) => change({ specialDates })}
          />
          <SlotSizeField value={values.slotMinutes} error={errors.slotMinutes} onChange={(slotMinutes) => change({ slotMinutes })} />
          <TurnTimesEditor
            rows={values.turnTimes}
            rowErrors={errors.turnRows}
            error={errors.turnTimes}
            onChange={(turnTimes) => change({ turnTimes })}
          />
        </>
      ) : null}
    </fieldset>
  );
}

interface FieldProps<Value> {
  value: Value;
  error: string | undefined;
  onChange: (value: Value) => void;
}

/** Every IANA zone the browser knows; the restaurant's own first if the browser does not know it. */
function TimeZoneField({ value, error, onChange }: FieldProps<string>) {
  const { t } = useI18n();
  const id = useId();
  const zones = useMemo(() => timeZoneChoices(value), [value]);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t.manage.calendar.timeZone}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {t.manage.calendar.timeZoneHint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function SlotSizeField({ value, error, onChange }: FieldProps<SlotMinutes>) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field calendar-editor__slot">
      <label htmlFor={id} className="field__label">
        {t.manage.calendar.slotMinutes}
      </label>
      <select
        id={id}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(event) => {
          const chosen = SLOT_CHOICES.find((minutes) => String(minutes) === event.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {SLOT_CHOICES.map((minutes) => (
          <option key={minutes} value={minutes}>
            {t.manage.calendar.slotOption(minutes)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {t.manage.calendar.slotHint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { useId, useMemo, type ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SLOT_CHOICES, timeZoneChoices, type CalendarErrors, type CalendarFormValues, type SlotMinutes } from './bookingCalendar.ts';
import { BookingWindowFields } from './BookingWindowFields.tsx';
import { RemindersEditor } from './RemindersEditor.tsx';
import { SpecialDatesEditor } from './SpecialDatesEditor.tsx';
import { TurnTimesEditor } from './TurnTimesEditor.tsx';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';
import './bookingCalendar.css';

interface BookingCalendarEditorProps {
  values: CalendarFormValues;
  errors: CalendarErrors;
  /** The zone the restaurant has now; none for a new restaurant (which may leave the zone to the server). */
  storedZone: string | undefined;
  /** The server's refusal of the calendar (future reservations outside the new hours), shown beside the hours. */
  refusal?: ReactNode;
  onChange: (values: CalendarFormValues) => void;
}

/** When the restaurant books: its time zone, whole days or times of day, and for times the hours, grid and turns. */
export function BookingCalendarEditor({ values, errors, storedZone, refusal, onChange }: BookingCalendarEditorProps) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const change = (changes: Partial<CalendarFormValues>) => onChange({ ...values, ...changes });
  return (
    <fieldset className="calendar-editor">
      <legend className="field__label calendar-editor__title">{calendar.title}</legend>
      <div className="calendar-editor__basics">
        <TimeZoneField value={values.timeZone} stored={storedZone} error={errors.timeZone} onChange={(timeZone) => change({ timeZone })} />
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
      {refusal}
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
          <BookingWindowFields values={values} errors={errors} onChange={change} />
          <RemindersEditor
            rows={values.reminders}
            rowErrors={errors.reminderRows}
            error={errors.reminders}
            onChange={(reminders) => change({ reminders })}
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

/**
 * Every IANA zone the browser knows; the restaurant's own first if the browser does not know it. A new
 * restaurant may leave it to the server's default; a changed zone says what happens to the bookings.
 */
function TimeZoneField({ value, stored, error, onChange }: FieldProps<string> & { stored: string | undefined }) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const zones = useMemo(() => timeZoneChoices(value || undefined), [value]);
  const changed = stored !== undefined && value !== stored;
  const hint = value === '' ? calendar.timeZoneDefaultHint : calendar.timeZoneHint;
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
        aria-describedby={[`${id}-hint`, changed ? `${id}-change` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      >
        {stored === undefined ? <option value="">{calendar.serverDefaultZone}</option> : null}
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {changed ? (
        <p id={`${id}-change`} className="calendar-editor__zone-change">
          {calendar.zoneChangeNote(stored.replaceAll('_', ' '), value.replaceAll('_', ' '))}
        </p>
      ) : null}
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

import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDurations } from '../../lib/durations.ts';
import { changeByKey, removeByKey, type CalendarErrors } from './bookingCalendar.ts';
import { addReminderRow, MAX_REMINDERS, minutesOfRow, REMINDER_UNITS, type ReminderRow } from './reminders.ts';

interface RemindersEditorProps {
  rows: ReminderRow[];
  rowErrors: CalendarErrors['reminderRows'];
  error: string | undefined;
  onChange: (rows: ReminderRow[]) => void;
}

/**
 * When a guest who gave an e-mail is reminded of a booking by time: each reminder a span before the
 * start ("24 hours before", "2 hours before"), at most five; none at all is allowed.
 */
export function RemindersEditor({ rows, rowErrors, error, onChange }: RemindersEditorProps) {
  const { t, locale } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const hintId = `${id}-hint`;
  const nowId = `${id}-now`;
  const errorId = `${id}-error`;
  const minutes = rows.map(minutesOfRow);
  // What the list says now, once every row is a number: "24 hours and 2 hours before the start".
  const summary =
    rows.length === 0
      ? calendar.noReminders
      : minutes.every((value) => Number.isFinite(value) && value > 0)
        ? calendar.remindersNow(formatDurations(minutes, locale))
        : undefined;
  return (
    <fieldset
      className="calendar-section reminders-editor"
      aria-describedby={[hintId, summary ? nowId : '', error ? errorId : ''].filter(Boolean).join(' ')}
    >
      <legend className="field__label">{calendar.remindersTitle}</legend>
      <p id={hintId} className="field__hint">
        {calendar.remindersHint}
      </p>
      {summary ? (
        <p id={nowId} className="reminders-editor__now">
          {summary}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error calendar-section__error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ol className="reminders-editor__rows">
          {rows.map((row, index) => {
            const amountId = `${id}-${row.key}-amount`;
            const message = rowErrors[row.key];
            return (
              <li key={row.key} className="reminders-editor__row">
                <div className="field">
                  <label htmlFor={amountId} className="field__label">
                    {calendar.reminderAmountOf(index + 1)}
                  </label>
                  <div className="reminders-editor__inputs">
                    <input
                      id={amountId}
                      className="input input--short"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      step={1}
                      value={row.amount}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${amountId}-error` : undefined}
                      onChange={(event) => onChange(changeByKey(rows, row.key, { amount: event.target.value }))}
                    />
                    <select
                      className="input reminders-editor__unit"
                      aria-label={calendar.reminderUnitOf(index + 1)}
                      value={row.unit}
                      onChange={(event) => {
                        const unit = REMINDER_UNITS.find((choice) => choice === event.target.value);
                        if (unit) onChange(changeByKey(rows, row.key, { unit }));
                      }}
                    >
                      {REMINDER_UNITS.map((unit) => (
                        <option key={unit} value={unit}>
                          {calendar.reminderUnits[unit]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button button--small button--danger-ghost"
                      onClick={() => onChange(removeByKey(rows, row.key))}
                    >
                      {calendar.remove}
                      <span className="visually-hidden"> {calendar.reminderName(index + 1)}</span>
                    </button>
                  </div>
                  {message ? (
                    <p id={`${amountId}-error`} className="field__error">
                      {message}
                    </p>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      {rows.length < MAX_REMINDERS ? (
        <button type="button" className="button button--small calendar-section__add" onClick={() => onChange(addReminderRow(rows))}>
          {calendar.addReminder}
        </button>
      ) : null}
    </fieldset>
  );
}

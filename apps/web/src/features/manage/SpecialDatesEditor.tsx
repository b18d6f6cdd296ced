import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { addRange, addSpecialDate, changeByKey, removeByKey, type RangeErrors, type SpecialDateRow } from './bookingCalendar.ts';
import { RangeFields } from './RangeFields.tsx';

interface SpecialDatesEditorProps {
  rows: SpecialDateRow[];
  dateErrors: Record<string, string>;
  rangeErrors: Record<string, RangeErrors>;
  error: string | undefined;
  onChange: (rows: SpecialDateRow[]) => void;
}

/** Dates with their own hours (a holiday's), or closed: they replace the weekday's hours. */
export function SpecialDatesEditor({ rows, dateErrors, rangeErrors, error, onChange }: SpecialDatesEditorProps) {
  const { t, locale } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset className="calendar-section" aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{calendar.specialTitle}</legend>
      <p id={hintId} className="field__hint">
        {calendar.specialHint}
      </p>
      {error ? (
        <p id={errorId} className="field__error calendar-section__error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="special-dates">
          {rows.map((entry, index) => {
            const dateId = `${id}-${entry.key}-date`;
            const dateError = dateErrors[entry.key];
            const name = isCalendarDay(entry.date) ? formatDay(entry.date, locale) : calendar.specialDateOf(index + 1);
            const update = (changes: Partial<Omit<SpecialDateRow, 'key'>>) => onChange(changeByKey(rows, entry.key, changes));
            return (
              <li key={entry.key} className="special-dates__entry">
                <div className="field">
                  <label htmlFor={dateId} className="field__label">
                    {calendar.specialDate}
                  </label>
                  <input
                    id={dateId}
                    type="date"
                    className="input special-dates__date"
                    aria-label={calendar.specialDateOf(index + 1)}
                    value={entry.date}
                    aria-invalid={dateError ? true : undefined}
                    aria-describedby={dateError ? `${dateId}-error` : undefined}
                    onChange={(event) => update({ date: event.target.value })}
                  />
                  {dateError ? (
                    <p id={`${dateId}-error`} className="field__error">
                      {dateError}
                    </p>
                  ) : null}
                </div>
                <div className="week__ranges">
                  {entry.ranges.length === 0 ? <p className="week__closed">{calendar.closedAllDay}</p> : null}
                  {entry.ranges.map((range, position) => (
                    <RangeFields
                      key={range.key}
                      range={range}
                      where={name}
                      position={position + 1}
                      errors={rangeErrors[range.key]}
                      onChange={(changes) => update({ ranges: changeByKey(entry.ranges, range.key, changes) })}
                      onRemove={() => update({ ranges: removeByKey(entry.ranges, range.key) })}
                    />
                  ))}
                </div>
                <div className="week__actions">
                  <button type="button" className="button button--small" onClick={() => update({ ranges: addRange(entry.ranges) })}>
                    {calendar.addRange}
                    <span className="visually-hidden"> — {name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-ghost"
                    onClick={() => onChange(removeByKey(rows, entry.key))}
                  >
                    {calendar.removeSpecial}
                    <span className="visually-hidden"> — {name}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <button type="button" className="button button--small calendar-section__add" onClick={() => onChange(addSpecialDate(rows, ''))}>
        {calendar.addSpecial}
      </button>
    </fieldset>
  );
}

import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { addWeeklyRange, changeByKey, copyDayToAll, removeByKey, WEEKDAYS, type RangeErrors, type WeeklyRow } from './bookingCalendar.ts';
import { RangeFields } from './RangeFields.tsx';

interface WeeklyHoursEditorProps {
  rows: WeeklyRow[];
  rangeErrors: Record<string, RangeErrors>;
  /** About the week as a whole (no range at all, or the server's word). */
  error: string | undefined;
  onChange: (rows: WeeklyRow[]) => void;
}

/** The week's opening ranges, day by day; a day without ranges is closed. */
export function WeeklyHoursEditor({ rows, rangeErrors, error, onChange }: WeeklyHoursEditorProps) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset className="calendar-section" aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{calendar.weeklyTitle}</legend>
      <p id={hintId} className="field__hint">
        {calendar.weeklyHint}
      </p>
      {error ? (
        <p id={errorId} className="field__error calendar-section__error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="week">
        {WEEKDAYS.map((day) => {
          const dayName = calendar.days[day];
          const ranges = rows.filter((row) => row.day === day);
          return (
            <li key={day} className="week__day">
              <fieldset className="week__fieldset">
                <legend className="week__name">{dayName}</legend>
                <div className="week__ranges">
                  {ranges.length === 0 ? <p className="week__closed">{calendar.closed}</p> : null}
                  {ranges.map((range, index) => (
                    <RangeFields
                      key={range.key}
                      range={range}
                      where={dayName}
                      position={index + 1}
                      errors={rangeErrors[range.key]}
                      onChange={(changes) => onChange(changeByKey<WeeklyRow>(rows, range.key, changes))}
                      onRemove={() => onChange(removeByKey(rows, range.key))}
                    />
                  ))}
                </div>
                <div className="week__actions">
                  <button type="button" className="button button--small" onClick={() => onChange(addWeeklyRange(rows, day))}>
                    {calendar.addRange}
                    <span className="visually-hidden"> — {dayName}</span>
                  </button>
                  {ranges.length > 0 ? (
                    <button type="button" className="button button--small button--ghost" onClick={() => onChange(copyDayToAll(rows, day))}>
                      {calendar.copyToAll}
                      <span className="visually-hidden"> — {dayName}</span>
                    </button>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

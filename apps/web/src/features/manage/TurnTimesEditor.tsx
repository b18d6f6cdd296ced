import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { addTurnTime, changeByKey, removeByKey, type CalendarErrors, type TurnTimeRow } from './bookingCalendar.ts';

interface TurnTimesEditorProps {
  rows: TurnTimeRow[];
  rowErrors: CalendarErrors['turnRows'];
  error: string | undefined;
  onChange: (rows: TurnTimeRow[]) => void;
}

/** How long a party holds its table, by party size, smallest first. */
export function TurnTimesEditor({ rows, rowErrors, error, onChange }: TurnTimesEditorProps) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset className="calendar-section" aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{calendar.turnTitle}</legend>
      <p id={hintId} className="field__hint">
        {calendar.turnHint}
      </p>
      {error ? (
        <p id={errorId} className="field__error calendar-section__error" role="alert">
          {error}
        </p>
      ) : null}
      <ol className="turn-times">
        {rows.map((row, index) => {
          const errors = rowErrors[row.key] ?? {};
          const cell = (side: 'maxPartySize' | 'minutes') => {
            const inputId = `${id}-${row.key}-${side}`;
            const message = errors[side];
            return (
              <div className="field">
                <label htmlFor={inputId} className="field__label">
                  {side === 'minutes' ? calendar.minutes : calendar.partyUpTo}
                </label>
                <input
                  id={inputId}
                  className="input input--short"
                  type="number"
                  inputMode="numeric"
                  min={side === 'minutes' ? 15 : 1}
                  max={side === 'minutes' ? 720 : 20}
                  step={side === 'minutes' ? 5 : 1}
                  aria-label={side === 'minutes' ? calendar.minutesOf(index + 1) : calendar.partyUpToOf(index + 1)}
                  value={row[side]}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={message ? `${inputId}-error` : undefined}
                  onChange={(event) => onChange(changeByKey(rows, row.key, { [side]: event.target.value }))}
                />
                {message ? (
                  <p id={`${inputId}-error`} className="field__error">
                    {message}
                  </p>
                ) : null}
              </div>
            );
          };
          return (
            <li key={row.key} className="turn-times__row">
              {cell('maxPartySize')}
              {cell('minutes')}
              <button
                type="button"
                className="button button--small button--danger-ghost turn-times__remove"
                onClick={() => onChange(removeByKey(rows, row.key))}
              >
                {calendar.remove}
                <span className="visually-hidden"> {calendar.turnName(index + 1)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--small calendar-section__add" onClick={() => onChange(addTurnTime(rows))}>
        {calendar.addTurn}
      </button>
    </fieldset>
  );
}

import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endsNextDay, type RangeErrors, type RangeRow } from './bookingCalendar.ts';

interface RangeFieldsProps {
  range: RangeRow;
  /** Spoken with each input: "Monday, range 2". */
  where: string;
  position: number;
  errors: RangeErrors | undefined;
  onChange: (changes: Partial<Omit<RangeRow, 'key'>>) => void;
  onRemove: () => void;
}

/** One opening range: when it opens and closes, and whether it runs past midnight. */
export function RangeFields({ range, where, position, errors, onChange, onRemove }: RangeFieldsProps) {
  const { t } = useI18n();
  const calendar = t.manage.calendar;
  const id = useId();
  const nextDayId = `${id}-next-day`;
  const pastMidnight = endsNextDay(range);
  const input = (side: 'opens' | 'closes') => {
    const inputId = `${id}-${side}`;
    const error = errors?.[side];
    const describedBy = [error ? `${inputId}-error` : '', side === 'closes' && pastMidnight ? nextDayId : ''].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={inputId} className="field__label">
          {side === 'opens' ? calendar.opens : calendar.closes}
        </label>
        <input
          id={inputId}
          type="time"
          className="input range-fields__time"
          aria-label={side === 'opens' ? calendar.opensOf(where, position) : calendar.closesOf(where, position)}
          value={range[side]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange({ [side]: event.target.value })}
        />
        {error ? (
          <p id={`${inputId}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <div className="range-fields">
      {input('opens')}
      <span className="range-fields__dash" aria-hidden="true">
        –
      </span>
      {input('closes')}
      <button type="button" className="button button--small button--danger-ghost range-fields__remove" onClick={onRemove}>
        {calendar.remove}
        <span className="visually-hidden"> {calendar.rangeName(where, position)}</span>
      </button>
      {pastMidnight ? (
        <p id={nextDayId} className="range-fields__next-day">
          {calendar.nextDay}
        </p>
      ) : null}
    </div>
  );
}

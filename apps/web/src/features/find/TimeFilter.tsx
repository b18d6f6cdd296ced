import { DEFAULT_PARTY_SIZE, MAX_PARTY_SIZE } from '@tablebook/api/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { FindFilters } from './findFilters.ts';

interface TimeFilterProps {
  time: string | undefined;
  partySize: number | undefined;
  onChange: (changes: Partial<FindFilters>) => void;
}

const PARTY_SIZES = Array.from({ length: MAX_PARTY_SIZE }, (_, index) => index + 1);

/** An optional time, and with it the party: restaurants with a free table for them near that time. */
export function TimeFilter({ time, partySize, onChange }: TimeFilterProps) {
  const { t } = useI18n();
  const timeId = useId();
  const partyId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={timeId} className="field__label">
          {t.find.time}
        </label>
        <input
          id={timeId}
          className="input"
          type="time"
          value={time ?? ''}
          aria-describedby={`${timeId}-hint`}
          // Cleared (or half typed): no time, every restaurant of the day again.
          onChange={(event) => onChange({ time: event.target.value || undefined })}
        />
        <p id={`${timeId}-hint`} className="field__hint">
          {t.find.timeHint}
        </p>
      </div>
      {time !== undefined ? (
        <div className="field">
          <label htmlFor={partyId} className="field__label">
            {t.find.partySize}
          </label>
          <select
            id={partyId}
            className="input"
            value={partySize ?? DEFAULT_PARTY_SIZE}
            onChange={(event) => onChange({ partySize: Number(event.target.value) })}
          >
            {PARTY_SIZES.map((size) => (
              <option key={size} value={size}>
                {t.day.timed.party(size)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}

import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { FindFilters } from './findFilters.ts';

interface TimeFilterProps {
  time: string | undefined;
  onChange: (changes: Partial<FindFilters>) => void;
}

/** An optional time: the restaurants with a free table for the party near it. */
export function TimeFilter({ time, onChange }: TimeFilterProps) {
  const { t } = useI18n();
  const timeId = useId();
  return (
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
  );
}

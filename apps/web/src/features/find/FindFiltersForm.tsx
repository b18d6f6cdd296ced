import { DEFAULT_PARTY_SIZE, MAX_PARTY_SIZE } from '@tablebook/api/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { DayField } from '../../ui/DayField.tsx';
import { CityPicker } from '../cities/CityPicker.tsx';
import { PartySizeField } from '../day/PartySizeField.tsx';
import { MAX_MIN_PLACES, MAX_NAME_LENGTH, type FindFilters } from './findFilters.ts';
import { TimeFilter } from './TimeFilter.tsx';

const PARTY_SIZES = Array.from({ length: MAX_PARTY_SIZE }, (_, index) => index + 1);

interface FindFiltersFormProps {
  filters: FindFilters;
  /** The search's today: no earlier day is offered. */
  today: CalendarDay;
  /** Changes when the filters are cleared: the city box starts afresh (text typed in it goes too). */
  resetCount: number;
  /** Whether anything differs from the defaults, so "Clear filters" has something to clear. */
  canReset: boolean;
  onChange: (changes: Partial<FindFilters>) => void;
  onReset: () => void;
}

/** The search controls; every change applies at once (no submit button to forget). */
export function FindFiltersForm({ filters, today, resetCount, canReset, onChange, onReset }: FindFiltersFormProps) {
  const { t } = useI18n();
  const nameId = useId();
  const minId = useId();
  const minHintId = useId();
  return (
    <search aria-label={t.find.filtersLabel}>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={nameId} className="field__label">
            {t.find.name}
          </label>
          <input
            id={nameId}
            className="input"
            type="search"
            value={filters.name}
            maxLength={MAX_NAME_LENGTH}
            placeholder={t.find.namePlaceholder}
            onChange={(event) => onChange({ name: event.target.value })}
          />
        </div>
        <div className="field">
          <CityPicker
            key={resetCount}
            label={t.find.city}
            anyLabel={t.cityPicker.anyCity}
            value={filters.cityId}
            onChange={(cityId) => onChange({ cityId })}
          />
        </div>
        <DayField label={t.find.date} value={filters.date} min={today} onChange={(date) => onChange({ date })} />
        <PartySizeField
          value={filters.partySize ?? DEFAULT_PARTY_SIZE}
          sizes={PARTY_SIZES}
          onChange={(partySize) => onChange({ partySize })}
        />
        <TimeFilter time={filters.time} onChange={onChange} />
        <div className="field">
          <label htmlFor={minId} className="field__label">
            {t.find.minPlaces}
          </label>
          <input
            id={minId}
            className="input"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_MIN_PLACES}
            step={1}
            value={filters.minPlaces ?? ''}
            aria-describedby={minHintId}
            onChange={(event) => {
              const value = event.target.valueAsNumber;
              onChange({ minPlaces: Number.isInteger(value) && value >= 1 && value <= MAX_MIN_PLACES ? value : undefined });
            }}
          />
          <p id={minHintId} className="field__hint">
            {t.find.minPlacesHint}
          </p>
        </div>
        {canReset ? (
          <div className="filters__actions">
            <button type="button" className="button button--small button--ghost" onClick={onReset}>
              {t.find.clearFilters}
            </button>
          </div>
        ) : null}
      </form>
    </search>
  );
}

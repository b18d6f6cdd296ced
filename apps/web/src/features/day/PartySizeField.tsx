import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

interface PartySizeFieldProps {
  value: number;
  /** The sizes offered: 1 up to the largest table. */
  sizes: readonly number[];
  onChange: (partySize: number) => void;
}

/** How many people: a day page shows the tables (or times) for that party. */
export function PartySizeField({ value, sizes, onChange }: PartySizeFieldProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t.day.timed.partySize}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {sizes.map((size) => (
          <option key={size} value={size}>
            {t.day.timed.party(size)}
          </option>
        ))}
      </select>
    </div>
  );
}

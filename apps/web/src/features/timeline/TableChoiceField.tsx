import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TableOption } from './freeTables.ts';

interface TableChoiceFieldProps {
  label: string;
  /** The free tables that seat the party then, and the host's earlier choice if it no longer is one (marked). */
  options: readonly TableOption[];
  value: string | undefined;
  /** The free tables are being looked up: only the choice is shown meanwhile, unmarked. */
  loading: boolean;
  error?: string | undefined;
  onChange: (table: string) => void;
}

/** The table of a booking or a move: only free tables that seat the party are offered. */
export function TableChoiceField({ label, options, value, loading, error, onChange }: TableChoiceFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const shown = loading ? options.filter((option) => option.label === value).map(({ note: _note, ...table }) => table) : options;
  const freeCount = options.filter((option) => option.note === undefined).length;
  const optionText = (option: TableOption) =>
    [t.reservations.tableOption(option.label, option.seats), option.note ? t.host.tableNote[option.note] : ''].filter(Boolean).join(' — ');
  const hint = loading ? t.common.loading : freeCount === 0 ? t.host.noFreeTable : t.host.freeTables(freeCount);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      >
        {value === undefined ? <option value="">{loading ? t.common.loading : t.host.noFreeTableOption}</option> : null}
        {shown.map((option) => (
          <option key={option.label} value={option.label}>
            {optionText(option)}
          </option>
        ))}
      </select>
      <p id={hintId} className="field__hint" aria-live="polite">
        {hint}
      </p>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

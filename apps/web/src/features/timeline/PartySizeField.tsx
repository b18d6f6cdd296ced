import { MAX_PARTY_SIZE } from '@tablebook/api/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { PartyProblem } from './partySize.ts';

interface PartySizeFieldProps {
  value: string;
  /** The chosen table's seats, the most the party may be. */
  seats: number | undefined;
  problem: PartyProblem | undefined;
  onChange: (value: string) => void;
}

/** How many people: 1..20, and no more than the chosen table seats (said in the hint, checked before sending). */
export function PartySizeField({ value, seats, problem, onChange }: PartySizeFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = problem
    ? problem.kind === 'range'
      ? t.host.partyRange(problem.max)
      : t.host.partySeats(problem.table, problem.seats)
    : undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {t.booking.fields.partySize}
      </label>
      <input
        id={id}
        className="input input--short"
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.min(MAX_PARTY_SIZE, seats ?? MAX_PARTY_SIZE)}
        step={1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className="field__hint">
        {t.host.partyHint(MAX_PARTY_SIZE)}
      </p>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { useId } from 'react';
import type { Messages } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TableSpot } from './dayState.ts';
import { floorRows } from './floorRows.ts';
// The phone tile's spacing (the tiles themselves are styled with the app's shared parts).
import './day.css';

type TableState = keyof Messages['day']['tableState'];

interface FloorMapProps {
  /** The restaurant's own layout. */
  tables: readonly TableSpot[];
  taken: ReadonlySet<string>;
  /** Tables that seat fewer than the party (at a restaurant that books times): not bookable, and said why. */
  tooSmall?: ReadonlySet<string>;
  /** The table being booked right now, shown as busy. */
  pendingLabel?: string | undefined;
  /** A past day, or a full one: the map only shows what was booked. */
  readOnly?: boolean;
  /** Why nothing can be booked: a past day ('closed') or a full one ('full'). */
  closedAs?: 'closed' | 'full';
  onPick: (label: string) => void;
  /** What the map is of, when it is not simply the day's floor ("Tables at 19:30"). */
  mapLabel?: string;
}

/** The states whose visible word needs a sentence more for a screen reader (told as the button's description). */
const HINTED = ['free', 'small', 'closed', 'full'] as const satisfies readonly TableState[];
const isHinted = (state: TableState): state is (typeof HINTED)[number] => (HINTED as readonly TableState[]).includes(state);

/**
 * The dining room as a grid of tables with their seats. Taken tables stay focusable (aria-disabled
 * rather than disabled) so keyboard and screen-reader users hear that they are taken instead of skipping them.
 * A table's name is its visible text ("A0, 2 seats, Free", WCAG 2.5.3: what a voice user reads out
 * is what the button answers to); what the state means ("book this table") is its description.
 */
export function FloorMap({
  tables,
  taken,
  tooSmall,
  pendingLabel,
  readOnly = false,
  closedAs = 'closed',
  onPick,
  mapLabel,
}: FloorMapProps) {
  const { t } = useI18n();
  const hintId = useId();
  const seatsOf = new Map(tables.map((table) => [table.label, table.seats]));
  return (
    <fieldset className="floor" aria-label={mapLabel ?? t.day.floorLabel}>
      {floorRows(tables.map((table) => table.label)).map(({ row, labels }) => (
        <fieldset key={row} className="floor__row" aria-label={row ? t.day.rowLabel(row) : undefined}>
          {labels.map((label) => {
            const seats = seatsOf.get(label) ?? 0;
            const isTaken = taken.has(label);
            const isSmall = tooSmall?.has(label) ?? false;
            const isPending = label === pendingLabel;
            const unavailable = isTaken || isSmall || isPending || readOnly;
            const state: TableState = isPending ? 'pending' : isTaken ? 'taken' : isSmall ? 'small' : readOnly ? closedAs : 'free';
            return (
              <button
                key={label}
                type="button"
                className={`table table--${state === 'full' || state === 'small' ? 'closed' : state}`}
                aria-disabled={unavailable || undefined}
                aria-busy={isPending || undefined}
                aria-describedby={isHinted(state) ? `${hintId}-${state}` : undefined}
                onClick={() => (unavailable ? undefined : onPick(label))}
              >
                <span className="table__label">{label}</span>
                <span className="visually-hidden">, </span>
                <span className="table__seats">{t.day.seatsShort(seats)}</span>
                <span className="visually-hidden">, </span>
                <span className="table__state">{t.day.tableState[state]}</span>
              </button>
            );
          })}
        </fieldset>
      ))}
      {HINTED.map((state) => (
        <span key={state} id={`${hintId}-${state}`} hidden>
          {t.day.tableHint[state]}
        </span>
      ))}
    </fieldset>
  );
}

import type { Messages } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TableSpot } from './dayState.ts';
import { floorRows } from './floorRows.ts';

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

/**
 * The dining room as a grid of tables with their seats. Taken tables stay focusable (aria-disabled
 * rather than disabled) so keyboard and screen-reader users hear that they are taken instead of skipping them.
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
                aria-label={t.day.tableName(label, seats, state)}
                onClick={() => (unavailable ? undefined : onPick(label))}
              >
                <span className="table__label" aria-hidden="true">
                  {label}
                </span>
                <span className="table__seats" aria-hidden="true">
                  {t.day.seatsShort(seats)}
                </span>
                <span className="table__state" aria-hidden="true">
                  {t.day.tableState[state]}
                </span>
              </button>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

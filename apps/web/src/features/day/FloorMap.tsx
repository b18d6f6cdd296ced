import type { Messages } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { floorRows } from './floorRows.ts';

type TableState = keyof Messages['day']['tableState'];

interface FloorMapProps {
  /** The restaurant's tables; today every restaurant has the default fifteen. */
  labels: readonly string[];
  taken: ReadonlySet<string>;
  /** The table being booked right now, shown as busy. */
  pendingLabel?: string | undefined;
  /** A past day: the map only shows what was booked. */
  readOnly?: boolean;
  onPick: (label: string) => void;
}

/**
 * The dining room as a grid of tables. Taken tables stay focusable (aria-disabled rather than
 * disabled) so keyboard and screen-reader users hear that they are taken instead of skipping them.
 */
export function FloorMap({ labels, taken, pendingLabel, readOnly = false, onPick }: FloorMapProps) {
  const { t } = useI18n();
  return (
    <div className="floor" role="group" aria-label={t.day.floorLabel}>
      {floorRows(labels).map(({ row, labels: rowLabels }) => (
        <div key={row} className="floor__row" role="group" aria-label={row ? t.day.rowLabel(row) : undefined}>
          {rowLabels.map((label) => {
            const isTaken = taken.has(label);
            const isPending = label === pendingLabel;
            const unavailable = isTaken || isPending || readOnly;
            const state: TableState = isPending ? 'pending' : isTaken ? 'taken' : readOnly ? 'closed' : 'free';
            return (
              <button
                key={label}
                type="button"
                className={`table table--${state}`}
                aria-disabled={unavailable || undefined}
                aria-busy={isPending || undefined}
                aria-label={t.day.tableName(label, state)}
                onClick={() => (unavailable ? undefined : onPick(label))}
              >
                <span className="table__label" aria-hidden="true">
                  {label}
                </span>
                <span className="table__state" aria-hidden="true">
                  {t.day.tableState[state]}
                </span>
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}

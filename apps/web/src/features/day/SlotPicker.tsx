import type { SlotOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatClockTime, slotStateOf, slotWindow } from './slotTimes.ts';

interface SlotPickerProps {
  slots: readonly SlotOutput[];
  /** The time the guest asked for: the slots nearest to it are shown. */
  wanted: string;
  selected: string | undefined;
  /** While the times are being fetched again (another party size or day): nothing can be picked. */
  busy: boolean;
  onSelect: (time: string) => void;
  onWantedChange: (time: string) => void;
}

/**
 * The start times around the one asked for, each with how many tables are free then or why it cannot
 * be booked. Times that cannot be booked stay focusable (aria-disabled) so their reason is heard.
 */
export function SlotPicker({ slots, wanted, selected, busy, onSelect, onWantedChange }: SlotPickerProps) {
  const { t, locale } = useI18n();
  const timed = t.day.timed;
  const { shown, earlier, later } = slotWindow(slots, wanted);
  const stateOf = (slot: SlotOutput) => {
    const state = slotStateOf(slot);
    return state === 'free' ? timed.slotState.free(slot.freeTables.length) : timed.slotState[state];
  };
  return (
    <div className="slot-picker" aria-busy={busy || undefined}>
      <ul className="slot-picker__slots" aria-label={timed.slotsLabel}>
        {shown.map((slot) => {
          const time = formatClockTime(slot.time, locale);
          const state = stateOf(slot);
          const unavailable = !slot.bookable || busy;
          return (
            <li key={slot.startsAt}>
              <button
                type="button"
                className={`slot${slot.bookable ? '' : ' slot--unavailable'}`}
                aria-pressed={slot.time === selected}
                aria-disabled={unavailable || undefined}
                aria-label={timed.slotName(time, state)}
                onClick={() => (unavailable ? undefined : onSelect(slot.time))}
              >
                <span className="slot__time" aria-hidden="true">
                  {time}
                </span>
                <span className="slot__state" aria-hidden="true">
                  {state}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {earlier || later ? (
        <div className="slot-picker__more">
          {earlier ? (
            <button type="button" className="button button--small button--ghost" onClick={() => onWantedChange(earlier)}>
              <span aria-hidden="true">‹ </span>
              {timed.earlier}
            </button>
          ) : null}
          {later ? (
            <button type="button" className="button button--small button--ghost slot-picker__later" onClick={() => onWantedChange(later)}>
              {timed.later}
              <span aria-hidden="true"> ›</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

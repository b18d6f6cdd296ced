import type { SlotOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { type BookingWindow, formatClockTime, goneCount, isAfterMidnight, slotStateOf, slotWindow } from './slotTimes.ts';

interface SlotPickerProps {
  slots: readonly SlotOutput[];
  /** The day the slots are of: a slot after its midnight says so. */
  date: CalendarDay;
  /** The restaurant's booking window, as of when the slots were read: why a slot cannot be booked. */
  bookingWindow: BookingWindow;
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
 * be booked, and "after midnight" on those of the night's next day. Times that cannot be booked stay
 * focusable (aria-disabled) so their reason is heard. A button's name is its visible text.
 */
export function SlotPicker({ slots, date, bookingWindow, wanted, selected, busy, onSelect, onWantedChange }: SlotPickerProps) {
  const { t, locale } = useI18n();
  const timed = t.day.timed;
  const { shown, earlier, later } = slotWindow(slots, wanted, undefined, goneCount(slots, bookingWindow));
  const stateOf = (slot: SlotOutput) => {
    const state = slotStateOf(slot, bookingWindow);
    return state === 'free' ? timed.slotState.free(slot.freeTables.length) : timed.slotState[state];
  };
  return (
    <div className="slot-picker" aria-busy={busy || undefined}>
      <ul className="slot-picker__slots" aria-label={timed.slotsLabel}>
        {shown.map((slot) => {
          const unavailable = !slot.bookable || busy;
          return (
            <li key={slot.startsAt}>
              <button
                type="button"
                className={`slot${slot.bookable ? '' : ' slot--unavailable'}`}
                aria-pressed={slot.time === selected}
                aria-disabled={unavailable || undefined}
                onClick={() => (unavailable ? undefined : onSelect(slot.time))}
              >
                <span className="slot__time">{formatClockTime(slot.time, locale)}</span>
                {isAfterMidnight(slot, date) ? (
                  <>
                    <span className="visually-hidden">, </span>
                    <span className="slot__next-day">{timed.afterMidnight}</span>
                  </>
                ) : null}
                <span className="visually-hidden">: </span>
                <span className="slot__state">{stateOf(slot)}</span>
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

import type { RestaurantOutput, SlotOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FloorMap } from './FloorMap.tsx';
import { floorAt, formatClockTime, localClockOf } from './slotTimes.ts';

interface SlotChoiceProps {
  slot: SlotOutput;
  /** Its start as the page says it ("12:30 AM (after midnight)"). */
  time: string;
  restaurant: RestaurantOutput;
  partySize: number;
  /** A booking on its way: its table ('' when the restaurant picks it), shown busy; nothing else can be booked meanwhile. */
  pending: string | undefined;
  /** Book the slot, at this table or (none) at the one the restaurant gives the party. */
  onBook: (table: string | undefined) => void;
}

/** The slot picked: book it as it is, or choose the table on the floor as it is for that turn. */
export function SlotChoice({ slot, time, restaurant, partySize, pending, onBook }: SlotChoiceProps) {
  const { t, locale } = useI18n();
  const timed = t.day.timed;
  const { taken, tooSmall } = floorAt(slot, restaurant.tables, partySize);
  // The free tables' seats: what the party can sit at then, not a count of bookings.
  const seatsOf = new Map(restaurant.tables.map((table) => [table.label, table.seats]));
  const seatsAt = (at: SlotOutput) => at.freeTables.reduce((sum, label) => sum + (seatsOf.get(label) ?? 0), 0);
  return (
    <section className="slot-choice" aria-labelledby="slot-choice-heading">
      <div className="slot-choice__header">
        <h3 id="slot-choice-heading" className="slot-choice__title">
          {timed.chosen(time, formatClockTime(localClockOf(slot.endsAt), locale))}
        </h3>
        <p className="floor-summary" aria-live="polite">
          {timed.party(partySize)} · {timed.freeThen(slot.freeTables.length, seatsAt(slot))}
        </p>
      </div>
      <div className="slot-choice__book">
        <button type="button" className="button button--primary" disabled={pending !== undefined} onClick={() => onBook(undefined)}>
          {/* The heading above says "after midnight": the button stays short enough for a phone. */}
          {timed.bookPicked(formatClockTime(slot.time, locale))}
        </button>
        <p className="field__hint">{timed.pickedForYou}</p>
      </div>
      <p className="slot-choice__or">{timed.orChoose}</p>
      <div>
        <FloorMap
          mapLabel={timed.floorAt(time)}
          tables={restaurant.tables}
          taken={taken}
          tooSmall={tooSmall}
          pendingLabel={pending || undefined}
          readOnly={pending !== undefined}
          onPick={onBook}
        />
        <ul className="legend" aria-label={t.day.legend}>
          <li className="legend__item legend__item--free">{t.day.tableState.free}</li>
          <li className="legend__item legend__item--taken">{t.day.tableState.taken}</li>
          {tooSmall.size > 0 ? <li className="legend__item legend__item--full">{t.day.tableState.small}</li> : null}
        </ul>
      </div>
    </section>
  );
}

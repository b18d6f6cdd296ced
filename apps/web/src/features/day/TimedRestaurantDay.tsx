import { MAX_PARTY_SIZE, type RestaurantOutput, type SlotOutput } from '@tablebook/api/shared';
import { useEffect, useRef, useState } from 'react';
import { isTransient, problemOf } from '../../api/problems.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { describeSlotsTooSoon } from '../../i18n/refusals.ts';
import { formatDay, isBeforeDay, type CalendarDay } from '../../lib/days.ts';
import { zoneName } from '../../lib/zoneName.ts';
import { LivePill } from '../../live/LivePill.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState, Loading, ProblemNotice } from '../../ui/states.tsx';
import { BookingConfirmation } from './BookingConfirmation.tsx';
import { BookingFields } from './BookingFields.tsx';
import { DayLimits } from './DayLimits.tsx';
import { emptyBookingForm, validateBooking, type BookingErrors, type BookingFormValues } from './bookingForm.ts';
import { SlotChoice } from './SlotChoice.tsx';
import { SlotPicker } from './SlotPicker.tsx';
import {
  type BookingWindow,
  bookableFrom,
  formatClockTime,
  isAfterMidnight,
  isOtherZone,
  localDayOf,
  partySizes,
  slotStateOf,
  type TimedSearch,
} from './slotTimes.ts';
import { TimedDayControls } from './TimedDayControls.tsx';
import { useDayCapacity } from './useDayCapacity.ts';
import { useDaySlots } from './useDaySlots.ts';
import { useGuestBooking } from './useGuestBooking.ts';
import './slots.css';

interface TimedRestaurantDayProps {
  restaurant: RestaurantOutput;
  search: TimedSearch;
  /** Today in the restaurant's zone. */
  today: CalendarDay;
  /** A slot the address picked (a link from a search result's free time, never a typed time): it starts picked. */
  linkedTime?: string | undefined;
  onSearchChange: (changes: Partial<TimedSearch>) => void;
}

/**
 * Booking a time at a restaurant with opening hours: the guest picks a party size, a day and a time,
 * sees the bookable times around it, picks one, and books it with the table the restaurant gives the
 * party, or with a table chosen on the floor map, which shows the tables free for that slot's turn.
 */
export function TimedRestaurantDay({ restaurant, search, today, linkedTime, onSearchChange }: TimedRestaurantDayProps) {
  const { t, locale, language } = useI18n();
  const timed = t.day.timed;
  const { date, partySize, wanted } = search;
  const { slots, live } = useDaySlots(restaurant.id, date, partySize);
  const capacity = useDayCapacity(restaurant.id, date, slots.dataUpdatedAt);
  const booking = useGuestBooking();
  /** The slot picked, for this day and party size (another day or party starts unpicked). */
  const searchKey = `${date}/${partySize}`;
  const [picked, setPicked] = useState<{ key: string; time: string } | null>(() =>
    linkedTime ? { key: searchKey, time: linkedTime } : null,
  );
  /** The booking dialog: open with a table from the map, or with none (the restaurant picks). */
  const [asking, setAsking] = useState<{ table: string | undefined } | null>(null);
  const [values, setValues] = useState<BookingFormValues>(emptyBookingForm);
  const [errors, setErrors] = useState<BookingErrors>({});
  const [attempted, setAttempted] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  const current = slots.data && !slots.isPlaceholderData && slots.data.date === date ? slots.data : undefined;
  const pickedSlot = picked?.key === searchKey ? current?.slots.find((slot) => slot.time === picked.time) : undefined;
  // A slot that filled up meanwhile (live) is no longer offered.
  const selected: SlotOutput | undefined = pickedSlot?.bookable ? pickedSlot : undefined;
  const day = formatDay(date, locale);
  const isPast = isBeforeDay(date, today);
  const opensOn = bookableFrom(date, today, restaurant.maxAdvanceDays);
  const showZone = isOtherZone(restaurant.timeZone);
  const clock = (time: string) => formatClockTime(time, locale);
  /** A slot's time as the page says it: "12:30 AM (after midnight)" for one past the night's midnight. */
  const slotClock = (slot: SlotOutput) => (isAfterMidnight(slot, date) ? timed.nextDay(clock(slot.time)) : clock(slot.time));
  // The slots' states are the server's as of when they were read (they are read again every minute).
  const bookingWindow: BookingWindow = {
    now: slots.dataUpdatedAt || Date.now(),
    minAdvanceMinutes: restaurant.minAdvanceMinutes,
    maxAdvanceDays: restaurant.maxAdvanceDays,
  };
  const outcomeIsForThis = booking.variables?.date === date;
  // Times still to come that the restaurant's notice refuses: the page says how much notice it needs.
  const tooSoon = !isPast && (current?.slots.some((slot) => slotStateOf(slot, bookingWindow) === 'tooSoon') ?? false);

  useEffect(() => {
    // Booked: the slot is done with. Either way the answer is brought into view.
    if (booking.isSuccess) setPicked(null);
    if (booking.isSuccess || booking.isError) outcomeRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [booking.isSuccess, booking.isError]);

  const seatsOf = (table: string | undefined) => restaurant.tables.find((spot) => spot.label === table)?.seats ?? MAX_PARTY_SIZE;
  const target = () => ({
    restaurantId: restaurant.id,
    table: asking?.table,
    date,
    time: selected?.time,
    seats: seatsOf(asking?.table),
  });
  // The party size was chosen above the times: it is the form's, not typed in the dialog.
  const withParty = (form: BookingFormValues) => ({ ...form, partySize: String(partySize) });
  const change = (changes: Partial<BookingFormValues>) => {
    const next = { ...values, ...changes };
    setValues(next);
    if (attempted) {
      const result = validateBooking(withParty(next), target(), t.booking.validation);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  const submit = () => {
    setAttempted(true);
    const result = validateBooking(withParty(values), target(), t.booking.validation);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setAsking(null);
    setAttempted(false);
    setErrors({});
    booking.book(result.input);
  };

  const selectedTime = selected ? slotClock(selected) : '';
  // The dialog names the calendar day the turn starts on: 00:30 of Friday's night is Saturday.
  const selectedDay = selected ? formatDay(localDayOf(selected.startsAt), locale) : day;
  return (
    <>
      <section className="panel" aria-labelledby="day-heading">
        <div className="panel__header">
          <h2 id="day-heading" className="panel__title">
            {timed.heading(day)}
          </h2>
          <LivePill state={live} />
        </div>
        <TimedDayControls
          partySize={partySize}
          partySizes={partySizes(restaurant.tables)}
          date={date}
          today={today}
          wanted={wanted}
          onPartySizeChange={(next) => onSearchChange({ partySize: next })}
          onDateChange={(next) => onSearchChange({ date: next })}
          onWantedChange={(next) => onSearchChange({ wanted: next })}
        />
        {showZone ? (
          <p className="field__hint timed-zone" title={restaurant.timeZone}>
            {timed.localTimes(zoneName(restaurant.timeZone, locale))}
          </p>
        ) : null}
        {isPast ? <p className="notice notice--info">{timed.pastDay}</p> : null}
        {!isPast && capacity ? <DayLimits restaurantName={restaurant.name} day={day} capacity={capacity} /> : null}
        {tooSoon ? (
          <p className="notice notice--info">{describeSlotsTooSoon(restaurant.name, restaurant.minAdvanceMinutes, language)}</p>
        ) : null}
        {opensOn && restaurant.maxAdvanceDays !== null ? (
          <p className="notice notice--info">{timed.notYetOpen(restaurant.maxAdvanceDays, formatDay(opensOn, locale))}</p>
        ) : null}

        <div ref={outcomeRef} className="day-outcome">
          {outcomeIsForThis && booking.isSuccess ? (
            <BookingConfirmation
              booking={booking.data}
              restaurantName={restaurant.name}
              timeZone={showZone ? restaurant.timeZone : undefined}
              onDismiss={() => booking.reset()}
            />
          ) : null}
          {outcomeIsForThis && booking.isError ? (
            <ProblemNotice
              error={booking.error}
              {...(isTransient(problemOf(booking.error)) ? { onRetry: booking.retry } : {})}
              onDismiss={() => booking.reset()}
            />
          ) : null}
        </div>

        {slots.isPending ? <Loading label={timed.loading} /> : null}
        {slots.isError ? <ProblemNotice error={slots.error} onRetry={() => void slots.refetch()} /> : null}
        {slots.data && slots.data.slots.length === 0 ? <EmptyState title={timed.closed(day)} /> : null}
        {slots.data && slots.data.slots.length > 0 ? (
          <SlotPicker
            slots={slots.data.slots}
            date={date}
            bookingWindow={bookingWindow}
            wanted={wanted}
            selected={selected?.time}
            busy={current === undefined}
            onSelect={(time) => setPicked({ key: searchKey, time })}
            onWantedChange={(next) => onSearchChange({ wanted: next })}
          />
        ) : null}
        {current && current.slots.length > 0 && !selected && (pickedSlot || (!isPast && !opensOn)) ? (
          <p className="field__hint" aria-live="polite">
            {pickedSlot ? timed.goneTitle(slotClock(pickedSlot)) : timed.chooseSlot}
          </p>
        ) : null}

        {selected ? (
          <SlotChoice
            slot={selected}
            time={selectedTime}
            restaurant={restaurant}
            partySize={partySize}
            pending={booking.isPending ? (booking.variables?.table ?? '') : undefined}
            onBook={(table) => setAsking({ table })}
          />
        ) : null}
      </section>

      <ConfirmDialog
        open={asking !== null}
        hasFields
        title={asking?.table ? timed.confirmTitleTable(asking.table, selectedTime) : timed.confirmTitle(selectedTime)}
        confirmLabel={t.day.confirmAction}
        cancelLabel={t.common.cancel}
        onConfirm={submit}
        onCancel={() => setAsking(null)}
      >
        <p className="dialog__lead">
          {timed.confirmBody(restaurant.name, selectedDay, selected ? clock(selected.time) : '', timed.party(partySize))}
        </p>
        {/* Both limits, before the guest submits: the lower one decides. */}
        {capacity ? <DayLimits restaurantName={restaurant.name} day={day} capacity={capacity} /> : null}
        <BookingFields values={values} errors={errors} onChange={change} />
      </ConfirmDialog>
    </>
  );
}

import type { RestaurantOutput } from '@tablebook/api/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isTransient, problemOf } from '../../api/problems.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isBeforeDay, type CalendarDay } from '../../lib/days.ts';
import { LivePill } from '../../live/LivePill.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Loading, ProblemNotice } from '../../ui/states.tsx';
import { BookingConfirmation } from './BookingConfirmation.tsx';
import { BookingFields } from './BookingFields.tsx';
import { emptyBookingForm, validateBooking, type BookingErrors, type BookingFormValues } from './bookingForm.ts';
import { DayLimits } from './DayLimits.tsx';
import { type DaySearch, freeForParty, tooSmallFor } from './daySearch.ts';
import { fullnessOf, takenLabels } from './dayState.ts';
import { FloorMap } from './FloorMap.tsx';
import { GuestDayField } from './GuestDayField.tsx';
import { PartySizeField } from './PartySizeField.tsx';
import { partySizes } from './slotTimes.ts';
import { useDayAvailability } from './useDayAvailability.ts';
import { useGuestBooking } from './useGuestBooking.ts';
import './day.css';

interface RestaurantDayProps {
  restaurant: RestaurantOutput;
  search: DaySearch;
  /** Today in the restaurant's zone: no earlier day is offered. */
  today: CalendarDay;
  onSearchChange: (changes: Partial<DaySearch>) => void;
}

/**
 * The floor for one day, live, for a party: the tables free that seat it and their seats, both daily
 * limits, and booking a free table with the guest's details (the dialog says the limits again).
 */
export function RestaurantDay({ restaurant, search, today, onSearchChange }: RestaurantDayProps) {
  const { date, partySize } = search;
  const { t, locale } = useI18n();
  const { availability, day: dayState, live } = useDayAvailability(restaurant.id, date, restaurant.tables);
  const booking = useGuestBooking();
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const [values, setValues] = useState<BookingFormValues>(emptyBookingForm);
  const [errors, setErrors] = useState<BookingErrors>({});
  const [attempted, setAttempted] = useState(false);
  const tables = restaurant.tables;
  const taken = useMemo(() => (dayState ? takenLabels(dayState) : new Set<string>()), [dayState]);
  const tooSmall = useMemo(() => tooSmallFor(tables, partySize), [tables, partySize]);
  const free = dayState ? freeForParty(dayState.freeTables, partySize) : undefined;
  const isPast = isBeforeDay(date, today);
  const fullness = dayState ? fullnessOf(dayState) : 'open';
  const day = formatDay(date, locale);
  const seats = tables.find((table) => table.label === askingFor)?.seats ?? 1;
  // The outcome shown belongs to the day it was for: another day starts clean.
  const outcomeIsForThisDay = booking.variables?.date === date;
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The table clicked may be far down the map (on a phone, surely): bring the answer into view.
    if (booking.isSuccess || booking.isError) outcomeRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [booking.isSuccess, booking.isError]);

  const target = { restaurantId: restaurant.id, table: askingFor ?? '', date, seats };
  const change = (changes: Partial<BookingFormValues>) => {
    const next = { ...values, ...changes };
    setValues(next);
    if (attempted) {
      const result = validateBooking(next, target, t.booking.validation);
      setErrors(result.ok ? {} : result.errors);
    }
  };
  /** A table picked: the dialog starts with the party searched for (the guest may still change it). */
  const ask = (table: string) => {
    setValues((current) => ({ ...current, partySize: String(partySize) }));
    setAskingFor(table);
  };
  const submit = () => {
    setAttempted(true);
    const result = validateBooking(values, target, t.booking.validation);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setAskingFor(null);
    setAttempted(false);
    setErrors({});
    booking.book(result.input);
  };

  return (
    <>
      <section className="panel" aria-labelledby="day-heading">
        <div className="panel__header">
          <h2 id="day-heading" className="panel__title">
            {t.day.tablesOn(day)}
          </h2>
          <LivePill state={live} />
        </div>
        <div className="day-controls">
          <PartySizeField value={partySize} sizes={partySizes(tables)} onChange={(next) => onSearchChange({ partySize: next })} />
          <GuestDayField value={date} today={today} onChange={(next) => onSearchChange({ date: next })} />
        </div>

        {isPast ? <p className="notice notice--info">{t.day.pastDay}</p> : null}
        {!isPast && fullness !== 'open' ? (
          <p className="notice notice--warning" role="status">
            {fullness === 'systemFull' ? t.day.systemFull(day) : t.day.restaurantFull(restaurant.name, day)}
          </p>
        ) : null}
        <div ref={outcomeRef} className="day-outcome">
          {outcomeIsForThisDay && booking.isSuccess ? (
            <BookingConfirmation booking={booking.data} restaurantName={restaurant.name} onDismiss={() => booking.reset()} />
          ) : null}
          {outcomeIsForThisDay && booking.isError ? (
            // Only a lost answer or an outage is worth the same attempt again (same idempotency key).
            <ProblemNotice
              error={booking.error}
              {...(isTransient(problemOf(booking.error)) ? { onRetry: booking.retry } : {})}
              onDismiss={() => booking.reset()}
            />
          ) : null}
        </div>

        {availability.isPending ? <Loading label={t.day.loadingTables} /> : null}
        {availability.isError ? <ProblemNotice error={availability.error} onRetry={() => void availability.refetch()} /> : null}
        {dayState ? (
          <>
            {/* Tables and seats, not a count of bookings: what a party can actually sit at. */}
            <p className="floor-summary" aria-live="polite">
              {!isPast && fullness === 'open' && free
                ? t.day.freeTables(free.tables, tables.length, free.seats, partySize)
                : t.day.noFreeTables}
            </p>
            {!isPast ? <DayLimits restaurantName={restaurant.name} day={day} capacity={dayState} /> : null}
            <FloorMap
              tables={tables}
              taken={taken}
              tooSmall={tooSmall}
              pendingLabel={booking.isPending ? booking.variables.table : undefined}
              readOnly={isPast || fullness !== 'open'}
              closedAs={isPast ? 'closed' : 'full'}
              onPick={ask}
            />
            <ul className="legend" aria-label={t.day.legend}>
              <li className="legend__item legend__item--free">{t.day.tableState.free}</li>
              <li className="legend__item legend__item--taken">{t.day.tableState.taken}</li>
              {tooSmall.size > 0 ? <li className="legend__item legend__item--full">{t.day.tableState.small}</li> : null}
              {!isPast && fullness !== 'open' ? <li className="legend__item legend__item--full">{t.day.tableState.full}</li> : null}
            </ul>
          </>
        ) : null}
      </section>

      <ConfirmDialog
        open={askingFor !== null}
        hasFields
        title={t.day.confirmTitle(askingFor ?? '')}
        confirmLabel={t.day.confirmAction}
        cancelLabel={t.common.cancel}
        onConfirm={submit}
        onCancel={() => setAskingFor(null)}
      >
        <p className="dialog__lead">{t.day.confirmBody(askingFor ?? '', restaurant.name, day)}</p>
        {/* Both limits, before the guest submits: the lower one decides. */}
        {dayState ? <DayLimits restaurantName={restaurant.name} day={day} capacity={dayState} /> : null}
        <BookingFields values={values} errors={errors} seats={seats} onChange={change} />
      </ConfirmDialog>
    </>
  );
}

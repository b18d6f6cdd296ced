import { todayIn, type ReservationOutput, type RestaurantOutput } from '@tablebook/api/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, type CalendarDay } from '../../lib/days.ts';
import { zoneName } from '../../lib/zoneName.ts';
import { LivePill } from '../../live/LivePill.tsx';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { MoveDialog, type MoveChoice } from './MoveDialog.tsx';
import { NewReservationDialog, type NewReservationStart } from './NewReservationDialog.tsx';
import { timeAt, upcomingTimes, WALK_IN, walkInStart } from './newReservation.ts';
import { TimelineGrid } from './TimelineGrid.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';
import { axisOf, barPlace, clockChange, dayRanges, minutesIntoDay, timeChoices, wallClockIn } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';
import { useMoveReservation } from './useMoveReservation.ts';
import { useNow } from './useNow.ts';
import { useTimelineDay } from './useTimelineDay.ts';
import './timeline.css';

interface TimelineDayProps {
  restaurant: RestaurantOutput;
  date: CalendarDay;
}

/**
 * One day of a restaurant with opening hours: the timeline, kept live; the move of a reservation from
 * it, and the host stand's new reservations (a button, a walk-in now, or a click on a row's free time).
 */
export function TimelineDay({ restaurant, date }: TimelineDayProps) {
  const { t, locale } = useI18n();
  const { reservations, live } = useTimelineDay(restaurant.id, date);
  const move = useMoveReservation();
  const [moving, setMoving] = useState<ReservationOutput | null>(null);
  const [creating, setCreating] = useState<NewReservationStart | null>(null);
  /** What had focus when the new-reservation dialog opened, to give it back when it is left. */
  const opener = useRef<HTMLElement | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The bar to give focus back to once the dialog is gone (it may have moved to another row). */
  const [focusId, setFocusId] = useState<string | null>(null);
  const ranges = useMemo(() => dayRanges(date, restaurant), [date, restaurant]);
  const axis = useMemo(() => axisOf(ranges), [ranges]);
  const change = useMemo(() => (axis ? clockChange(axis, { date, timeZone: restaurant.timeZone }) : undefined), [axis, date, restaurant]);
  const day = formatDay(date, locale);
  const clock = useNow();
  const now = minutesIntoDay(date, wallClockIn(restaurant.timeZone, clock));
  // A day that has passed takes no new reservations (the server would refuse every start).
  const bookable = axis !== undefined && date >= todayIn(restaurant.timeZone, clock);
  const walkIn = bookable ? walkInStart(clock.getTime(), date, ranges, restaurant.timeZone) : undefined;

  useEffect(() => {
    if (!focusId || moving || creating) return;
    document.querySelector<HTMLElement>(`[data-reservation-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId, moving, creating]);

  if (reservations.isPending) return <Loading />;
  if (reservations.isError) {
    const { reason } = problemOf(reservations.error);
    if (reason === 'NOT_FOUND' || reason === 'INVALID_INPUT') return <EmptyState title={t.day.notFoundTitle} />;
    return <ProblemNotice error={reservations.error} onRetry={() => void reservations.refetch()} />;
  }
  const list = reservations.data;
  const outside = axis ? list.filter((reservation) => !barPlace(reservation, date, axis)).length : list.length;
  const hours = ranges.map((range) => t.timeline.range(formatMinutes(range.opens, locale), formatMinutes(range.closes, locale))).join(', ');

  const startNew = (start: NewReservationStart) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDone(null);
    setCreating(start);
  };
  /** A click at a table and a minute: the last start offered at or before it. */
  const pick = (table: string, minutes: number) => {
    const zoned = { date, timeZone: restaurant.timeZone };
    const at = timeAt(upcomingTimes(timeChoices(ranges, restaurant.slotMinutes, zoned), zoned, Date.now()), minutes);
    startNew({ table, time: at?.time });
  };
  const created = (reservation: ReservationOutput) => {
    setCreating(null);
    setFocusId(reservation.id);
    setDone(
      t.host.booked(
        reservation.guestName ?? t.reservations.noName,
        reservation.partySize,
        reservation.table,
        formatMinutes(minutesIntoDay(date, reservation.startsAt), locale),
      ),
    );
  };
  const leaveNew = () => {
    setCreating(null);
    opener.current?.focus();
  };

  const open = (reservation: ReservationOutput) => {
    move.reset();
    setDone(null);
    setMoving(reservation);
  };
  const close = () => {
    if (moving) setFocusId(moving.id);
    setMoving(null);
  };
  const confirm = (reservation: ReservationOutput, choice: MoveChoice) => {
    move
      .mutateAsync({
        restaurantId: restaurant.id,
        reservationId: reservation.id,
        time: choice.time,
        table: choice.table,
        // Sent only when changed: an unchanged party keeps the reservation's own turn length.
        ...(choice.partySize === reservation.partySize ? {} : { partySize: choice.partySize }),
      })
      .then((moved) => {
        setDone(
          t.timeline.move.done(
            moved.guestName ?? t.reservations.noName,
            moved.table,
            formatMinutes(minutesIntoDay(date, moved.startsAt), locale),
          ),
        );
        close();
      })
      // Refused: the dialog stays open with what was chosen and says why (move.error).
      .catch(() => undefined);
  };

  return (
    <section className="panel timeline" aria-labelledby="timeline-heading">
      <div className="panel__header">
        <h2 id="timeline-heading" className="panel__title">
          {t.timeline.heading(day, list.length)}
        </h2>
        <LivePill state={live} />
        <div className="timeline__actions">
          {bookable ? (
            <button type="button" className="button button--small" onClick={() => startNew({})}>
              {t.host.newReservation}
            </button>
          ) : null}
          {walkIn ? (
            <button type="button" className="button button--small button--ghost" onClick={() => startNew({ time: WALK_IN })}>
              {t.host.walkIn}
            </button>
          ) : null}
          <Link className="button button--ghost button--small" to={paths.reservations(restaurant.id, date)}>
            {t.timeline.openList}
          </Link>
        </div>
      </div>
      {axis && !bookable ? <p className="timeline__hours">{t.host.pastDay}</p> : null}
      {axis ? (
        <p className="timeline__hours">
          {t.timeline.hours(hours)} · {/* The zone by its name for people; its id for tools (and a host who wants it) on hover. */}
          <span title={restaurant.timeZone}>{t.timeline.zone(zoneName(restaurant.timeZone, locale))}</span>
        </p>
      ) : null}
      {change ? (
        <p className="timeline__clock-change">
          {(change.forward ? t.timeline.clockForward : t.timeline.clockBack)(
            formatMinutes(change.from, locale),
            formatMinutes(change.to, locale),
          )}
        </p>
      ) : null}
      {done ? <SuccessNotice onDismiss={() => setDone(null)}>{done}</SuccessNotice> : null}
      {axis ? (
        <>
          <TimelineGrid
            axis={axis}
            ranges={ranges}
            date={date}
            tables={restaurant.tables}
            reservations={list}
            now={now}
            onMove={open}
            onPick={bookable ? pick : undefined}
          />
          <TimelineLegend />
        </>
      ) : (
        <EmptyState title={t.timeline.closedDay(day)}>
          <p>{t.timeline.closedBody}</p>
        </EmptyState>
      )}
      {axis && outside > 0 ? <p className="notice notice--info">{t.timeline.outside(outside)}</p> : null}
      {moving ? (
        <MoveDialog
          key={moving.id}
          reservation={moving}
          restaurant={restaurant}
          date={date}
          ranges={ranges}
          busy={move.isPending}
          error={move.isError ? move.error : undefined}
          onConfirm={(choice) => confirm(moving, choice)}
          onCancel={close}
        />
      ) : null}
      {creating ? (
        <NewReservationDialog
          restaurant={restaurant}
          date={date}
          ranges={ranges}
          now={clock}
          start={creating}
          onDone={created}
          onCancel={leaveNew}
        />
      ) : null}
    </section>
  );
}

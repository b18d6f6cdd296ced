import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, type CalendarDay } from '../../lib/days.ts';
import { LivePill } from '../../live/LivePill.tsx';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { MoveDialog, type MoveChoice } from './MoveDialog.tsx';
import { TimelineGrid } from './TimelineGrid.tsx';
import { TimelineLegend } from './TimelineLegend.tsx';
import { axisOf, barPlace, clockChange, dayRanges, minutesIntoDay, wallClockIn } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';
import { useMoveReservation } from './useMoveReservation.ts';
import { useNow } from './useNow.ts';
import { useTimelineDay } from './useTimelineDay.ts';
import './timeline.css';

interface TimelineDayProps {
  restaurant: RestaurantOutput;
  date: CalendarDay;
}

/** One day of a restaurant with opening hours: the timeline, kept live, and the move of a reservation from it. */
export function TimelineDay({ restaurant, date }: TimelineDayProps) {
  const { t, locale } = useI18n();
  const { reservations, live } = useTimelineDay(restaurant.id, date);
  const move = useMoveReservation();
  const [moving, setMoving] = useState<ReservationOutput | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The bar to give focus back to once the dialog is gone (it may have moved to another row). */
  const [focusId, setFocusId] = useState<string | null>(null);
  const ranges = useMemo(() => dayRanges(date, restaurant), [date, restaurant]);
  const axis = useMemo(() => axisOf(ranges), [ranges]);
  const change = useMemo(() => (axis ? clockChange(axis, { date, timeZone: restaurant.timeZone }) : undefined), [axis, date, restaurant]);
  const day = formatDay(date, locale);
  const now = minutesIntoDay(date, wallClockIn(restaurant.timeZone, useNow()));

  useEffect(() => {
    if (!focusId || moving) return;
    document.querySelector<HTMLElement>(`[data-reservation-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId, moving]);

  if (reservations.isPending) return <Loading />;
  if (reservations.isError) {
    const { reason } = problemOf(reservations.error);
    if (reason === 'NOT_FOUND' || reason === 'INVALID_INPUT') return <EmptyState title={t.day.notFoundTitle} />;
    return <ProblemNotice error={reservations.error} onRetry={() => void reservations.refetch()} />;
  }
  const list = reservations.data;
  const outside = axis ? list.filter((reservation) => !barPlace(reservation, date, axis)).length : list.length;
  const hours = ranges.map((range) => t.timeline.range(formatMinutes(range.opens, locale), formatMinutes(range.closes, locale))).join(', ');

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
      .mutateAsync({ restaurantId: restaurant.id, reservationId: reservation.id, time: choice.time, table: choice.table })
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
        <Link className="button button--ghost button--small" to={paths.reservations(restaurant.id, date)}>
          {t.timeline.openList}
        </Link>
      </div>
      {axis ? (
        <p className="timeline__hours">
          {t.timeline.hours(hours)} · {t.timeline.zone(restaurant.timeZone)}
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
          <TimelineGrid axis={axis} ranges={ranges} date={date} tables={restaurant.tables} reservations={list} now={now} onMove={open} />
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
          reservations={list}
          busy={move.isPending}
          error={move.isError ? move.error : undefined}
          onConfirm={(choice) => confirm(moving, choice)}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}

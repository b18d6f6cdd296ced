import type { ReservationOutput } from '@tablebook/api/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, type CalendarDay } from '../../lib/days.ts';
import { LivePill } from '../../live/LivePill.tsx';
import { minutesIntoDay } from '../timeline/timelineLayout.ts';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { useLiveStream } from '../../live/useLiveStream.ts';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { CoversPerHour } from './CoversPerHour.tsx';
import { ReservationActionDialog } from './ReservationActionDialog.tsx';
import { ReservationMoveDialog } from './ReservationMoveDialog.tsx';
import type { ReservationAction } from './reservationActions.ts';
import { ReservationsTable } from './ReservationsTable.tsx';
import { statusInput, type StatusFilter } from './useReservationFilters.ts';
import { useReservationAction, type ActionRequest } from './useReservationAction.ts';

interface Props {
  restaurantId: string;
  /** One day; none: every day. */
  date: CalendarDay | undefined;
  status: StatusFilter;
}

/**
 * The list, kept live by `reservation.onChange`, with each reservation's actions and, for one day, its
 * covers per hour. An action's dialog stays open when the server refuses it, saying why, with what was typed.
 */
export function ReservationList({ restaurantId, date, status }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reservations = useQuery(trpc.reservation.list.queryOptions({ restaurantId, ...(date ? { date } : {}), ...statusInput(status) }));
  const restaurant = useQuery(trpc.restaurant.byId.queryOptions({ id: restaurantId }));
  const refresh = () => void queryClient.invalidateQueries(trpc.reservation.list.queryFilter({ restaurantId }));
  const client = useTRPCClient();
  const live = useLiveStream(
    client.reservation.onChange,
    { restaurantId, ...(date ? { date } : {}) },
    { onResync: refresh, onEvent: refresh },
  );
  const action = useReservationAction();
  const [open, setOpen] = useState<{ reservation: ReservationOutput; action: ReservationAction } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);

  const run = (request: ActionRequest) => {
    setDone(null);
    setRefusal(null);
    action
      .run(request)
      .then((changed) => {
        setOpen(null);
        const who = changed.guestName ?? t.reservations.noName;
        const day = formatDay(changed.date, locale);
        setDone(
          request.action === 'move' && changed.time !== null
            ? t.reservations.movedAt(who, changed.table, day, formatMinutes(minutesIntoDay(changed.date, changed.startsAt), locale))
            : t.reservations.done[request.action](who, changed.table, day),
        );
      })
      // Refused: the dialog stays open, with what was typed, and says why.
      .catch((error: unknown) => setRefusal(error));
  };
  const close = () => {
    setOpen(null);
    setRefusal(null);
  };

  if (reservations.isPending) return <Loading />;
  if (reservations.isError) {
    const { reason } = problemOf(reservations.error);
    if (reason === 'NOT_FOUND' || reason === 'INVALID_INPUT') return <EmptyState title={t.day.notFoundTitle} />;
    return <ProblemNotice error={reservations.error} onRetry={() => void reservations.refetch()} />;
  }
  const day = date ? formatDay(date, locale) : undefined;
  // A restaurant that books times (or one that did: its reservations keep their times) shows them.
  const timed = (restaurant.data?.hours.length ?? 0) > 0 || reservations.data.some((reservation) => reservation.time !== null);
  return (
    <section className="panel" aria-labelledby="reservations-heading">
      <div className="panel__header">
        <h2 id="reservations-heading" className="panel__title">
          {t.reservations.count(reservations.data.length, day)}
        </h2>
        <LivePill state={live} />
        <Link className="button button--ghost button--small" to={paths.day(restaurantId, date)}>
          {t.reservations.openDay}
        </Link>
        {restaurant.data && restaurant.data.hours.length > 0 ? (
          <Link className="button button--ghost button--small" to={paths.timeline(restaurantId, date)}>
            {t.timeline.open}
          </Link>
        ) : null}
      </div>
      {done ? <SuccessNotice onDismiss={() => setDone(null)}>{done}</SuccessNotice> : null}
      {date && reservations.data.length > 0 ? <CoversPerHour reservations={reservations.data} /> : null}
      {reservations.data.length === 0 ? (
        <EmptyState title={day ? t.reservations.emptyOn(day) : t.reservations.empty} />
      ) : (
        <ReservationsTable
          reservations={reservations.data}
          timed={timed}
          byDay={date === undefined}
          onAction={(reservation, chosen) => {
            setDone(null);
            setRefusal(null);
            setOpen({ reservation, action: chosen });
          }}
        />
      )}
      {open && open.action === 'move' && restaurant.data ? (
        <ReservationMoveDialog
          key={`${open.reservation.id}-move`}
          reservation={open.reservation}
          restaurant={restaurant.data}
          busy={action.isPending}
          error={refusal}
          onConfirm={run}
          onCancel={close}
        />
      ) : null}
      {open && open.action !== 'move' ? (
        <ReservationActionDialog
          key={`${open.reservation.id}-${open.action}`}
          reservation={open.reservation}
          action={open.action}
          busy={action.isPending}
          error={refusal}
          onConfirm={run}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}

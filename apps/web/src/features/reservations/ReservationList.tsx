import type { ReservationOutput } from '@tablebook/api/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { LivePill } from '../../live/LivePill.tsx';
import { minutesIntoDay } from '../timeline/timelineLayout.ts';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { useLiveStream } from '../../live/useLiveStream.ts';
import { EmptyState, Loading, ProblemNotice, SuccessNotice } from '../../ui/states.tsx';
import { ReservationActionDialog } from './ReservationActionDialog.tsx';
import type { ReservationAction } from './reservationActions.ts';
import { ReservationsTable } from './ReservationsTable.tsx';
import { statusInput, type ReservationFilters } from './useReservationFilters.ts';
import { useReservationAction, type ActionRequest } from './useReservationAction.ts';

type Props = ReservationFilters & { restaurantId: string };

/** The list, kept live by `reservation.onChange`, with each reservation's actions. */
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
  const [outcome, setOutcome] = useState<{ ok: true; message: string } | { ok: false; error: unknown } | null>(null);

  const run = (request: ActionRequest) => {
    setOutcome(null);
    action
      .run(request)
      .then((changed) => {
        setOpen(null);
        const who = changed.guestName ?? t.reservations.noName;
        const day = formatDay(changed.date, locale);
        setOutcome({
          ok: true,
          message:
            request.action === 'move' && changed.time !== null
              ? t.reservations.movedAt(who, changed.table, day, formatMinutes(minutesIntoDay(changed.date, changed.startsAt), locale))
              : t.reservations.done[request.action](who, changed.table, day),
        });
      })
      .catch((error: unknown) => {
        setOpen(null);
        setOutcome({ ok: false, error });
      });
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
      {outcome?.ok ? <SuccessNotice onDismiss={() => setOutcome(null)}>{outcome.message}</SuccessNotice> : null}
      {outcome && !outcome.ok ? <ProblemNotice error={outcome.error} onDismiss={() => setOutcome(null)} /> : null}
      {reservations.data.length === 0 ? (
        <EmptyState title={day ? t.reservations.emptyOn(day) : t.reservations.empty} />
      ) : (
        <ReservationsTable
          reservations={reservations.data}
          timed={timed}
          onAction={(reservation, chosen) => {
            setOutcome(null);
            setOpen({ reservation, action: chosen });
          }}
        />
      )}
      {open ? (
        <ReservationActionDialog
          key={`${open.reservation.id}-${open.action}`}
          reservation={open.reservation}
          action={open.action}
          restaurant={restaurant.data}
          busy={action.isPending}
          onConfirm={run}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

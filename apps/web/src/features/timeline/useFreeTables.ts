import { instantOf, type RestaurantOutput } from '@tablebook/api/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import type { CalendarDay } from '../../lib/days.ts';
import { freeTables, type Turn } from './freeTables.ts';

interface FreeTablesRequest {
  restaurant: RestaurantOutput;
  /** The day asked about; none while the typed day is not a day. */
  date: CalendarDay | undefined;
  partySize: number;
  /** The start on the day's clock (minutes past its local midnight, past 1440 after it), or a whole day; none: no start chosen. */
  start: { time: string; minutes: number } | 'wholeDay' | undefined;
  /** How long the table is held from the start. */
  durationMinutes: number;
  moving?: { id: string; table: string } | undefined;
}

/**
 * The free tables that seat a party at a start: the slots of that date for the party (the server's
 * `freeTables`) checked against the date's live reservations (for the moved one's own table, for its
 * own turn length, and for starts off the grid). The day's list is the timeline's own query, kept live
 * by its stream; each time it changes the slots are asked again.
 */
export function useFreeTables({ restaurant, date, partySize, start, durationMinutes, moving }: FreeTablesRequest) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timed = restaurant.hours.length > 0;
  const day = date ?? '';
  const list = useQuery({ ...trpc.reservation.list.queryOptions({ restaurantId: restaurant.id, date: day }), enabled: date !== undefined });
  const slots = useQuery({
    ...trpc.reservation.slots.queryOptions({ restaurantId: restaurant.id, date: day, partySize }),
    enabled: date !== undefined && timed,
    // Asked afresh for each dialog: another host's booking since the last one changed them.
    staleTime: 0,
    // Another party size keeps showing the last answer until the new one is in, instead of emptying the select.
    placeholderData: keepPreviousData,
  });

  const seen = useRef(list.dataUpdatedAt);
  useEffect(() => {
    if (seen.current === list.dataUpdatedAt) return;
    const first = seen.current === 0;
    seen.current = list.dataUpdatedAt;
    // A booking, move or cancellation of the day (from the live stream or this page): the slots changed too.
    if (!first) void queryClient.invalidateQueries(trpc.reservation.slots.queryFilter({ restaurantId: restaurant.id, date: day }));
  }, [list.dataUpdatedAt, queryClient, trpc, restaurant.id, day]);

  const loading = list.isPending || (timed && slots.isPending);
  if (date === undefined || start === undefined || list.data === undefined) return { free: [], loading };
  let turn: Turn = 'wholeDay';
  let slotFree: readonly string[] | undefined;
  if (start !== 'wholeDay') {
    const startsAt = instantOf(date, start.minutes, restaurant.timeZone);
    if (startsAt === null) return { free: [], loading };
    turn = { startsAt, endsAt: startsAt + durationMinutes * 60_000 };
    // The answer for another party size (kept while the new one loads) says nothing about this one.
    const answered = slots.isPlaceholderData ? undefined : slots.data;
    slotFree = answered?.slots.find((slot) => slot.time === start.time)?.freeTables;
    if (timed && answered === undefined) return { free: [], loading: true };
  }
  return {
    free: freeTables({ tables: restaurant.tables, partySize, turn, slotFree, reservations: list.data, moving }),
    loading,
  };
}

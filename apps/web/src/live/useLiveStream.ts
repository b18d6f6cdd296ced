import type { StreamNotice } from '@tablebook/api/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useAdminSession } from '../api/ApiProvider.tsx';
import { problemOf } from '../api/problems.ts';
import { useTRPC } from '../api/trpc.ts';
import { LiveConnection, type ResyncReason, type StreamObserver, type TrackedItem } from './liveConnection.ts';
import { initialLiveState, type LiveState } from './liveState.ts';
import { applyLimitsChange } from './limitsChange.ts';
import { applySystemCapacity } from './systemCapacity.ts';

/** A subscription of the app's tRPC client (`client.guest.onChange`, ...). */
interface LiveProcedure<TInput, TItem> {
  subscribe(input: TInput, observer: Partial<StreamObserver<TItem>>): { unsubscribe(): void };
}

/** The change events of a stream, without the notices the connection itself reads. */
type EventOf<TItem> = TItem extends TrackedItem<infer T> ? Exclude<T, StreamNotice> : never;

/** What the connection sets itself: it always asks for `ready` and `limits`, and resumes from its last event. */
type StreamInput<TInput> = Omit<TInput, 'ready' | 'limits' | 'lastEventId'>;

interface LiveHandlers<TEvent> {
  /** Each change, in order, once (also those replayed after a reconnection). */
  onEvent?: (event: TEvent) => void;
  /** Read what the page shows afresh: the stream (re)opened without every event since the page last heard (see ResyncReason). */
  onResync?: (reason: ResyncReason) => void;
}

/** The system's remaining capacity a change event reports for a day (a move also for the day it left). */
function globalRemainingIn(event: unknown, date: string): number | undefined {
  const { capacity, previous, previousCapacity } = event as {
    capacity?: { date: string; globalRemaining: number };
    previous?: { capacity?: { date: string; globalRemaining: number } };
    previousCapacity?: { date: string; globalRemaining: number };
  };
  return [capacity, previous?.capacity, previousCapacity].find((day) => day?.date === date)?.globalRemaining;
}

/**
 * A page's live stream (see LiveConnection): reopened with backoff after any drop, resumed from the
 * last event id, its state for the LivePill. A stream asked with `systemCapacity` also keeps every
 * cached availability of its day current with the system's remaining capacity (another restaurant's
 * booking changes it), and the day's slots when it turns full or open. Every stream asks for `limits`:
 * when the stored limits or a restaurant's own limit or pacing change, the availability, slots and
 * lists they decide are read again (any page showing remaining capacity follows without a reload).
 * A new input is a new stream.
 */
export function useLiveStream<TInput, TItem>(
  procedure: LiveProcedure<TInput, TItem>,
  input: StreamInput<TInput>,
  handlers: LiveHandlers<EventOf<TItem>>,
): LiveState {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { markRejected } = useAdminSession();
  const [state, setState] = useState<LiveState>(initialLiveState);
  // The latest handlers and procedure, without reopening the stream when a render makes new ones.
  const latest = useRef({ procedure, handlers });
  latest.current = { procedure, handlers };
  const key = JSON.stringify(input);

  useEffect(() => {
    const streamInput = JSON.parse(key) as StreamInput<TInput> & { date?: string };
    let knownGlobal: number | undefined;
    const connection = new LiveConnection<EventOf<TItem>>({
      open: (lastEventId, observer) =>
        latest.current.procedure.subscribe(
          { ...streamInput, ready: true, limits: true, ...(lastEventId !== undefined ? { lastEventId } : {}) } as TInput,
          observer as unknown as Partial<StreamObserver<TItem>>,
        ),
      onEvent: (event) => {
        if (streamInput.date) knownGlobal = globalRemainingIn(event, streamInput.date) ?? knownGlobal;
        latest.current.handlers.onEvent?.(event);
      },
      onCapacity: (capacity) => {
        const before = knownGlobal;
        knownGlobal = capacity.globalRemaining;
        applySystemCapacity(
          queryClient,
          {
            availability: [trpc.guest.availability.pathFilter(), trpc.reservation.availability.pathFilter()],
            slots: [trpc.guest.slots.pathFilter(), trpc.reservation.slots.pathFilter()],
          },
          capacity,
          before,
        );
      },
      onLimits: (change) => {
        // New stored limits move the system's remaining capacity by a number no item carried.
        if (change.restaurantId === null) knownGlobal = undefined;
        applyLimitsChange(
          queryClient,
          {
            perRestaurant: [
              trpc.guest.availability.pathFilter(),
              trpc.reservation.availability.pathFilter(),
              trpc.guest.slots.pathFilter(),
              trpc.reservation.slots.pathFilter(),
            ],
            lists: [trpc.guest.restaurants.pathFilter()],
          },
          change,
        );
      },
      onResync: (reason) => latest.current.handlers.onResync?.(reason),
      onState: setState,
      // As any call refused UNAUTHORIZED: the administration asks for the token again.
      onRefused: (error) => problemOf(error).reason === 'UNAUTHORIZED' && markRejected(),
    });
    connection.start();
    return () => connection.stop();
  }, [key, queryClient, trpc, markRejected]);

  return state;
}

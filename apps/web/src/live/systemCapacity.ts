import type { AvailabilityOutput, SystemCapacityOutput } from '@tablebook/api/shared';
import type { Query, QueryClient, QueryFilters } from '@tanstack/react-query';

/** The query filters the system's capacity touches: the day's availability and slots, guest and admin. */
export interface CapacityQueries {
  availability: QueryFilters[];
  slots: QueryFilters[];
}

/** The system's remaining capacity for one day, put into an availability answer (one day or a range). */
export function withGlobalRemaining(answer: AvailabilityOutput, date: string, globalRemaining: number): AvailabilityOutput {
  if ('days' in answer) {
    if (!answer.days.some((day) => day.date === date && day.globalRemaining !== globalRemaining)) return answer;
    return { days: answer.days.map((day) => (day.date === date ? { ...day, globalRemaining } : day)) };
  }
  return answer.date === date && answer.globalRemaining !== globalRemaining ? { ...answer, globalRemaining } : answer;
}

/** Whether a day's bookability may differ between two readings of the system's capacity (unknown: it may). */
export const crossesFull = (before: number | undefined, after: number) => before === undefined || before <= 0 !== after <= 0;

const inputDateOf = (query: Query): unknown => {
  const input = (query.queryKey[1] as { input?: { date?: unknown } } | undefined)?.input;
  return input?.date;
};

/**
 * Another restaurant's booking changed the system's remaining capacity for a day: every cached
 * availability answer of that day (any restaurant's, guest or admin) takes the new number in place,
 * with no request. Slots are read again only when the day may have turned full or open again (their
 * "system full" refusal): `before` is the last number this page knew.
 */
export function applySystemCapacity(
  queryClient: QueryClient,
  queries: CapacityQueries,
  capacity: SystemCapacityOutput,
  before: number | undefined,
): void {
  const { date, globalRemaining } = capacity;
  for (const filter of queries.availability) {
    queryClient.setQueriesData<AvailabilityOutput>(filter, (answer) => answer && withGlobalRemaining(answer, date, globalRemaining));
  }
  if (!crossesFull(before, globalRemaining)) return;
  for (const filter of queries.slots) {
    void queryClient.invalidateQueries({ ...filter, predicate: (query) => inputDateOf(query) === date });
  }
}

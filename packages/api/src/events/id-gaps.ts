/**
 * Event ids come from a sequence (migration 0013): a writer takes its id inside its transaction and
 * another writer may commit a higher id first. A reader that delivered id N must have delivered every
 * id below N, so it stops at the first missing id until that id is settled: committed (then it is
 * read), or its writer ended without it (rolled back, or the event was deleted): a hole for good.
 */
export interface IdGap {
  /** The first missing id. */
  from: number;
  /** The lowest id visible above the hole when the writers were asked for: every id below it is settled once they have ended. */
  below: number;
  /** When the hole was first seen (epoch ms). */
  since: number;
  /** The transactions (virtual ids) writing events when asked: those that may hold a missing id. */
  holders?: string[];
  /** Every transaction that could hold an id below `below` has ended. */
  settled?: boolean;
  /** The wait was said in the log. */
  warned?: boolean;
}

/**
 * How many of `ids` (ascending, every stored id after `lastDelivered` as far as read) can be delivered
 * now: those that follow without a hole, and past a settled gap's holes below its `below`.
 */
export function deliverableThrough(lastDelivered: number, ids: readonly number[], gap: IdGap | undefined): number {
  let last = lastDelivered;
  let count = 0;
  for (const id of ids) {
    const next = id === last + 1;
    const pastSettledHole = gap?.settled === true && id <= gap.below;
    if (!next && !pastSettledHole) break;
    last = id;
    count += 1;
  }
  return count;
}

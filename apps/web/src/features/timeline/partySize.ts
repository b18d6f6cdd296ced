import { MAX_PARTY_SIZE } from '@tablebook/api/shared';

/** The party size as typed: a whole number, or undefined ("", "2.5", "abc"). */
export function partySizeOf(text: string): number | undefined {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : undefined;
}

/** Why a typed party size cannot be booked: outside the API's 1..20, or more than the chosen table seats. */
export type PartyProblem = { kind: 'range'; max: number } | { kind: 'seats'; table: string; seats: number };

/**
 * The host's party size, checked before anything is sent (the server would answer in its own words):
 * 1..MAX_PARTY_SIZE (20), and never more than the chosen table seats.
 */
export function partyProblem(text: string, table: { label: string; seats: number } | undefined): PartyProblem | undefined {
  const size = partySizeOf(text);
  if (size === undefined || size < 1 || size > MAX_PARTY_SIZE) return { kind: 'range', max: MAX_PARTY_SIZE };
  if (table && size > table.seats) return { kind: 'seats', table: table.label, seats: table.seats };
  return undefined;
}

/** The party size to look free tables up for: the typed one while it is valid, else the last valid one. */
export const lookupPartySize = (text: string, last: number) => {
  const size = partySizeOf(text);
  return size !== undefined && size >= 1 && size <= MAX_PARTY_SIZE ? size : last;
};

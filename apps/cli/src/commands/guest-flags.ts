import type { FlagSpecs, FlagValues } from '../args/flags.ts';
import { parseCount } from '../args/flags.ts';

/** The details a booking may carry besides its table and day (book takes them all). */
export const guestFlags = {
  'party-size': { type: 'string', valueName: 'N', description: 'how many people, 1 to 20 (default 2)' },
  'guest-name': { type: 'string', valueName: 'NAME', description: "the guest's name" },
  'guest-phone': { type: 'string', valueName: 'PHONE', description: "the guest's phone, e.g. +57 300 123 4567" },
  'guest-email': { type: 'string', valueName: 'EMAIL', description: "the guest's e-mail address" },
  notes: { type: 'string', valueName: 'TEXT', description: 'notes for the restaurant (up to 500 characters)' },
} as const satisfies FlagSpecs;

export interface GuestFields {
  partySize?: number;
  guestName?: string;
  guestPhone?: string;
  guestEmail?: string;
  notes?: string;
}

/** The party size from its flag: a whole number (the API checks the range and the table's seats). */
export const partySizeFrom = (text: string | undefined) => (text === undefined ? undefined : parseCount('party-size', text));

/** The fields the flags give; those not given are left out, so the API's defaults apply. */
export function guestFieldsFromFlags(flags: FlagValues<typeof guestFlags>): GuestFields {
  const fields: GuestFields = {};
  const partySize = partySizeFrom(flags['party-size']);
  if (partySize !== undefined) fields.partySize = partySize;
  if (flags['guest-name'] !== undefined) fields.guestName = flags['guest-name'];
  if (flags['guest-phone'] !== undefined) fields.guestPhone = flags['guest-phone'];
  if (flags['guest-email'] !== undefined) fields.guestEmail = flags['guest-email'];
  if (flags.notes !== undefined) fields.notes = flags.notes;
  return fields;
}

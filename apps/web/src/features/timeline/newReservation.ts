import { createReservationInput, instantOf, localDateTimeOf } from '@tablebook/api/shared';
import type { CalendarDay } from '../../lib/days.ts';
import { partyProblem, partySizeOf, type PartyProblem } from './partySize.ts';
import { clockOf, minutesIntoDay, type DayRange } from './timelineLayout.ts';

/**
 * A host's reservation taken at the stand: by phone (a time on the day's grid) or a walk-in (now).
 * Pure: the dialog holds the typed values, this checks them with the API's own schema and builds
 * what `reservation.create` takes.
 */

/** The time select's value for a walk-in: the start is read from the clock when the host books, not when the dialog opened. */
export const WALK_IN = 'now';

/** A walk-in starts at the first whole minute at least this far ahead: an admin may not book a start that has passed. */
const WALK_IN_MARGIN_MS = 20_000;

/** A start on the day's clock: "HH:MM" for the API and minutes since the day's local midnight (past 1440 after it). */
export interface DayTime {
  time: string;
  minutes: number;
}

const inside = (minutes: number, ranges: readonly DayRange[]) => ranges.some((range) => range.opens <= minutes && minutes < range.closes);

/**
 * A walk-in's start on `date`: the next whole minute (at least 20 s ahead, so the request still arrives
 * before it), when the restaurant is open then on that date's ranges (a 00:30 of Friday's night is
 * Friday's 1470); none when it is closed or the day shown is another one.
 */
export function walkInStart(now: number, date: CalendarDay, ranges: readonly DayRange[], timeZone: string): DayTime | undefined {
  const start = Math.ceil((now + WALK_IN_MARGIN_MS) / 60_000) * 60_000;
  const local = localDateTimeOf(start, timeZone);
  const minutes = minutesIntoDay(date, `${local.date}T${clockOf(local.minutes)}`);
  return inside(minutes, ranges) ? { time: clockOf(minutes), minutes } : undefined;
}

/** The grid's starts a new booking may take: those not passed yet (an admin may book a past start no more than a guest). */
export function upcomingTimes<Choice extends DayTime>(
  choices: readonly Choice[],
  day: { date: CalendarDay; timeZone: string },
  now: number,
) {
  return choices.filter((choice) => (instantOf(day.date, choice.minutes, day.timeZone) ?? 0) >= now);
}

/** The start a click on the timeline picks: the last offered start at or before the clicked minute, else the first offered. */
export function timeAt<Choice extends DayTime>(choices: readonly Choice[], minutes: number): Choice | undefined {
  return choices.findLast((choice) => choice.minutes <= minutes) ?? choices[0];
}

/** What the dialog's inputs hold, as typed. */
export interface NewReservationValues {
  guestName: string;
  partySize: string;
  /** "HH:MM", WALK_IN, or '' while none is offered. */
  time: string;
  guestPhone: string;
  guestEmail: string;
  notes: string;
}

export type NewReservationField = 'guestName' | 'partySize' | 'time' | 'table' | 'guestPhone' | 'guestEmail' | 'notes';

/** Why a field cannot be sent, for the dialog to say in the page's language. */
export type FieldProblem =
  | { field: 'guestName'; kind: 'required' | 'tooLong' }
  | { field: 'partySize'; kind: 'party'; problem: PartyProblem }
  | { field: 'time'; kind: 'required' | 'closedNow' }
  | { field: 'table'; kind: 'none' }
  | { field: 'guestPhone' | 'guestEmail' | 'notes'; kind: 'invalid' | 'tooLong' };

/** What `reservation.create` takes from the dialog (the idempotency key is added per attempt). */
export type NewReservationRequest = ReturnType<typeof createReservationInput.parse>;

export interface NewReservationContext {
  restaurantId: string;
  date: CalendarDay;
  /** The table the form holds (the host's choice or the smallest free one) and its seats; none: nothing is free. */
  table: { label: string; seats: number } | undefined;
  /** The walk-in's start now, when the restaurant is open now on that day. */
  walkIn: DayTime | undefined;
}

export type NewReservationCheck = { ok: true; input: NewReservationRequest } | { ok: false; problems: FieldProblem[] };

const blankToNone = (text: string) => (text.trim() === '' ? undefined : text);

/**
 * Checks the dialog with the API's own `createReservationInput` (formats of phone and e-mail, lengths),
 * then what the schema leaves optional on the admin side but a host must give: a name, a party that the
 * table seats (1..20), a start and a table. Phone and e-mail stay optional.
 */
export function checkNewReservation(values: NewReservationValues, context: NewReservationContext): NewReservationCheck {
  const problems: FieldProblem[] = [];
  const time = values.time === WALK_IN ? context.walkIn?.time : values.time || undefined;
  if (values.guestName.trim() === '') problems.push({ field: 'guestName', kind: 'required' });
  const party = partyProblem(values.partySize, context.table);
  if (party) problems.push({ field: 'partySize', kind: 'party', problem: party });
  if (time === undefined) problems.push({ field: 'time', kind: values.time === WALK_IN ? 'closedNow' : 'required' });
  if (!context.table) problems.push({ field: 'table', kind: 'none' });
  const parsed = createReservationInput.safeParse({
    restaurantId: context.restaurantId,
    date: context.date,
    table: context.table?.label,
    time,
    partySize: partySizeOf(values.partySize),
    guestName: blankToNone(values.guestName),
    guestPhone: blankToNone(values.guestPhone),
    guestEmail: blankToNone(values.guestEmail),
    notes: blankToNone(values.notes),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const kind = issue.code === 'too_big' ? 'tooLong' : 'invalid';
      // One problem a field: a phone can break both its pattern and its digit count.
      if (problems.some((problem) => problem.field === field)) continue;
      if (field === 'guestName' && kind === 'tooLong') problems.push({ field, kind });
      if (field === 'guestPhone' || field === 'guestEmail' || field === 'notes') problems.push({ field, kind });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, input: parsed.data };
}

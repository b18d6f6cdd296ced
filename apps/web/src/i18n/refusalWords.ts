/**
 * The words of every refusal, in English and Spanish (Colombia), written from the reason's details
 * (the catalog's fields: names, local days and times, limits), never from the server's English. Each
 * reason has `plain` words for when its details are missing (an older server, the database's own
 * refusal, a framework's 4xx), and `detail` when it has fields to name. The Spanish table has the
 * English one's type, so a reason or issue code without words in either language fails typecheck.
 * Days and times come formatted (`Formats`): the reader's language, the restaurant's clock.
 */
import type { ErrorReason, IssueCode, IssueDetail, ReasonDetails, ReservationStatus } from '@tablebook/api/shared';

export interface Formats {
  /** "Thursday, December 10, 2026" / "jueves, 10 de diciembre de 2026". */
  day(date: string): string;
  /** A local HH:MM on the restaurant's clock: "7:30 PM" / "7:30 p. m.". */
  clock(time: string): string;
  /** "at 7:30 PM" / "a las 7:30 p. m." (Spanish says "a la 1:00"). */
  at(time: string): string;
  /** "from 7:00 PM to 9:00 PM" / "de 7:00 p. m. a 9:00 p. m.". */
  span(from: string, to: string): string;
  count(value: number): string;
  /** "A, B and C" / "A, B y C"; with `or`: "A, B or C" / "A, B o C". */
  list(items: readonly string[], type?: 'and' | 'or'): string;
  /** A field of the input by its name ("partySize" -> "Party size"). */
  field(name: string): string;
}

type Sentence<D> = (details: D, format: Formats) => string;

/** Reasons whose details name nothing have only their plain words. */
type ReasonWords = {
  [R in ErrorReason]: keyof ReasonDetails<R> extends never ? { plain: string } : { plain: string; detail: Sentence<ReasonDetails<R>> };
};

/** What is wrong with a field, said after its label ("Party size: at most 20"). */
type IssueWords = { [C in IssueCode]: Sentence<Extract<IssueDetail, { code: C }>> };

/** The fields a procedure's input has, named for people (apps/web/test/refusals.test.ts checks every one has a label). */
export const FIELD_NAMES = [
  'restaurantId',
  'reservationId',
  'id',
  'cancellationCode',
  'table',
  'date',
  'time',
  'durationMinutes',
  'partySize',
  'guestName',
  'guestPhone',
  'guestEmail',
  'notes',
  'idempotencyKey',
  'status',
  'reason',
  'name',
  'address',
  'description',
  'photoUrl',
  'cityId',
  'tables',
  'label',
  'seats',
  'timeZone',
  'hours',
  'day',
  'opens',
  'closes',
  'specialDates',
  'slotMinutes',
  'turnTimes',
  'maxPartySize',
  'minutes',
  'minAdvanceMinutes',
  'maxAdvanceDays',
  'dailyLimit',
  'pacing',
  'intervalMinutes',
  'maxCovers',
  'globalDailyLimit',
  'restaurantDailyLimit',
  'search',
  'startWith',
  'from',
  'to',
  'limit',
  'offset',
  'aviability',
  'minAvailable',
  'window',
  'lastEventId',
  'ready',
  'systemCapacity',
  'limits',
  'language',
  'cancelToken',
  'reminders',
  'url',
  'events',
  'cursor',
  'channel',
  'kind',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface RefusalWords {
  reasons: ReasonWords;
  /** No answer from the server at all. */
  network: string;
  /** A reason of a newer server than this build. */
  unknown: string;
  issues: IssueWords;
  fields: Record<FieldName, string>;
  /** A field this build has no name for. */
  someField: string;
  /** An entry of a list field ("tables.3"), counted from 1. */
  entry: (position: number) => string;
  /** An issue with its field: "Party size: at most 20". */
  issueLine: (field: string, text: string) => string;
  /**
   * Above the list of bookings a new layout leaves without their table (TABLE_HAS_RESERVATIONS's
   * table_booked issues, one line each): what is wrong and the way out.
   */
  layoutBookings: (count: number) => string;
  /** A status as a name ("Confirmed"), quoted in sentences. */
  status: Record<ReservationStatus, string>;
  /** "“Confirmed”" / "«Confirmada»". */
  quote: (text: string) => string;
  /**
   * Beside a day's times inside the restaurant's minimum notice: a slot's OUTSIDE_BOOKING_WINDOW whose
   * start is still to come (the catalog's `why: tooSoon`). A slot's reason carries no details, so the
   * restaurant's own notice (minAdvanceMinutes) says how far ahead.
   */
  slotsTooSoon: Sentence<Pick<ReasonDetails<'OUTSIDE_BOOKING_WINDOW'>, 'restaurantName'> & { minAdvanceMinutes: number }>;
}

/** A notice in the unit people say it in: 90 minutes, 24 hours, 2 days. */
const noticeUnits = (minutes: number): { count: number; unit: 'minute' | 'hour' | 'day' } =>
  minutes > 1440 && minutes % 1440 === 0
    ? { count: minutes / 1440, unit: 'day' }
    : minutes >= 60 && minutes % 60 === 0
      ? { count: minutes / 60, unit: 'hour' }
      : { count: minutes, unit: 'minute' };

const enPeople = (count: number, format: Formats) => (count === 1 ? '1 person' : `${format.count(count)} people`);
const enParty = (count: number, format: Formats) => (count === 1 ? 'a party of 1' : `a party of ${format.count(count)}`);
const enSeats = (count: number, format: Formats) => (count === 1 ? '1 seat' : `${format.count(count)} seats`);
const enMinutes = (count: number, format: Formats) => (count === 1 ? '1 minute' : `${format.count(count)} minutes`);
const enBookings = (count: number, format: Formats) => (count === 1 ? '1 booking' : `${format.count(count)} bookings`);
const enOn = (date: string, time: string | undefined, format: Formats) =>
  time ? `on ${format.day(date)} ${format.at(time)}` : `on ${format.day(date)}`;
const enNotice = (minutes: number, format: Formats) => {
  const { count, unit } = noticeUnits(minutes);
  return count === 1 ? `1 ${unit}` : `${format.count(count)} ${unit}s`;
};

export const en: RefusalWords = {
  reasons: {
    INVALID_INPUT: { plain: 'Some details need correcting.' },
    PAST_DATE: {
      plain: 'That day has already passed: choose today or a later day.',
      detail: (d, f) => `${d.restaurantName} no longer takes bookings for ${f.day(d.date)}: it is already ${f.day(d.today)} there.`,
    },
    UNKNOWN_TABLE: {
      plain: 'The restaurant has no such table: choose one on its map.',
      detail: (d) => `${d.restaurantName} has no table ${d.table}: choose one on its map.`,
    },
    PARTY_TOO_LARGE: {
      plain: 'The party is larger than the table seats.',
      detail: (d, f) =>
        d.table
          ? `Table ${d.table} at ${d.restaurantName} seats ${enPeople(d.seats, f)}; ${enParty(d.partySize, f)} does not fit. Choose a larger table or a smaller party.`
          : `No table at ${d.restaurantName} seats ${enParty(d.partySize, f)}: the largest seats ${enPeople(d.seats, f)}.`,
    },
    OFF_SLOT: {
      plain: 'Bookings start only at the times the restaurant offers: choose one of them.',
      detail: (d, f) =>
        `At ${d.restaurantName} bookings start every ${enMinutes(d.slotMinutes, f)} from ${f.clock(d.opens)}, so ${f.clock(d.time)} on ${f.day(d.date)} is not offered: choose one of its times.`,
    },
    TIME_NOT_OFFERED: {
      plain: 'This restaurant books whole days, not times.',
      detail: (d) => `${d.restaurantName} books whole days, not times of day.`,
    },
    UNAUTHORIZED: {
      plain: 'Sign in with the admin token to do this.',
      detail: (d) => (d.token === 'missing' ? 'Sign in with the admin token to do this.' : 'The admin token is not valid: sign in again.'),
    },
    INVALID_CANCELLATION_CODE: {
      plain: 'That code does not cancel this booking. Check the code in your confirmation and type it again.',
    },
    INVALID_CANCEL_TOKEN: {
      plain: 'Open the link from your e-mail again, whole, or cancel with the code from your confirmation.',
    },
    MESSAGE_NOT_DEAD: {
      plain: 'This message is not failed: it is still being sent, or was sent already.',
      detail: (d) =>
        d.status === 'sent'
          ? 'This message was sent already.'
          : d.status === 'dropped'
            ? 'This message is no longer to be sent.'
            : 'This message is still being sent.',
    },
    FORBIDDEN_HOST: {
      plain: 'Without an admin token, this server is administered only at its own address (localhost).',
    },
    NOT_FOUND: {
      plain: 'It may have been deleted.',
      detail: (d) =>
        d.entity === 'restaurant'
          ? 'This restaurant no longer exists: it may have been deleted.'
          : d.entity === 'reservation'
            ? 'This booking was not found: it may have been deleted, or the code or the link is not right.'
            : d.entity === 'webhook'
              ? 'This webhook no longer exists: it may have been deleted.'
              : d.entity === 'message'
                ? 'This message no longer exists.'
                : 'The server has no such address.',
    },
    METHOD_NOT_ALLOWED: { plain: 'Reload the page and try again.' },
    TABLE_ALREADY_BOOKED: {
      plain: 'Another booking holds that table then: choose another table or time.',
      detail: (d, f) =>
        d.wholeDay
          ? `Table ${d.table} at ${d.restaurantName} is already booked for ${f.day(d.date)}: choose another table or day.`
          : d.from && d.to
            ? `Table ${d.table} at ${d.restaurantName} is already booked on ${f.day(d.date)} ${f.span(d.from, d.to)}: choose another table or time.`
            : `Table ${d.table} at ${d.restaurantName} already has a booking then, on ${f.day(d.date)}: choose another table or time.`,
    },
    NO_TABLE_AVAILABLE: {
      plain: 'No table that seats the party is free then: try another time.',
      detail: (d, f) =>
        `No table at ${d.restaurantName} for ${enPeople(d.partySize, f)} is free on ${f.day(d.date)}${d.from && d.to ? ` ${f.span(d.from, d.to)}` : ''}: try another time.`,
    },
    CLOSED: {
      plain: 'The restaurant is closed then.',
      detail: (d, f) => {
        switch (d.why) {
          case 'closedThatDay':
            return `${d.restaurantName} is closed on ${f.day(d.date)}.`;
          case 'closedThen': {
            const open = d.ranges?.map((range) => f.span(range.opens, range.closes)) ?? [];
            return `${d.restaurantName} is closed ${d.time ? `${f.at(d.time)} ` : ''}on ${f.day(d.date)}${open.length > 0 ? `: it is open ${f.list(open)}` : ''}.`;
          }
          case 'noSuchTime':
            return `${d.time ? f.clock(d.time) : 'That time'} does not exist on ${f.day(d.date)} at ${d.restaurantName}: the clocks go forward then.`;
          case 'pastClosing':
            return `A turn of ${enMinutes(d.durationMinutes ?? 0, f)} ${enOn(d.date, d.time, f)} would run past closing${d.closes ? ` (${f.clock(d.closes)})` : ''} at ${d.restaurantName}: choose an earlier time.`;
          case 'endsTooLate':
            return `A turn at ${d.restaurantName} ${enOn(d.date, d.time, f)} would end too far in the future to be booked.`;
        }
      },
    },
    OUTSIDE_BOOKING_WINDOW: {
      plain: 'That time cannot be booked now.',
      detail: (d, f) => {
        switch (d.why) {
          case 'started':
            return `That time has already passed: ${f.day(d.date)} ${f.at(d.time)} at ${d.restaurantName}. Choose a later time.`;
          case 'tooSoon':
            return `${d.restaurantName} takes bookings up to ${enMinutes(d.minAdvanceMinutes ?? 0, f)} before the start: ${f.day(d.date)} ${f.at(d.time)} is too soon.`;
          case 'tooFar':
            return `${f.day(d.date)} is too far ahead: ${d.restaurantName} takes bookings up to ${d.maxAdvanceDays === 1 ? '1 day' : `${f.count(d.maxAdvanceDays ?? 0)} days`} ahead${d.lastDay ? `, so the last day you can book is ${f.day(d.lastDay)}` : ''}.`;
        }
      },
    },
    HAS_FUTURE_RESERVATIONS: {
      plain: 'Future bookings fall outside the new hours: move or cancel them first.',
      detail: (d, f) => {
        const zone = d.timeZone ? ` in ${d.timeZone.replaceAll('_', ' ')}` : '';
        if (d.why === 'pacing') {
          return `Kept at their local times${zone}, the future bookings of ${d.restaurantName} would exceed its pacing: move one first.`;
        }
        const listed = (d.reservations ?? []).map((row) => `table ${row.table} ${enOn(row.date, row.time, f)}`);
        const named = listed.length > 0 ? `: ${f.list(listed)}` : '';
        if (d.why === 'overlap') {
          return `Kept at their local times${zone}, two future bookings of one table at ${d.restaurantName} would overlap (a daylight-saving difference)${named}. Move one first.`;
        }
        if (d.why === 'noSuchTime') {
          return `The clocks${zone} skip the local time of ${enBookings(listed.length, f)} of ${d.restaurantName} (a daylight-saving change)${named}. Move or cancel ${listed.length === 1 ? 'it' : 'them'} first.`;
        }
        const what = d.change === 'timeZone' ? 'The new time zone' : 'The new hours';
        return `${what} would leave ${enBookings(listed.length, f)} of ${d.restaurantName} outside its hours${named}. Move or cancel ${listed.length === 1 ? 'it' : 'them'} first.`;
      },
    },
    GLOBAL_DAILY_LIMIT: {
      plain: 'No more bookings can be taken that day: try another day.',
      detail: (d, f) =>
        `No more bookings can be taken on ${f.day(d.date)}, at ${d.restaurantName} or anywhere else: Tablebook has reached its daily limit${d.limit !== undefined ? ` of ${enBookings(d.limit, f)}` : ''}. Try another day.`,
    },
    RESTAURANT_DAILY_LIMIT: {
      plain: 'The restaurant is fully booked that day: try another day.',
      detail: (d, f) =>
        `${d.restaurantName} is fully booked on ${f.day(d.date)}${d.limit !== undefined ? ` (it takes ${enBookings(d.limit, f)} a day)` : ''}. Try another day.`,
    },
    PACING_LIMIT: {
      plain: 'Too many guests already start at that time: try another time.',
      detail: (d, f) =>
        d.from && d.to && d.coversLeft !== undefined && d.maxCovers !== undefined && d.partySize !== undefined
          ? `At ${d.restaurantName}, ${d.coversLeft === 1 ? '1 place is' : `${f.count(d.coversLeft)} places are`} left of ${f.count(d.maxCovers)} for guests arriving ${f.span(d.from, d.to)} on ${f.day(d.date)}; ${enParty(d.partySize, f)} does not fit. Try another time.`
          : `Too many guests already start around that time at ${d.restaurantName} on ${f.day(d.date)}: try another time.`,
    },
    TABLE_HAS_RESERVATIONS: {
      plain: 'Future bookings need the tables this layout drops or shrinks: keep them, or move those bookings first.',
      detail: (d, f) => {
        const listed = d.reservations.map(
          (row) =>
            `table ${row.table} ${enOn(row.date, row.time, f)} (${enParty(row.partySize, f)}${row.seats !== undefined ? `, it would seat ${f.count(row.seats)}` : ''})`,
        );
        return `Future bookings at ${d.restaurantName} need ${listed.length === 1 ? 'this table' : 'these tables'}: ${f.list(listed)}. Keep ${listed.length === 1 ? 'it' : 'them'}, or move those bookings first.`;
      },
    },
    ALREADY_CANCELLED: {
      plain: 'This booking was already cancelled.',
      detail: (d, f) =>
        d.restaurantName
          ? `The booking at ${d.restaurantName}, table ${d.table} ${enOn(d.date, d.time, f)}, was already cancelled.`
          : `The booking at table ${d.table} ${enOn(d.date, d.time, f)} was already cancelled.`,
    },
    ALREADY_OVER: {
      plain: 'This booking is already over: it can no longer be cancelled.',
      detail: (d, f) =>
        `The booking at ${d.restaurantName}, table ${d.table} ${enOn(d.date, d.time, f)}, is already over: it can no longer be cancelled.`,
    },
    ILLEGAL_STATUS_CHANGE: {
      plain: 'That change is not allowed from the booking’s current status.',
      detail: (d, f) => {
        if (d.seatableFrom) {
          // Too early to seat: its day, and the day it may be seated from when that is the day before.
          const starts = d.startsAt ? (d.date ? enOn(d.date, d.startsAt, f) : f.at(d.startsAt)) : 'later';
          const from = d.seatableFromDate ? `${f.clock(d.seatableFrom)} on ${f.day(d.seatableFromDate)}` : f.clock(d.seatableFrom);
          return `This booking starts ${starts}: it can be seated from ${from}.`;
        }
        // The booking named when the server says which (a cancel with the code alone knows nothing else of it).
        const which =
          d.restaurantName && d.table && d.date
            ? `The booking at ${d.restaurantName}, table ${d.table} ${enOn(d.date, d.time, f)}, is`
            : 'This booking is';
        const allowed = (d.allowed ?? []).filter(isStatus).map((status) => en.quote(en.status[status]));
        // No `allowed` (a guest's cancel): the statuses only the host stand sets are not offered.
        const next =
          d.allowed === undefined ? '' : allowed.length > 0 ? ` It can be changed to ${f.list(allowed, 'or')}.` : ' Its status is final.';
        return `${which} ${en.quote(en.status[d.from])}: it cannot be changed to ${en.quote(en.status[d.to])}.${next}`;
      },
    },
    NOT_MOVABLE: {
      plain: 'Only a confirmed booking can be moved.',
      detail: (d) => `Only a confirmed booking can be moved; this one is ${en.quote(en.status[d.status])}.`,
    },
    PAYLOAD_TOO_LARGE: { plain: 'Shorten the longest texts (notes, description) and try again.' },
    UNSUPPORTED_MEDIA_TYPE: { plain: 'Reload the page and try again.' },
    IDEMPOTENCY_KEY_REUSED: {
      plain: 'This attempt was already sent with other details. Reload the page and check the bookings before trying again.',
    },
    RATE_LIMITED: {
      plain: 'Wait a moment and try again.',
      detail: (d, f) => {
        const wait = d.retryAfterSeconds === 1 ? '1 second' : `${f.count(d.retryAfterSeconds)} seconds`;
        return d.what === 'streams'
          ? `Too many live pages are open from this connection: close some tabs, then reload in ${wait}.`
          : `Too many requests from this connection: wait ${wait} and try again.`;
      },
    },
    INTERNAL_ERROR: { plain: 'Please try again. If it keeps happening, give the reference below to the restaurant or to support.' },
    SERVICE_UNAVAILABLE: { plain: 'Tablebook is busy or restarting: try again in a moment.' },
  },
  network: 'Check your connection and try again.',
  unknown: 'The server did not accept the request. Reload the page to get the latest version, then try again.',
  issues: {
    invalid_type: (issue) => (issue.expected === 'never' ? 'not accepted here' : 'missing or not valid'),
    too_big: (issue, f) =>
      issue.origin === 'string'
        ? `at most ${f.count(issue.maximum)} characters`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `at most ${f.count(issue.maximum)} entries`
          : issue.inclusive === false
            ? `less than ${f.count(issue.maximum)}`
            : `at most ${f.count(issue.maximum)}`,
    too_small: (issue, f) =>
      issue.origin === 'string'
        ? issue.minimum <= 1
          ? 'required'
          : `at least ${f.count(issue.minimum)} characters`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `at least ${issue.minimum === 1 ? '1 entry' : `${f.count(issue.minimum)} entries`}`
          : issue.inclusive === false
            ? `more than ${f.count(issue.minimum)}`
            : `at least ${f.count(issue.minimum)}`,
    invalid_format: (issue) => {
      switch (issue.format) {
        case 'date':
          return 'not a real day';
        case 'guid':
        case 'uuid':
          return 'not a valid reference: check that the link was copied whole';
        case 'email':
          return 'not an e-mail address';
        case 'url':
          return 'not a web address (http or https)';
        default:
          return 'not written as expected';
      }
    },
    not_multiple_of: (issue, f) => `a multiple of ${f.count(issue.divisor)}`,
    unrecognized_keys: () => 'has fields this server does not take',
    invalid_union: () => 'not valid',
    invalid_key: () => 'not valid',
    invalid_element: () => 'not valid',
    invalid_value: (issue, f) =>
      `one of ${f.list(
        issue.values.map((value) => (typeof value === 'number' ? f.count(value) : String(value))),
        'or',
      )}`,
    custom: () => 'not valid',
    unstorable_text: () => 'contains characters that cannot be saved',
    not_allowed_characters: () => 'contains characters that are not allowed',
    malformed_request: () => 'the request could not be read: reload the page and try again',
    unknown_city: () => 'that city is not in the list: choose one from it',
    pacing_needs_hours: () => 'needs opening hours: give the restaurant hours, or turn pacing off',
    table_required: () => 'choose a table: this restaurant books whole days',
    time_required: () => 'choose a time',
    code_or_token: () => 'give the cancellation code or open the link from the e-mail, one of the two',
    webhook_url_invalid: () => 'write a whole address, like https://example.com/hooks',
    webhook_url_scheme: () => 'the address must start with https:// (or http://)',
    webhook_url_userinfo: () => 'leave the user name and password out of the address',
    webhook_url_host: () => 'the address needs a host name',
    webhook_url_private: () => 'the address is on this server or its private network, which this server does not call',
    webhook_url_unresolved: () => 'the host name could not be found',
    whole_days_only: () => 'not for this restaurant: it books whole days',
    not_in_layout: (issue) => `table ${issue.table} is not in the layout`,
    too_many_guests: (issue, f) =>
      issue.table ? `table ${issue.table} seats at most ${f.count(issue.seats)}` : `the largest table seats ${f.count(issue.seats)}`,
    before_today: (issue, f) => `today (${f.day(issue.today)}) or later`,
    outside_new_hours: (issue, f) => `the booking at table ${issue.table} ${enOn(issue.date, issue.time, f)} would fall outside them`,
    zone_exceeds_pacing: () => 'bookings kept at their local times would exceed the pacing there',
    no_such_time_in_new_zone: (issue, f) =>
      `the booking at table ${issue.table} ${enOn(issue.date, issue.time, f)} is at a time the clocks skip there (a daylight-saving change)`,
    zone_overlaps: (issue, f) =>
      issue.table && issue.date && issue.time
        ? `the booking at table ${issue.table} ${enOn(issue.date, issue.time, f)} would overlap another of its table there`
        : 'two bookings of one table would overlap there',
    zone_disagrees: (issue) =>
      `${issue.timeZone.replaceAll('_', ' ')} cannot be used on this server (its time-zone rules differ from the database’s): choose another zone`,
    table_booked: (issue, f) =>
      `table ${issue.table} is booked ${enOn(issue.date, issue.time, f)} for ${enPeople(issue.partySize, f)}${issue.seats !== undefined ? `, and the new layout gives it ${enSeats(issue.seats, f)}` : ''}`,
    cancel_or_move: () => 'cancel or move, not both',
    turn_needs_time: () => 'give a time with the length: this booking is for a whole day',
    contact_required: () => 'give a phone or an e-mail so the restaurant can reach you',
    phone_digits: (issue, f) => `a phone number of ${f.count(issue.minimum)} to ${f.count(issue.maximum)} digits`,
    unknown_time_zone: () => 'not a time zone this server knows',
    ranges_overlap: () => 'overlaps another opening range of the same day',
    listed_twice: (issue) => `${issue.value} is listed twice`,
    not_ascending: () => 'the party sizes must grow from one row to the next',
    date_or_range: () => 'give one day, or a first and a last day',
    required_with: (issue, f) => `required with ${f.field(issue.with)}`,
    range_too_long: (issue, f) => `at most ${f.count(issue.maximum)} days`,
    ends_before_start: () => 'not before the first day',
    limit_required: () => 'give a daily limit',
  },
  fields: {
    restaurantId: 'Restaurant',
    reservationId: 'Booking',
    id: 'Reference',
    cancellationCode: 'Cancellation code',
    table: 'Table',
    date: 'Day',
    time: 'Time',
    durationMinutes: 'Length',
    partySize: 'People',
    guestName: 'Name',
    guestPhone: 'Phone',
    guestEmail: 'E-mail',
    notes: 'Notes',
    idempotencyKey: 'Attempt',
    status: 'Status',
    reason: 'Reason',
    name: 'Name',
    address: 'Address',
    description: 'Description',
    photoUrl: 'Photo',
    cityId: 'City',
    tables: 'Tables',
    label: 'Label',
    seats: 'Seats',
    timeZone: 'Time zone',
    hours: 'Opening hours',
    day: 'Weekday',
    opens: 'Opens',
    closes: 'Closes',
    specialDates: 'Special dates',
    slotMinutes: 'Time between starts',
    turnTimes: 'Turn times',
    maxPartySize: 'Party up to',
    minutes: 'Minutes',
    minAdvanceMinutes: 'Minimum notice',
    maxAdvanceDays: 'Days bookable ahead',
    language: 'Language',
    cancelToken: 'Cancel link',
    reminders: 'Reminders',
    url: 'Address (URL)',
    events: 'Events',
    cursor: 'Page',
    channel: 'Channel',
    kind: 'Kind of message',
    dailyLimit: 'Daily limit',
    pacing: 'Pacing',
    intervalMinutes: 'Interval',
    maxCovers: 'Guests per interval',
    globalDailyLimit: 'System daily limit',
    restaurantDailyLimit: 'Restaurant daily limit',
    search: 'Search',
    startWith: 'Name starts with',
    from: 'First day',
    to: 'Last day',
    limit: 'How many',
    offset: 'From result',
    aviability: 'Places left',
    minAvailable: 'Places left',
    window: 'Time window',
    lastEventId: 'Live updates',
    ready: 'Live updates',
    systemCapacity: 'Live updates',
    limits: 'Live updates',
  },
  someField: 'A field',
  entry: (position) => `entry ${position}`,
  issueLine: (field, text) => `${field}: ${text}`,
  status: { confirmed: 'Confirmed', seated: 'Seated', completed: 'Completed', cancelled: 'Cancelled', no_show: 'No-show' },
  quote: (text) => `“${text}”`,
  slotsTooSoon: (d, f) =>
    `${d.restaurantName} takes bookings at least ${enNotice(d.minAdvanceMinutes, f)} ahead, so the times that start sooner can no longer be booked.`,
  layoutBookings: (count) =>
    count === 1
      ? 'A future booking needs a table this layout removes or makes smaller. Move or cancel that booking first (Reservations), or keep the table:'
      : `${count} future bookings need tables this layout removes or makes smaller. Move or cancel those bookings first (Reservations), or keep the tables:`,
};

const esPeople = (count: number, format: Formats) => (count === 1 ? '1 persona' : `${format.count(count)} personas`);
const esParty = (count: number, format: Formats) => (count === 1 ? 'un grupo de 1' : `un grupo de ${format.count(count)}`);
const esSeats = (count: number, format: Formats) => (count === 1 ? '1 puesto' : `${format.count(count)} puestos`);
const esMinutes = (count: number, format: Formats) => (count === 1 ? '1 minuto' : `${format.count(count)} minutos`);
const esBookings = (count: number, format: Formats) => (count === 1 ? '1 reserva' : `${format.count(count)} reservas`);
const esOn = (date: string, time: string | undefined, format: Formats) =>
  time ? `el ${format.day(date)} ${format.at(time)}` : `el ${format.day(date)}`;
const ES_UNITS = { minute: ['minuto', 'minutos'], hour: ['hora', 'horas'], day: ['día', 'días'] } as const;
const esNotice = (minutes: number, format: Formats) => {
  const { count, unit } = noticeUnits(minutes);
  return count === 1 ? `1 ${ES_UNITS[unit][0]}` : `${format.count(count)} ${ES_UNITS[unit][1]}`;
};

const isStatus = (value: string): value is ReservationStatus => Object.hasOwn(en.status, value);

export const es: RefusalWords = {
  reasons: {
    INVALID_INPUT: { plain: 'Hay datos por corregir.' },
    PAST_DATE: {
      plain: 'Ese día ya pasó: elija hoy o un día posterior.',
      detail: (d, f) => `${d.restaurantName} ya no recibe reservas para el ${f.day(d.date)}: allí ya es ${f.day(d.today)}.`,
    },
    UNKNOWN_TABLE: {
      plain: 'El restaurante no tiene esa mesa: elija una en su plano.',
      detail: (d) => `${d.restaurantName} no tiene la mesa ${d.table}: elija una en su plano.`,
    },
    PARTY_TOO_LARGE: {
      plain: 'El grupo es más grande de lo que recibe la mesa.',
      detail: (d, f) =>
        d.table
          ? `La mesa ${d.table} de ${d.restaurantName} tiene ${esSeats(d.seats, f)}; ${esParty(d.partySize, f)} no cabe. Elija una mesa más grande o un grupo más pequeño.`
          : `Ninguna mesa de ${d.restaurantName} recibe ${esParty(d.partySize, f)}: la más grande es para ${esPeople(d.seats, f)}.`,
    },
    OFF_SLOT: {
      plain: 'Las reservas empiezan solo en los horarios que ofrece el restaurante: elija uno de ellos.',
      detail: (d, f) =>
        `En ${d.restaurantName} las reservas empiezan cada ${esMinutes(d.slotMinutes, f)} desde ${f.at(d.opens).replace(/^a /, '')}, así que la hora ${f.clock(d.time)} del ${f.day(d.date)} no se ofrece: elija uno de sus horarios.`,
    },
    TIME_NOT_OFFERED: {
      plain: 'Este restaurante reserva días completos, no horas.',
      detail: (d) => `${d.restaurantName} reserva días completos, no horas del día.`,
    },
    UNAUTHORIZED: {
      plain: 'Inicie sesión con el token de administración para hacer esto.',
      detail: (d) =>
        d.token === 'missing'
          ? 'Inicie sesión con el token de administración para hacer esto.'
          : 'El token de administración no es válido: inicie sesión de nuevo.',
    },
    INVALID_CANCELLATION_CODE: {
      plain: 'Ese código no cancela esta reserva. Revise el código de su confirmación y escríbalo de nuevo.',
    },
    INVALID_CANCEL_TOKEN: {
      plain: 'Abra de nuevo el enlace de su correo, completo, o cancele con el código de su confirmación.',
    },
    MESSAGE_NOT_DEAD: {
      plain: 'Este mensaje no ha fallado: todavía se está enviando, o ya se envió.',
      detail: (d) =>
        d.status === 'sent'
          ? 'Este mensaje ya se envió.'
          : d.status === 'dropped'
            ? 'Este mensaje ya no se va a enviar.'
            : 'Este mensaje todavía se está enviando.',
    },
    FORBIDDEN_HOST: {
      plain: 'Sin un token de administración, este servidor solo se administra desde su propia dirección (localhost).',
    },
    NOT_FOUND: {
      plain: 'Puede que se haya eliminado.',
      detail: (d) =>
        d.entity === 'restaurant'
          ? 'Este restaurante ya no existe: puede que se haya eliminado.'
          : d.entity === 'reservation'
            ? 'No se encontró esta reserva: puede que se haya eliminado, o que el código o el enlace no sean correctos.'
            : d.entity === 'webhook'
              ? 'Este webhook ya no existe: puede que se haya eliminado.'
              : d.entity === 'message'
                ? 'Este mensaje ya no existe.'
                : 'El servidor no tiene esa dirección.',
    },
    METHOD_NOT_ALLOWED: { plain: 'Recargue la página e intente de nuevo.' },
    TABLE_ALREADY_BOOKED: {
      plain: 'Otra reserva tiene esa mesa a esa hora: elija otra mesa u otra hora.',
      detail: (d, f) =>
        d.wholeDay
          ? `La mesa ${d.table} de ${d.restaurantName} ya está reservada para el ${f.day(d.date)}: elija otra mesa u otro día.`
          : d.from && d.to
            ? `La mesa ${d.table} de ${d.restaurantName} ya está reservada el ${f.day(d.date)}, ${f.span(d.from, d.to)}: elija otra mesa u otra hora.`
            : `La mesa ${d.table} de ${d.restaurantName} ya tiene una reserva a esa hora, el ${f.day(d.date)}: elija otra mesa u otra hora.`,
    },
    NO_TABLE_AVAILABLE: {
      plain: 'No hay una mesa libre para ese grupo a esa hora: pruebe otra hora.',
      detail: (d, f) =>
        `En ${d.restaurantName} no hay mesa libre para ${esPeople(d.partySize, f)} el ${f.day(d.date)}${d.from && d.to ? `, ${f.span(d.from, d.to)}` : ''}: pruebe otra hora.`,
    },
    CLOSED: {
      plain: 'El restaurante está cerrado a esa hora.',
      detail: (d, f) => {
        switch (d.why) {
          case 'closedThatDay':
            return `${d.restaurantName} no abre el ${f.day(d.date)}.`;
          case 'closedThen': {
            const open = d.ranges?.map((range) => f.span(range.opens, range.closes)) ?? [];
            return `${d.restaurantName} no atiende ${d.time ? `${f.at(d.time)} ` : ''}del ${f.day(d.date)}${open.length > 0 ? `: abre ${f.list(open)}` : ''}.`;
          }
          case 'noSuchTime':
            return `${d.time ? `La hora ${f.clock(d.time)}` : 'Esa hora'} no existe el ${f.day(d.date)} en ${d.restaurantName}: ese día se adelanta el reloj.`;
          case 'pastClosing':
            return `Un turno de ${esMinutes(d.durationMinutes ?? 0, f)} ${esOn(d.date, d.time, f)} terminaría después del cierre${d.closes ? ` (${f.clock(d.closes)})` : ''} de ${d.restaurantName}: elija una hora más temprana.`;
          case 'endsTooLate':
            return `Un turno en ${d.restaurantName} ${esOn(d.date, d.time, f)} terminaría demasiado lejos en el futuro para reservarlo.`;
        }
      },
    },
    OUTSIDE_BOOKING_WINDOW: {
      plain: 'Esa hora no se puede reservar ahora.',
      detail: (d, f) => {
        switch (d.why) {
          case 'started':
            return `Esa hora ya pasó: el ${f.day(d.date)} ${f.at(d.time)} en ${d.restaurantName}. Elija una hora posterior.`;
          case 'tooSoon':
            return `${d.restaurantName} recibe reservas hasta ${esMinutes(d.minAdvanceMinutes ?? 0, f)} antes del inicio: el ${f.day(d.date)} ${f.at(d.time)} es demasiado pronto.`;
          case 'tooFar':
            return `El ${f.day(d.date)} aún no se puede reservar: ${d.restaurantName} recibe reservas con hasta ${d.maxAdvanceDays === 1 ? '1 día' : `${f.count(d.maxAdvanceDays ?? 0)} días`} de anticipación${d.lastDay ? `, así que el último día que puede reservar es el ${f.day(d.lastDay)}` : ''}.`;
        }
      },
    },
    HAS_FUTURE_RESERVATIONS: {
      plain: 'Hay reservas futuras fuera del nuevo horario: muévalas o cancélelas primero.',
      detail: (d, f) => {
        const zone = d.timeZone ? ` en ${d.timeZone.replaceAll('_', ' ')}` : '';
        if (d.why === 'pacing') {
          return `Con sus horas locales${zone}, las reservas futuras de ${d.restaurantName} superarían su ritmo de llegadas: mueva una primero.`;
        }
        const listed = (d.reservations ?? []).map((row) => `la mesa ${row.table} ${esOn(row.date, row.time, f)}`);
        const named = listed.length > 0 ? `: ${f.list(listed)}` : '';
        if (d.why === 'overlap') {
          return `Con sus horas locales${zone}, dos reservas futuras de una misma mesa de ${d.restaurantName} se cruzarían (por un cambio de hora)${named}. Mueva una primero.`;
        }
        if (d.why === 'noSuchTime') {
          return `Los relojes${zone} se saltan la hora local de ${esBookings(listed.length, f)} de ${d.restaurantName} (por un cambio de hora)${named}. ${listed.length === 1 ? 'Muévala o cancélela' : 'Muévalas o cancélelas'} primero.`;
        }
        const what = d.change === 'timeZone' ? 'La nueva zona horaria' : 'El nuevo horario';
        return `${what} dejaría ${esBookings(listed.length, f)} de ${d.restaurantName} fuera de su horario${named}. ${listed.length === 1 ? 'Muévala o cancélela' : 'Muévalas o cancélelas'} primero.`;
      },
    },
    GLOBAL_DAILY_LIMIT: {
      plain: 'Ese día ya no se reciben más reservas: pruebe otro día.',
      detail: (d, f) =>
        `El ${f.day(d.date)} ya no se reciben más reservas, ni en ${d.restaurantName} ni en ningún otro restaurante: Tablebook llegó a su límite diario${d.limit !== undefined ? ` de ${esBookings(d.limit, f)}` : ''}. Pruebe otro día.`,
    },
    RESTAURANT_DAILY_LIMIT: {
      plain: 'El restaurante está lleno ese día: pruebe otro día.',
      detail: (d, f) =>
        `${d.restaurantName} ya no tiene cupo el ${f.day(d.date)}${d.limit !== undefined ? ` (recibe ${esBookings(d.limit, f)} al día)` : ''}. Pruebe otro día.`,
    },
    PACING_LIMIT: {
      plain: 'Ya empiezan demasiados comensales a esa hora: pruebe otra hora.',
      detail: (d, f) =>
        d.from && d.to && d.coversLeft !== undefined && d.maxCovers !== undefined && d.partySize !== undefined
          ? `En ${d.restaurantName} ${d.coversLeft === 1 ? 'queda 1 puesto' : `quedan ${f.count(d.coversLeft)} puestos`} de ${f.count(d.maxCovers)} para quienes llegan ${f.span(d.from, d.to)} el ${f.day(d.date)}; ${esParty(d.partySize, f)} no cabe. Pruebe otra hora.`
          : `En ${d.restaurantName} ya empiezan demasiados comensales cerca de esa hora el ${f.day(d.date)}: pruebe otra hora.`,
    },
    TABLE_HAS_RESERVATIONS: {
      plain: 'Hay reservas futuras en las mesas que este plano quita o achica: consérvelas, o mueva esas reservas primero.',
      detail: (d, f) => {
        const listed = d.reservations.map(
          (row) =>
            `la mesa ${row.table} ${esOn(row.date, row.time, f)} (${esParty(row.partySize, f)}${row.seats !== undefined ? `; quedaría con ${esSeats(row.seats, f)}` : ''})`,
        );
        return `Hay reservas futuras en ${d.restaurantName} que necesitan ${listed.length === 1 ? 'esta mesa' : 'estas mesas'}: ${f.list(listed)}. ${listed.length === 1 ? 'Consérvela' : 'Consérvelas'}, o mueva esas reservas primero.`;
      },
    },
    ALREADY_CANCELLED: {
      plain: 'Esta reserva ya estaba cancelada.',
      detail: (d, f) =>
        d.restaurantName
          ? `La reserva en ${d.restaurantName}, mesa ${d.table}, ${esOn(d.date, d.time, f)} ya estaba cancelada.`
          : `La reserva de la mesa ${d.table} ${esOn(d.date, d.time, f)} ya estaba cancelada.`,
    },
    ALREADY_OVER: {
      plain: 'Esta reserva ya pasó: ya no se puede cancelar.',
      detail: (d, f) => `La reserva en ${d.restaurantName}, mesa ${d.table}, ${esOn(d.date, d.time, f)} ya pasó: ya no se puede cancelar.`,
    },
    ILLEGAL_STATUS_CHANGE: {
      plain: 'Ese cambio no se permite desde el estado actual de la reserva.',
      detail: (d, f) => {
        if (d.seatableFrom) {
          const starts = d.startsAt ? (d.date ? esOn(d.date, d.startsAt, f) : f.at(d.startsAt)) : 'más tarde';
          const from = f.at(d.seatableFrom).replace(/^a /, '');
          return `Esta reserva empieza ${starts}: se puede sentar desde ${from}${d.seatableFromDate ? ` del ${f.day(d.seatableFromDate)}` : ''}.`;
        }
        const which =
          d.restaurantName && d.table && d.date
            ? `La reserva en ${d.restaurantName}, mesa ${d.table}, ${esOn(d.date, d.time, f)} tiene`
            : 'Esta reserva tiene';
        const allowed = (d.allowed ?? []).filter(isStatus).map((status) => es.quote(es.status[status]));
        const next =
          d.allowed === undefined
            ? ''
            : allowed.length > 0
              ? ` Se puede cambiar a ${f.list(allowed, 'or')}.`
              : ' Su estado ya es definitivo.';
        return `${which} el estado ${es.quote(es.status[d.from])}: no se puede cambiar a ${es.quote(es.status[d.to])}.${next}`;
      },
    },
    NOT_MOVABLE: {
      plain: 'Solo se puede mover una reserva confirmada.',
      detail: (d) => `Solo se puede mover una reserva confirmada; esta tiene el estado ${es.quote(es.status[d.status])}.`,
    },
    PAYLOAD_TOO_LARGE: { plain: 'Acorte los textos más largos (notas, descripción) e intente de nuevo.' },
    UNSUPPORTED_MEDIA_TYPE: { plain: 'Recargue la página e intente de nuevo.' },
    IDEMPOTENCY_KEY_REUSED: {
      plain: 'Este intento ya se envió con otros datos. Recargue la página y revise las reservas antes de intentar de nuevo.',
    },
    RATE_LIMITED: {
      plain: 'Espere un momento e intente de nuevo.',
      detail: (d, f) => {
        const wait = d.retryAfterSeconds === 1 ? '1 segundo' : `${f.count(d.retryAfterSeconds)} segundos`;
        return d.what === 'streams'
          ? `Hay demasiadas páginas en vivo abiertas desde esta conexión: cierre algunas pestañas y recargue en ${wait}.`
          : `Demasiadas solicitudes desde esta conexión: espere ${wait} e intente de nuevo.`;
      },
    },
    INTERNAL_ERROR: { plain: 'Intente de nuevo. Si sigue pasando, dé la referencia de abajo al restaurante o a soporte.' },
    SERVICE_UNAVAILABLE: { plain: 'Tablebook está ocupado o reiniciándose: intente de nuevo en un momento.' },
  },
  network: 'Revise su conexión e intente de nuevo.',
  unknown: 'El servidor no aceptó la solicitud. Recargue la página para tener la versión más reciente e intente de nuevo.',
  issues: {
    invalid_type: (issue) => (issue.expected === 'never' ? 'no se acepta aquí' : 'falta o no es válido'),
    too_big: (issue, f) =>
      issue.origin === 'string'
        ? `como máximo ${f.count(issue.maximum)} caracteres`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `como máximo ${f.count(issue.maximum)} elementos`
          : issue.inclusive === false
            ? `menos de ${f.count(issue.maximum)}`
            : `como máximo ${f.count(issue.maximum)}`,
    too_small: (issue, f) =>
      issue.origin === 'string'
        ? issue.minimum <= 1
          ? 'obligatorio'
          : `como mínimo ${f.count(issue.minimum)} caracteres`
        : issue.origin === 'array' || issue.origin === 'set'
          ? `como mínimo ${issue.minimum === 1 ? '1 elemento' : `${f.count(issue.minimum)} elementos`}`
          : issue.inclusive === false
            ? `más de ${f.count(issue.minimum)}`
            : `como mínimo ${f.count(issue.minimum)}`,
    invalid_format: (issue) => {
      switch (issue.format) {
        case 'date':
          return 'no es un día real';
        case 'guid':
        case 'uuid':
          return 'no es una referencia válida: revise que el enlace se haya copiado completo';
        case 'email':
          return 'no es un correo electrónico';
        case 'url':
          return 'no es una dirección web (http o https)';
        default:
          return 'no está escrito como se espera';
      }
    },
    not_multiple_of: (issue, f) => `un múltiplo de ${f.count(issue.divisor)}`,
    unrecognized_keys: () => 'trae campos que este servidor no recibe',
    invalid_union: () => 'no es válido',
    invalid_key: () => 'no es válido',
    invalid_element: () => 'no es válido',
    invalid_value: (issue, f) =>
      `uno de estos: ${f.list(
        issue.values.map((value) => (typeof value === 'number' ? f.count(value) : String(value))),
        'or',
      )}`,
    custom: () => 'no es válido',
    unstorable_text: () => 'tiene caracteres que no se pueden guardar',
    not_allowed_characters: () => 'tiene caracteres que no se permiten',
    malformed_request: () => 'no fue posible leer la solicitud: recargue la página e intente de nuevo',
    unknown_city: () => 'esa ciudad no está en la lista: elija una de ella',
    pacing_needs_hours: () => 'necesita un horario de atención: dele horario al restaurante, o desactive el ritmo de llegadas',
    table_required: () => 'elija una mesa: este restaurante reserva días completos',
    time_required: () => 'elija una hora',
    code_or_token: () => 'escriba el código de cancelación o abra el enlace del correo, uno de los dos',
    webhook_url_invalid: () => 'escriba una dirección completa, como https://ejemplo.com/avisos',
    webhook_url_scheme: () => 'la dirección debe empezar por https:// (o http://)',
    webhook_url_userinfo: () => 'quite el usuario y la contraseña de la dirección',
    webhook_url_host: () => 'a la dirección le falta el nombre del servidor',
    webhook_url_private: () => 'la dirección es de este servidor o de su red privada, a la que este servidor no llama',
    webhook_url_unresolved: () => 'no se encontró ese nombre de servidor',
    whole_days_only: () => 'no aplica en este restaurante: reserva días completos',
    not_in_layout: (issue) => `la mesa ${issue.table} no está en el plano`,
    too_many_guests: (issue, f) =>
      issue.table
        ? `la mesa ${issue.table} recibe como máximo ${f.count(issue.seats)}`
        : `la mesa más grande recibe ${f.count(issue.seats)}`,
    before_today: (issue, f) => `hoy (${f.day(issue.today)}) o después`,
    outside_new_hours: (issue, f) => `la reserva de la mesa ${issue.table} ${esOn(issue.date, issue.time, f)} quedaría por fuera`,
    zone_exceeds_pacing: () => 'con sus horas locales, las reservas superarían allí el ritmo de llegadas',
    no_such_time_in_new_zone: (issue, f) =>
      `la reserva de la mesa ${issue.table} ${esOn(issue.date, issue.time, f)} queda en una hora que allí se salta el reloj (por un cambio de hora)`,
    zone_overlaps: (issue, f) =>
      issue.table && issue.date && issue.time
        ? `la reserva de la mesa ${issue.table} ${esOn(issue.date, issue.time, f)} se cruzaría allí con otra de su mesa`
        : 'dos reservas de una misma mesa se cruzarían allí',
    zone_disagrees: (issue) =>
      `${issue.timeZone.replaceAll('_', ' ')} no se puede usar en este servidor (sus reglas de hora difieren de las de la base de datos): elija otra zona`,
    table_booked: (issue, f) =>
      `la mesa ${issue.table} está reservada ${esOn(issue.date, issue.time, f)} para ${esPeople(issue.partySize, f)}${issue.seats !== undefined ? `, y el nuevo plano le da ${esSeats(issue.seats, f)}` : ''}`,
    cancel_or_move: () => 'cancele o mueva, no ambas cosas',
    turn_needs_time: () => 'indique una hora junto con la duración: esta reserva es de día completo',
    contact_required: () => 'dé un teléfono o un correo para que el restaurante pueda contactarle',
    phone_digits: (issue, f) => `un teléfono de ${f.count(issue.minimum)} a ${f.count(issue.maximum)} dígitos`,
    unknown_time_zone: () => 'no es una zona horaria que este servidor conozca',
    ranges_overlap: () => 'se cruza con otro horario del mismo día',
    listed_twice: (issue) => `${issue.value} aparece dos veces`,
    not_ascending: () => 'los tamaños de grupo deben crecer de una fila a la siguiente',
    date_or_range: () => 'indique un día, o un primer y un último día',
    required_with: (issue, f) => `obligatorio junto con ${f.field(issue.with)}`,
    range_too_long: (issue, f) => `como máximo ${f.count(issue.maximum)} días`,
    ends_before_start: () => 'no puede ser anterior al primer día',
    limit_required: () => 'indique un límite diario',
  },
  fields: {
    restaurantId: 'Restaurante',
    reservationId: 'Reserva',
    id: 'Referencia',
    cancellationCode: 'Código de cancelación',
    table: 'Mesa',
    date: 'Día',
    time: 'Hora',
    durationMinutes: 'Duración',
    partySize: 'Personas',
    guestName: 'Nombre',
    guestPhone: 'Teléfono',
    guestEmail: 'Correo',
    notes: 'Notas',
    idempotencyKey: 'Intento',
    status: 'Estado',
    reason: 'Motivo',
    name: 'Nombre',
    address: 'Dirección',
    description: 'Descripción',
    photoUrl: 'Foto',
    cityId: 'Ciudad',
    tables: 'Mesas',
    label: 'Nombre de la mesa',
    seats: 'Puestos',
    timeZone: 'Zona horaria',
    hours: 'Horario de atención',
    day: 'Día de la semana',
    opens: 'Abre',
    closes: 'Cierra',
    specialDates: 'Fechas especiales',
    slotMinutes: 'Tiempo entre inicios',
    turnTimes: 'Duración de los turnos',
    maxPartySize: 'Grupo de hasta',
    minutes: 'Minutos',
    minAdvanceMinutes: 'Anticipación mínima',
    maxAdvanceDays: 'Días reservables por adelantado',
    language: 'Idioma',
    cancelToken: 'Enlace de cancelación',
    reminders: 'Recordatorios',
    url: 'Dirección (URL)',
    events: 'Eventos',
    cursor: 'Página',
    channel: 'Canal',
    kind: 'Tipo de mensaje',
    dailyLimit: 'Límite diario',
    pacing: 'Ritmo de llegadas',
    intervalMinutes: 'Intervalo',
    maxCovers: 'Comensales por intervalo',
    globalDailyLimit: 'Límite diario del sistema',
    restaurantDailyLimit: 'Límite diario por restaurante',
    search: 'Búsqueda',
    startWith: 'El nombre empieza por',
    from: 'Primer día',
    to: 'Último día',
    limit: 'Cuántos',
    offset: 'Desde el resultado',
    aviability: 'Puestos libres',
    minAvailable: 'Puestos libres',
    window: 'Margen de tiempo',
    lastEventId: 'Actualizaciones en vivo',
    ready: 'Actualizaciones en vivo',
    systemCapacity: 'Actualizaciones en vivo',
    limits: 'Actualizaciones en vivo',
  },
  someField: 'Un campo',
  entry: (position) => `elemento ${position}`,
  issueLine: (field, text) => `${field}: ${text}`,
  status: { confirmed: 'Confirmada', seated: 'En mesa', completed: 'Completada', cancelled: 'Cancelada', no_show: 'No llegó' },
  quote: (text) => `«${text}»`,
  slotsTooSoon: (d, f) =>
    `${d.restaurantName} recibe reservas con al menos ${esNotice(d.minAdvanceMinutes, f)} de anticipación, así que las horas que empiezan antes ya no se pueden reservar.`,
  layoutBookings: (count) =>
    count === 1
      ? 'Una reserva futura necesita una mesa que este plano quita o achica. Mueva o cancele esa reserva primero (Reservas), o conserve la mesa:'
      : `${count} reservas futuras necesitan mesas que este plano quita o achica. Muévalas o cancélelas primero (Reservas), o conserve esas mesas:`,
};

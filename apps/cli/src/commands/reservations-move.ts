import { parseOptionalDate } from '../args/calendar-date.ts';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { reservationFields } from '../output/views.ts';
import { reservationArguments, resolveReservationRef } from '../resolve/reservation.ts';
import { bookingTimeFlags, bookingTimeFromFlags } from './booking-time-flags.ts';
import { guestFlags, partySizeFrom } from './guest-flags.ts';

export const reservationsMoveCommand = defineCommand({
  path: ['reservations', 'move'],
  summary: 'Move a reservation to another day, time or table, or change its party size or duration',
  usage:
    'reservations move <restaurant> <reservationId> [--date YYYY-MM-DD] [--time HH:MM] [--table LABEL] [--party-size N] [--duration-minutes N]',
  arguments: reservationArguments,
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the new day' },
    time: { ...bookingTimeFlags.time, description: 'the new start, at a restaurant with opening hours' },
    table: { type: 'string', valueName: 'LABEL', description: 'the new table (without it the reservation keeps its table)' },
    'party-size': guestFlags['party-size'],
    'duration-minutes': bookingTimeFlags['duration-minutes'],
  },
  notes: [
    'The move is checked like a new booking. When it is refused (TABLE_ALREADY_BOOKED, CLOSED, a daily limit,',
    'PAST_DATE, UNKNOWN_TABLE, PARTY_TOO_LARGE, NOT_MOVABLE…) the reservation stays as it was; exit 1.',
    'A new --party-size without --duration-minutes takes the turn time for the new size.',
  ],
  async run({ client, print }, { args, flags }) {
    const date = parseOptionalDate('date', flags.date);
    const partySize = partySizeFrom(flags['party-size']);
    const bookingTime = bookingTimeFromFlags(flags);
    if (date === undefined && flags.table === undefined && partySize === undefined && Object.keys(bookingTime).length === 0) {
      throw new UsageError('nothing to change: give at least one of --date, --time, --table, --party-size, --duration-minutes');
    }
    const { restaurant, restaurantId, reservationId } = await resolveReservationRef(client, args);
    const reservation = await client.reservation.update.mutate({
      restaurantId,
      reservationId,
      date,
      table: flags.table,
      partySize,
      ...bookingTime,
    });
    print.record(`Moved reservation at "${restaurant.name}"`, reservation, reservationFields);
    return ExitCode.success;
  },
});

import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { reservationFields } from '../output/views.ts';
import { reservationArguments, resolveReservationRef } from '../resolve/reservation.ts';
import { guestFlags, partySizeFrom } from './guest-flags.ts';

export const reservationsMoveCommand = defineCommand({
  path: ['reservations', 'move'],
  summary: 'Move a reservation to another day or table, or change its party size',
  usage: 'reservations move <restaurant> <reservationId> [--date YYYY-MM-DD] [--table LABEL] [--party-size N]',
  arguments: reservationArguments,
  flags: {
    date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the new day' },
    table: { type: 'string', valueName: 'LABEL', description: 'the new table' },
    'party-size': guestFlags['party-size'],
  },
  notes: [
    'The move is checked like a new booking. When it is refused (TABLE_ALREADY_BOOKED, a daily limit,',
    'PAST_DATE, UNKNOWN_TABLE, PARTY_TOO_LARGE, NOT_MOVABLE…) the reservation stays as it was; exit 1.',
  ],
  async run({ client, print }, { args, flags }) {
    const partySize = partySizeFrom(flags['party-size']);
    if (flags.date === undefined && flags.table === undefined && partySize === undefined) {
      throw new UsageError('nothing to change: give at least one of --date, --table, --party-size');
    }
    const { restaurant, restaurantId, reservationId } = await resolveReservationRef(client, args);
    const reservation = await client.reservation.update.mutate({
      restaurantId,
      reservationId,
      date: flags.date,
      table: flags.table,
      partySize,
    });
    print.record(`Moved reservation at "${restaurant.name}"`, reservation, reservationFields);
    return ExitCode.success;
  },
});

import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { reservationFields } from '../output/views.ts';
import { reservationArguments, resolveReservationRef } from '../resolve/reservation.ts';

export const reservationsShowCommand = defineCommand({
  path: ['reservations', 'show'],
  summary: 'Show one reservation, every field',
  usage: 'reservations show <restaurant> <reservationId>',
  arguments: reservationArguments,
  flags: {},
  async run({ client, print }, { args }) {
    const { restaurant, restaurantId, reservationId } = await resolveReservationRef(client, args);
    const reservation = await client.reservation.byId.query({ restaurantId, reservationId });
    print.record(`Reservation at "${restaurant.name}"`, reservation, reservationFields);
    return ExitCode.success;
  },
});

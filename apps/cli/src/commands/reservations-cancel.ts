import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantSummary } from '../output/views.ts';
import { reservationArguments, resolveReservationRef } from '../resolve/reservation.ts';

export const reservationsCancelCommand = defineCommand({
  path: ['reservations', 'cancel'],
  summary: 'Cancel a reservation; its table and place are free at once',
  usage: 'reservations cancel <restaurant> <reservationId> [--reason TEXT]',
  arguments: reservationArguments,
  flags: {
    reason: { type: 'string', valueName: 'TEXT', description: 'why, kept with the reservation (up to 500 characters)' },
  },
  notes: ['Cancelling a cancelled reservation exits with 1 (ALREADY_CANCELLED).'],
  async run({ client, print }, { args, flags }) {
    const { restaurant, restaurantId, reservationId } = await resolveReservationRef(client, args);
    const reservation = await client.reservation.cancel.mutate({ restaurantId, reservationId, reason: flags.reason });
    print.done(
      `Cancelled reservation ${reservation.id} (table ${reservation.table} on ${reservation.date}) at ${restaurantSummary(restaurant)}`,
      reservation,
    );
    return ExitCode.success;
  },
});

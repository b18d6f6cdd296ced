import type { TablebookClient } from '@tablebook/client';
import { parseCancellationCode } from '../args/cancellation-code.ts';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { timeRangeOf } from '../output/local-times.ts';
import type { Printer } from '../output/printer.ts';
import { restaurantSummary } from '../output/views.ts';
import { reservationArguments, resolveReservationRef } from '../resolve/reservation.ts';

/** As the guest who holds the code: the code alone names the booking, and the answer names its restaurant. */
async function cancelByCode(client: TablebookClient, print: Printer, code: string): Promise<void> {
  const cancelled = await client.guest.cancelByCode.mutate({ cancellationCode: parseCancellationCode('code', code) });
  const time = timeRangeOf(cancelled);
  const restaurant = restaurantSummary({ id: cancelled.restaurantId, name: cancelled.restaurantName });
  print.done(
    `Cancelled reservation ${cancelled.id} (table ${cancelled.table} on ${cancelled.date}${time === undefined ? '' : ` at ${time}`}) at ${restaurant}`,
    cancelled,
  );
}

export const reservationsCancelCommand = defineCommand({
  path: ['reservations', 'cancel'],
  summary: 'Cancel a reservation; its table and place are free at once',
  usage: 'reservations cancel (<restaurant> <reservationId> [--reason TEXT] | --code CODE)',
  arguments: reservationArguments,
  argumentsOr: 'code',
  flags: {
    reason: { type: 'string', valueName: 'TEXT', description: 'why, kept with the reservation (up to 500 characters)' },
    code: {
      type: 'string',
      valueName: 'CODE',
      description: "instead of the ids: the cancellation code a guest's booking answered with (no token needed)",
    },
  },
  notes: [
    'Cancelling a cancelled reservation exits with 1 (ALREADY_CANCELLED).',
    'With --code the code alone names the booking, as for the guest who holds it: a code no booking has',
    'exits with 1 (NOT_FOUND). Each cancel by code counts, with guest bookings, against the rate limit of',
    "the caller's address (RATE_LIMITED, exit 1, says when to try again); a valid admin token is not limited.",
  ],
  async run({ client, print }, input) {
    if (input.args === undefined) {
      if (input.flags.reason !== undefined) {
        throw new UsageError('--reason goes with <restaurant> <reservationId>: a cancel by --code takes none');
      }
      await cancelByCode(client, print, input.flags.code);
      return ExitCode.success;
    }
    const { restaurant, restaurantId, reservationId } = await resolveReservationRef(client, input.args);
    const reservation = await client.reservation.cancel.mutate({ restaurantId, reservationId, reason: input.flags.reason });
    print.done(
      `Cancelled reservation ${reservation.id} (table ${reservation.table} on ${reservation.date}) at ${restaurantSummary(restaurant)}`,
      reservation,
    );
    return ExitCode.success;
  },
});

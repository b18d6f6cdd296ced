import { RESERVATION_STATUSES, type ReservationStatus } from '@tablebook/client';
import { defineCommand } from '../args/command.ts';
import { UsageError } from '../errors.ts';
import { ExitCode } from '../exit-codes.ts';
import { restaurantSummary } from '../output/views.ts';
import { reservationArguments, resolveReservationRef } from '../resolve/reservation.ts';

/** The statuses set here: every one a reservation can move to but `cancelled`, which has its own command (it takes a reason). */
type SettableStatus = Exclude<ReservationStatus, 'confirmed' | 'cancelled'>;
const STATUSES = RESERVATION_STATUSES.filter((status): status is SettableStatus => status !== 'confirmed' && status !== 'cancelled');
const isSettable = (text: string): text is SettableStatus => (STATUSES as readonly string[]).includes(text);

export const reservationsStatusCommand = defineCommand({
  path: ['reservations', 'status'],
  summary: 'Record that the guests came (seated, completed) or did not (no_show)',
  usage: `reservations status <restaurant> <reservationId> <${STATUSES.join('|')}>`,
  arguments: [...reservationArguments, { name: 'status', description: STATUSES.join(', ') }],
  flags: {},
  notes: [
    'Allowed: confirmed -> seated -> completed, and confirmed -> no_show; any other change exits with 1',
    '(ILLEGAL_STATUS_CHANGE). To cancel, use "reservations cancel".',
  ],
  async run({ client, print }, { args }) {
    const status = args.status.trim().toLowerCase();
    if (!isSettable(status)) throw new UsageError(`status must be one of ${STATUSES.join(', ')}, not "${args.status}"`);
    const { restaurant, restaurantId, reservationId } = await resolveReservationRef(client, args);
    const reservation = await client.reservation.update.mutate({ restaurantId, reservationId, status });
    print.done(`Reservation ${reservation.id} at ${restaurantSummary(restaurant)} is now ${reservation.status}`, reservation);
    return ExitCode.success;
  },
});

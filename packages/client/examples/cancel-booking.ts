// A guest cancels a booking with the cancellation code it answered with, alone: no ids, no token.
// Usage: TABLEBOOK_URL=http://127.0.0.1:5000 node --import tsx examples/cancel-booking.ts 7K2M-9QX4-PZ1D
import { createClient, TablebookError } from '@tablebook/client';

const [code = ''] = process.argv.slice(2);
// No token: the call is a guest's, counted with guest bookings per address (10 a minute by default).
const client = createClient({ url: process.env['TABLEBOOK_URL'] ?? 'http://127.0.0.1:5000' });

try {
  const cancelled = await client.guest.cancelByCode.mutate({ cancellationCode: code });
  const when = cancelled.time === null ? cancelled.date : `${cancelled.date} at ${cancelled.time}`;
  console.log(
    `Cancelled your booking at ${cancelled.restaurantName} on ${when} (table ${cancelled.table}, party of ${cancelled.partySize})`,
  );
} catch (error) {
  if (!(error instanceof TablebookError)) throw error;
  switch (error.reason) {
    case 'ALREADY_CANCELLED':
      console.log('This booking was already cancelled.');
      break;
    case 'NOT_FOUND':
      console.error('No booking has this code: check it against your confirmation.');
      process.exitCode = 1;
      break;
    case 'RATE_LIMITED':
      // A mutation is never retried by the client: waiting is the caller's choice.
      console.error(`Too many tries from this address: try again in ${error.retryAfterSeconds} s.`);
      process.exitCode = 1;
      break;
    default:
      console.error(`Refused (${error.reason}, HTTP ${error.status}, request ${error.requestId}): ${error.message}`);
      process.exitCode = 1;
  }
}

// Books a table and handles a refusal by its reason.
// Usage: TABLEBOOK_URL=http://127.0.0.1:5000 TABLEBOOK_TOKEN=<admin token> node --import tsx examples/book-table.ts <restaurant id> A1 2026-12-24
import { createClient, TablebookError } from '@tablebook/client';

const [restaurantId = '', table = 'A1', date = ''] = process.argv.slice(2);
const client = createClient({ url: process.env['TABLEBOOK_URL'] ?? 'http://127.0.0.1:5000', token: process.env['TABLEBOOK_TOKEN'] });

try {
  const reservation = await client.reservation.create.mutate({ restaurantId, table, date });
  console.log(`Booked table ${reservation.table} on ${reservation.date}: reservation ${reservation.id}`);
} catch (error) {
  if (!(error instanceof TablebookError)) throw error;
  switch (error.reason) {
    case 'TABLE_ALREADY_BOOKED':
      console.log(`Table ${table} is taken on ${date}: pick another table.`);
      break;
    case 'RESTAURANT_DAILY_LIMIT':
    case 'GLOBAL_DAILY_LIMIT':
      console.log(`No places left on ${date}: pick another day.`);
      break;
    case 'NETWORK_ERROR':
      console.error(`The server is unreachable: ${error.message}`);
      process.exitCode = 3;
      break;
    default:
      console.error(`Refused (${error.reason}, HTTP ${error.status}, request ${error.requestId}): ${error.message}`);
      process.exitCode = 1;
  }
}

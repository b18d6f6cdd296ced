import type { RouterOutputs } from '@tablebook/client';
import type { Column } from '../output/table.ts';

type StoredLimits = RouterOutputs['settings']['get'];

/** The stored limits as "label  value" lines, each labelled as the flag of `settings set` that changes it. */
export const settingsFields: readonly Column<StoredLimits>[] = [
  { header: 'global daily limit', value: (limits) => limits.globalDailyLimit },
  { header: 'restaurant daily limit', value: (limits) => limits.restaurantDailyLimit },
];

export const settingsNotes = [
  'The limits are stored in the database: every server process judges bookings by them at once.',
  'RESTAURANT_DAILY_LIMIT and GLOBAL_DAILY_LIMIT only give a new database its values. A restaurant',
  'with its own daily limit keeps it.',
];

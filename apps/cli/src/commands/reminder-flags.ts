import type { RouterInputs } from '@tablebook/client';
import type { FlagSpecs, FlagValues } from '../args/flags.ts';
import { parseReminders } from '../args/reminders.ts';

/** When guests are reminded; optional for create and update alike (a create gets 1440,120, an update keeps them). */
export const reminderFlags = {
  reminders: {
    type: 'string',
    valueName: 'MINUTES',
    description: 'e-mail reminders, in minutes before a timed booking starts, e.g. "1440,120"; "none" for no reminders',
  },
} as const satisfies FlagSpecs;

/** The help's explanation of --reminders, shared by restaurants create and update. */
export const reminderNotes = [
  '',
  '--reminders 1440,120 e-mails the guest of a timed booking a day and two hours before it starts (the',
  'default); each 5 to 10080 minutes (a week), at most 5 of them; "none" sends no reminders. Whole-day',
  'bookings get none. A change applies to bookings made or moved after it.',
];

export type ReminderFields = Partial<Pick<RouterInputs['restaurant']['create'], 'reminders'>>;

/** The reminders the flag gives, in the API's shape; left out when not given. */
export function reminderFieldsFromFlags(flags: FlagValues<typeof reminderFlags>): ReminderFields {
  return flags.reminders === undefined ? {} : { reminders: parseReminders(flags.reminders) };
}

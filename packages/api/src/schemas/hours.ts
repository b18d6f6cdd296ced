import { z } from 'zod';
import { overlappingRanges, SLOT_MINUTES } from '../rules/opening-hours.ts';
import { canonicalTimeZone, isKnownTimeZone } from '../rules/calendar.ts';
import { WEEKDAYS } from '../rules/zoned-time.ts';
import { calendarDate, exactInt } from './common.ts';

/** A time of day, "HH:MM" on a 24-hour clock. */
export const clockTime = (field: string) =>
  z
    .string({ error: `${field} must be a time written HH:MM` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${field} must be a time written HH:MM (00:00-23:59)`);

/** An IANA zone, stored under its canonical name ("utc" -> "UTC"); offsets such as "+05:00" are not zones (PostgreSQL reads their sign the other way). */
const timeZoneName = z
  .string({ error: 'timeZone must be a string' })
  .trim()
  .max(64, 'timeZone must be at most 64 characters')
  .refine((zone) => !/^[+-]|^\d/.test(zone) && isKnownTimeZone(zone), {
    error: 'timeZone must be an IANA time zone such as America/Bogota',
    params: { code: 'unknown_time_zone' },
  })
  .transform(canonicalTimeZone);

const dailyHours = z.object({ opens: clockTime('opens'), closes: clockTime('closes') });

const noOverlaps =
  (label: string) =>
  (
    ranges: readonly { opens: string; closes: string }[],
    context: z.core.$RefinementCtx<unknown>,
    path: (index: number) => PropertyKey[],
  ) => {
    for (const [first, second] of overlappingRanges(ranges)) {
      context.addIssue({
        code: 'custom',
        path: path(second),
        params: { code: 'ranges_overlap' },
        message: `${label}: ${ranges[second]?.opens}-${ranges[second]?.closes} overlaps ${ranges[first]?.opens}-${ranges[first]?.closes}`,
      });
    }
  };

/** `[{day, opens, closes}]`, several ranges a day allowed; ranges of one day must not overlap. */
const weeklyHours = z
  .array(z.object({ day: z.enum(WEEKDAYS, { error: `day must be one of ${WEEKDAYS.join(', ')}` }), ...dailyHours.shape }), {
    error: 'hours must be a list of {day, opens, closes}',
  })
  .max(70, 'hours must list at most 70 ranges')
  .superRefine((hours, context) => {
    // A range past midnight runs into the next day's morning: the next day's ranges must start after it.
    hours.forEach((late) => {
      if (late.closes > late.opens) return;
      const next = WEEKDAYS[(WEEKDAYS.indexOf(late.day) + 1) % 7];
      hours.forEach((early, earlyIndex) => {
        if (early.day === next && early.opens < late.closes) {
          context.addIssue({
            code: 'custom',
            path: [earlyIndex, 'opens'],
            params: { code: 'ranges_overlap' },
            message: `hours on ${next}: ${early.opens}-${early.closes} overlaps ${late.day}'s ${late.opens}-${late.closes}, which runs past midnight`,
          });
        }
      });
    });
    for (const day of WEEKDAYS) {
      const indexes = hours.flatMap((range, index) => (range.day === day ? [index] : []));
      noOverlaps(`hours on ${day}`)(
        indexes.map((index) => hours[index] as { opens: string; closes: string }),
        context as z.core.$RefinementCtx<unknown>,
        (position) => [indexes[position] as number, 'opens'],
      );
    }
  });

const specialDates = z
  .array(z.object({ date: calendarDate, hours: z.array(dailyHours).max(10, 'a date has at most 10 ranges') }), {
    error: 'specialDates must be a list of {date, hours}',
  })
  .max(400, 'specialDates must list at most 400 dates')
  .superRefine((dates, context) => {
    const seen = new Set<string>();
    dates.forEach((entry, index) => {
      if (seen.has(entry.date)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'date'],
          message: `${entry.date} is listed twice`,
          params: { code: 'listed_twice', value: entry.date },
        });
      }
      seen.add(entry.date);
      noOverlaps(`hours on ${entry.date}`)(entry.hours, context as z.core.$RefinementCtx<unknown>, (position) => [
        index,
        'hours',
        position,
        'opens',
      ]);
    });
  });

const slotMinutes = z.union(
  SLOT_MINUTES.map((value) => z.literal(value)),
  { error: `slotMinutes must be one of ${SLOT_MINUTES.join(', ')}` },
);

/** `[{maxPartySize, minutes}]` in ascending party size: how long each size of party holds its table. */
const turnTimes = z
  .array(z.object({ maxPartySize: exactInt('maxPartySize', 1, 20), minutes: exactInt('minutes', 15, 720) }), {
    error: 'turnTimes must be a list of {maxPartySize, minutes}',
  })
  .min(1, 'turnTimes must list at least one entry')
  .max(20, 'turnTimes must list at most 20 entries')
  .superRefine((entries, context) => {
    entries.forEach((entry, index) => {
      const previous = entries[index - 1];
      if (previous && entry.maxPartySize <= previous.maxPartySize) {
        context.addIssue({
          code: 'custom',
          path: [index, 'maxPartySize'],
          message: 'turnTimes must be in ascending maxPartySize',
          params: { code: 'not_ascending' },
        });
      }
    });
  });

/** The time-of-day fields of a restaurant, all optional on input (a PUT without them keeps them). */
export const bookingCalendarFields = {
  timeZone: timeZoneName.optional(),
  hours: weeklyHours.optional(),
  specialDates: specialDates.optional(),
  slotMinutes: slotMinutes.optional(),
  turnTimes: turnTimes.optional(),
  minAdvanceMinutes: exactInt('minAdvanceMinutes', 0, 525_600).optional(),
  maxAdvanceDays: exactInt('maxAdvanceDays', 1, 3650).nullable().optional(),
};

import type { Restaurant, RouterInputs, TablebookClient } from '@tablebook/client';
import type { FlagSpecs, FlagValues } from '../args/flags.ts';
import { parseTables } from '../args/tables.ts';
import { UsageError } from '../errors.ts';
import { resolveCity } from '../resolve/city.ts';
import { type CalendarFields, calendarFieldsFromFlags, calendarFlags } from './calendar-flags.ts';
import { type LimitFields, limitFieldsFromFlags, limitFlags } from './limit-flags.ts';
import { type ReminderFields, reminderFieldsFromFlags, reminderFlags } from './reminder-flags.ts';

/** The fields of a restaurant as flags: all needed to create one, any subset to update one. */
export const restaurantFieldFlags = {
  name: { type: 'string', valueName: 'NAME', description: 'the name (2 to 250 characters)' },
  address: { type: 'string', valueName: 'ADDRESS', description: 'the street address' },
  city: { type: 'string', valueName: 'CITY', description: 'city id, name, or "Name, Department"' },
  description: { type: 'string', valueName: 'TEXT', description: 'a short description' },
  'photo-url': { type: 'string', valueName: 'URL', description: 'an http(s) URL of a photo' },
} as const satisfies FlagSpecs;

/** The floor, optional for both: a new restaurant gets the API's default layout, an update keeps its own. */
export const tablesFlag = {
  tables: {
    type: 'string',
    valueName: 'LAYOUT',
    description: 'the tables as LABEL:SEATS pairs, e.g. "A0:4,A1:2,T:8" (replaces the whole layout)',
  },
} as const satisfies FlagSpecs;

/** "--name, --address, …", for messages. */
export const restaurantFieldNames = Object.keys({
  ...restaurantFieldFlags,
  ...tablesFlag,
  ...calendarFlags,
  ...limitFlags,
  ...reminderFlags,
}).map((name) => `--${name}`);

export type RestaurantBody = RouterInputs['restaurant']['create'];
type RestaurantField = keyof Pick<RestaurantBody, 'name' | 'address' | 'description' | 'photoUrl' | 'cityId'>;
type GivenFields = Partial<Pick<RestaurantBody, RestaurantField | 'tables'>> & CalendarFields & LimitFields & ReminderFields;

/** Which flag gives which field of the API's body. */
const flagOfField: Readonly<Record<RestaurantField, keyof typeof restaurantFieldFlags>> = {
  name: 'name',
  address: 'address',
  description: 'description',
  photoUrl: 'photo-url',
  cityId: 'city',
};

/** The body fields the flags give, the city resolved to its id; fields not given are left out. */
export async function fieldsFromFlags(
  client: TablebookClient,
  flags: FlagValues<typeof restaurantFieldFlags & typeof tablesFlag & typeof calendarFlags & typeof limitFlags & typeof reminderFlags>,
): Promise<GivenFields> {
  const fields: GivenFields = { ...calendarFieldsFromFlags(flags), ...limitFieldsFromFlags(flags), ...reminderFieldsFromFlags(flags) };
  if (flags.tables !== undefined) fields.tables = parseTables(flags.tables);
  for (const field of ['name', 'address', 'description', 'photoUrl'] as const) {
    const value = flags[flagOfField[field]];
    if (value !== undefined) fields[field] = value;
  }
  if (flags.city !== undefined) fields.cityId = (await resolveCity(client, flags.city)).id;
  return fields;
}

/** A create's body, or a usage error naming every flag still missing. */
export function completeBody(fields: GivenFields): RestaurantBody {
  const missing = (Object.keys(flagOfField) as RestaurantField[]).filter((field) => fields[field] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((field) => `--${flagOfField[field]}`).join(', ')}`);
  return fields as RestaurantBody;
}

/** The full body of an existing restaurant, for an update that changes only some fields. */
export const bodyOf = (restaurant: Restaurant): Pick<RestaurantBody, RestaurantField> => ({
  name: restaurant.name,
  address: restaurant.address,
  description: restaurant.description,
  photoUrl: restaurant.photoUrl,
  cityId: restaurant.city.id,
});

import type { City, Reservation, Restaurant } from '@tablebook/client';
import type { Column } from './table.ts';

/** "Armenia, Quindío": a city name alone can be ambiguous. */
export const cityLabel = (city: Pick<City, 'name' | 'deptName'>) => `${city.name}, ${city.deptName}`;

export const cityColumns: readonly Column<City>[] = [
  { header: 'ID', value: (city) => city.id, align: 'right' },
  { header: 'CITY', value: (city) => city.name },
  { header: 'DEPARTMENT', value: (city) => city.deptName },
];

const restaurantIdentity: readonly Column<Restaurant>[] = [
  { header: 'ID', value: (restaurant) => restaurant.id },
  { header: 'NAME', value: (restaurant) => restaurant.name },
  { header: 'CITY', value: (restaurant) => cityLabel(restaurant.city) },
  { header: 'ADDRESS', value: (restaurant) => restaurant.address },
];

/** The list's columns; with a day asked for, what each restaurant and the whole system can still take. */
export function restaurantColumns(withCapacity: boolean): readonly Column<Restaurant>[] {
  if (!withCapacity) return restaurantIdentity;
  return [
    ...restaurantIdentity,
    { header: 'FREE', value: (restaurant) => restaurant.restaurantRemaining, align: 'right' },
    { header: 'SYSTEM FREE', value: (restaurant) => restaurant.globalRemaining, align: 'right' },
  ];
}

/** A single restaurant, as "label  value" lines. */
export const restaurantFields: readonly Column<Restaurant>[] = (
  [
    ...restaurantIdentity,
    { header: 'DESCRIPTION', value: (restaurant) => restaurant.description },
    { header: 'PHOTO URL', value: (restaurant) => restaurant.photoUrl },
  ] satisfies Column<Restaurant>[]
).map((column) => ({ ...column, header: column.header.toLowerCase() }));

export const reservationColumns: readonly Column<Reservation>[] = [
  { header: 'DATE', value: (reservation) => reservation.date },
  { header: 'TABLE', value: (reservation) => reservation.table },
  { header: 'ID', value: (reservation) => reservation.id },
  { header: 'BOOKED AT', value: (reservation) => reservation.createdAt },
];

export const restaurantSummary = (restaurant: Pick<Restaurant, 'id' | 'name'>) => `"${restaurant.name}" (${restaurant.id})`;

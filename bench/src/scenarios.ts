// What each benchmarked request is. The product and the baseline answer the same paths, so one
// request generator drives both; only the tRPC scenario has no baseline route of its own (it is
// compared with the baseline's answer to the same search over REST).
import { addDays, TABLE_LABELS, type Dataset } from './dataset.ts';
import type { LoadRequest } from './load.ts';

export type ScenarioId =
  | 'search-prefix-city'
  | 'search-availability'
  | 'day-reservations'
  | 'day-slots'
  | 'time-search'
  | 'create-reservation'
  | 'search-trpc-batched';

export interface Scenario {
  id: ScenarioId;
  title: string;
  /** The baseline scenario this one is compared with (itself, or the same search over REST). */
  baseline: ScenarioId;
  /** Returns a generator of requests; `counter` is shared by every run so no booking repeats. */
  requests(dataset: Dataset, counter: { next: number }): () => LoadRequest;
}

const cycle = <T>(items: readonly T[]) => {
  let index = 0;
  return () => items[index++ % items.length]!;
};

/** Name prefixes and cities that find something: taken from the data set's own restaurants. */
const searchPairs = (dataset: Dataset) =>
  dataset.searchSamples.map(({ name, cityId }) => ({ startWith: name.slice(0, 3).toLowerCase(), cityId }));

/** A page of results, as the web app asks for. */
const PAGE = 20;
/** Days far from the data set's 90 and from each other: about ten bookings a day over ten years. */
const BOOKING_DAYS = 3650;
/** Party sizes asked for the slots of a day: each has its own turn time and tables that seat it. */
const SLOT_PARTY_SIZES = [2, 4, 6] as const;

export const scenarios: Scenario[] = [
  {
    id: 'search-prefix-city',
    title: 'Search: name prefix + city (REST)',
    baseline: 'search-prefix-city',
    requests: (dataset) => {
      const next = cycle(searchPairs(dataset));
      return () => {
        const { startWith, cityId } = next();
        return { method: 'GET', path: `/api/admin/restaurant?startWith=${encodeURIComponent(startWith)}&cityId=${cityId}` };
      };
    },
  },
  {
    id: 'search-trpc-batched',
    title: 'Search: name prefix + city (tRPC, batched)',
    baseline: 'search-prefix-city',
    requests: (dataset) => {
      const next = cycle(searchPairs(dataset));
      return () => {
        const input = encodeURIComponent(JSON.stringify({ 0: next() }));
        return { method: 'GET', path: `/trpc/restaurant.list?batch=1&input=${input}` };
      };
    },
  },
  {
    id: 'search-availability',
    title: `Search: date + minimum availability (page of ${PAGE})`,
    baseline: 'search-availability',
    requests: (dataset) => {
      const days = Array.from({ length: 90 }, (_, index) => addDays(dataset.firstDay, index));
      const next = cycle(days);
      return () => ({ method: 'GET', path: `/api/admin/restaurant?date=${next()}&aviability=3&limit=${PAGE}` });
    },
  },
  {
    id: 'day-reservations',
    title: "A restaurant's reservations for a day",
    baseline: 'day-reservations',
    requests: (dataset) => {
      let index = 0;
      return () => {
        const restaurant = dataset.restaurantIds[index % dataset.restaurantIds.length]!;
        // Restaurant i has a reservation on day (7i) mod 90: most requests find one.
        const day = addDays(dataset.firstDay, ((index % dataset.restaurantIds.length) * 7) % 90);
        index += 1;
        return { method: 'GET', path: `/api/admin/restaurant/${restaurant}/reservations?date=${day}` };
      };
    },
  },
  {
    id: 'day-slots',
    title: 'The slots of a day (20 tables, 36 bookings)',
    baseline: 'day-slots',
    requests: (dataset) => {
      let index = 0;
      return () => {
        // Every timed restaurant on each of its busy days, for a party of 2, 4 or 6.
        const restaurant = dataset.timedRestaurantIds[index % dataset.timedRestaurantIds.length]!;
        const day = dataset.busyDays[Math.floor(index / dataset.timedRestaurantIds.length) % dataset.busyDays.length]!;
        const partySize = SLOT_PARTY_SIZES[index % SLOT_PARTY_SIZES.length]!;
        index += 1;
        return { method: 'GET', path: `/api/restaurants/${restaurant}/slots?date=${day}&partySize=${partySize}` };
      };
    },
  },
  {
    id: 'time-search',
    title: `The time search: 20:00 for 4 (page of ${PAGE})`,
    baseline: 'time-search',
    requests: (dataset) => {
      const next = cycle(dataset.busyDays);
      return () => ({ method: 'GET', path: `/api/restaurants?date=${next()}&time=20:00&partySize=4&limit=${PAGE}` });
    },
  },
  {
    id: 'create-reservation',
    title: 'Create a reservation (limits raised)',
    baseline: 'create-reservation',
    requests: (dataset, counter) => {
      const firstBookingDay = addDays(dataset.firstDay, 120);
      return () => {
        const n = counter.next++;
        // Whole-day bookings (a table and a date), at the restaurants that book whole days.
        const restaurants = dataset.wholeDayRestaurantIds.length;
        const day = addDays(firstBookingDay, n % BOOKING_DAYS);
        const restaurant = dataset.wholeDayRestaurantIds[Math.floor(n / BOOKING_DAYS) % restaurants]!;
        const table = TABLE_LABELS[Math.floor(n / (BOOKING_DAYS * restaurants)) % TABLE_LABELS.length]!;
        return { method: 'POST', path: `/api/admin/restaurant/${restaurant}/reservations`, body: JSON.stringify({ table, date: day }) };
      };
    },
  },
];

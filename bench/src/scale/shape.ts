// The large data set's shape: the 500 set's (50 cities, every fifth restaurant booking times of day on
// the same twenty-table floor and hours, the others whole days on fifteen tables), grown to 100,000
// restaurants with 30 reservations each over two years (720 days: 3,000,000, about 4,200 a day).
// What must not grow with it is the size of each scenario's answer, or the comparison with the 500 set
// would measure bigger answers instead of the queries: a name-prefix search for three letters and a
// city still finds 5 restaurants, a restaurant still has at most one reservation a day, and the
// restaurants whose busy days the slots scenario reads still hold 36 bookings on each.
import { addDays, BUSY_DAYS, CITY_COUNT, SECOND_WORDS, type Dataset } from '../dataset.ts';

export const SCALE_RESTAURANTS = 100_000;
export const RESERVATIONS_PER_RESTAURANT = 30;
/** Restaurant i books times of day when i % TIMED_EVERY === TIMED_EVERY - 1 (as in the 500 set). */
const TIMED_EVERY = 5;
/**
 * Restaurant i has the seven busy days when i % BUSY_EVERY === TIMED_EVERY - 1: 100 of the 100,000, as
 * in the 500 set, so a busy day holds 3,600 bookings there as here (every slots request counts the
 * day's bookings for the global limit), near the 4,200 of a regular day.
 */
const BUSY_EVERY = 1000;
/** The reservations' days come in blocks of 90, the first one the 90 days the scenarios read (from firstDay). */
export const BLOCK_DAYS = 90;
/**
 * Which block reservation k of a restaurant falls in, by k % 8: four blocks ahead of firstDay, four
 * behind (a year back, a year ahead). Within its block it is on day (7i + 23·⌊k/8⌋) mod 90: k = 0 on
 * (7i) mod 90, the day the day-reservations scenario asks restaurant i for, and never two of one
 * restaurant on one day (so no table is held twice and no daily limit is near).
 */
export const BLOCKS = [0, 1, 2, 3, -1, -2, -3, -4] as const;
/** The steps of the day within a block: 7 per restaurant (the day-reservations scenario's), 23 per round of blocks. */
export const RESTAURANT_DAY_STEP = 7;
export const ROUND_DAY_STEP = 23;
/** The first day that holds reservations, relative to firstDay; the busy days follow the last one. */
export const FIRST_BLOCK_OFFSET = Math.min(...BLOCKS) * BLOCK_DAYS;
export const BUSY_DAYS_OFFSET = (Math.max(...BLOCKS) + 1) * BLOCK_DAYS;

/**
 * The names' first words: 400 made-up words with 400 different three-letter beginnings ("Bala",
 * "Mesa", "Toro"…). The 500 set's 20 first words would make "cas" match one restaurant in 20, 5,000 of
 * 100,000; these keep a three-letter prefix at 250 restaurants, 5 in each city, as "cas" and a city
 * find 5 of the 500. No name starts with a vowel, so a prefix such as "ab" finds nothing.
 */
const LEADING_WORDS = ['B', 'C', 'D', 'F', 'G', 'J', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'V', 'Y', 'Z'].flatMap((first) =>
  ['a', 'e', 'i', 'o', 'u'].flatMap((vowel) =>
    ['l', 'n', 'r', 's', 't'].map((middle, index) => `${first}${vowel}${middle}${index % 2 ? 'o' : 'a'}`),
  ),
);

/**
 * Restaurant i's name: its first word changes every 50 restaurants, so the 50 consecutive ones that
 * share it lie in the 50 cities, and a word comes back every 20,000 (5 times in 100,000).
 */
export const scaleName = (index: number) =>
  `${LEADING_WORDS[Math.floor(index / CITY_COUNT) % LEADING_WORDS.length]} ${SECOND_WORDS[Math.floor(index / (CITY_COUNT * LEADING_WORDS.length)) % SECOND_WORDS.length]} ${index + 1}`;

export const isTimed = (index: number) => index % TIMED_EVERY === TIMED_EVERY - 1;
export const isBusy = (index: number) => index % BUSY_EVERY === TIMED_EVERY - 1;

/** The searches' samples: 100 restaurants spread over the set and over the cities (index 1001·s). */
const sampleIndexes = (restaurants: number) => [...new Set(Array.from({ length: 100 }, (_, s) => (s * 1001) % restaurants))];

/**
 * The scenarios' view of the large set. `timedRestaurantIds` are the timed restaurants with busy days
 * (the slots scenario reads each of them on each busy day: 20 tables, 36 bookings, as in the 500 set);
 * the other timed restaurants hold only their regular reservations.
 */
export function scaleDataset(ids: readonly string[], cityIds: readonly number[], firstDay: string): Dataset {
  const cityOf = (index: number) => cityIds[index % cityIds.length]!;
  return {
    restaurantIds: [...ids],
    wholeDayRestaurantIds: ids.filter((_, index) => !isTimed(index)),
    timedRestaurantIds: ids.filter((_, index) => isBusy(index)),
    busyDays: Array.from({ length: BUSY_DAYS }, (_, index) => addDays(firstDay, BUSY_DAYS_OFFSET + index)),
    cityIds: [...cityIds],
    firstDay,
    searchSamples: sampleIndexes(ids.length).map((index) => ({ name: scaleName(index), cityId: cityOf(index) })),
  };
}

export interface DailyLimits {
  /** Most reservations one restaurant takes on one day. */
  restaurantDailyLimit: number;
  /** Most reservations the whole system takes on one day. */
  globalDailyLimit: number;
}

/** What the database holds for one day, read under that day's lock. */
export interface DayLoad {
  tableTaken: boolean;
  restaurantCount: number;
  globalCount: number;
}

export type BookingRefusal = 'TABLE_ALREADY_BOOKED' | 'GLOBAL_DAILY_LIMIT' | 'RESTAURANT_DAILY_LIMIT';

/**
 * The first booking rule a new reservation would break, in the seed's order (table, then system,
 * then restaurant), or null when it may be stored.
 */
export function firstBrokenRule(load: DayLoad, limits: DailyLimits): BookingRefusal | null {
  if (load.tableTaken) return 'TABLE_ALREADY_BOOKED';
  if (load.globalCount >= limits.globalDailyLimit) return 'GLOBAL_DAILY_LIMIT';
  if (load.restaurantCount >= limits.restaurantDailyLimit) return 'RESTAURANT_DAILY_LIMIT';
  return null;
}

export interface RemainingCapacity {
  restaurantRemaining: number;
  globalRemaining: number;
}

export function remainingCapacity(counts: { restaurantCount: number; globalCount: number }, limits: DailyLimits): RemainingCapacity {
  return {
    restaurantRemaining: Math.max(0, limits.restaurantDailyLimit - counts.restaurantCount),
    globalRemaining: Math.max(0, limits.globalDailyLimit - counts.globalCount),
  };
}

/** How many more bookings a restaurant can take that day: both limits count. */
export const bookableCount = (capacity: RemainingCapacity) => Math.min(capacity.restaurantRemaining, capacity.globalRemaining);

export interface RefusalDetails {
  table: string;
  date: string;
  restaurantName: string;
  limits: DailyLimits;
  /** A timed booking's local start, said after its day. */
  time?: string | null | undefined;
}

export function describeRefusal(refusal: BookingRefusal, details: RefusalDetails): string {
  const { table, restaurantName, limits } = details;
  const date = details.time ? `${details.date} at ${details.time}` : details.date;
  switch (refusal) {
    case 'TABLE_ALREADY_BOOKED':
      return `Table ${table} at "${restaurantName}" is already booked on ${date}`;
    case 'GLOBAL_DAILY_LIMIT':
      return `Cannot book table ${table} at "${restaurantName}" on ${date}: the system already has ${limits.globalDailyLimit} reservations that day (its daily limit)`;
    case 'RESTAURANT_DAILY_LIMIT':
      return `Cannot book table ${table} at "${restaurantName}" on ${date}: the restaurant already has ${limits.restaurantDailyLimit} reservations that day (its daily limit)`;
  }
}

import { bookableCount, DEFAULT_PARTY_SIZE, type RestaurantOutput, type SlotOutput } from '@tablebook/api/shared';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type CalendarDay, formatDay } from '../../lib/days.ts';
import { zoneName } from '../../lib/zoneName.ts';
import { freeForParty } from '../day/daySearch.ts';
import { formatClockTime, isAfterMidnight, isOtherZone, localDayOf } from '../day/slotTimes.ts';
import { restaurantDayOf } from './findDays.ts';
import { dayLink, slotLink } from './findFilters.ts';
import { useCardTables } from './useCardTables.ts';
import './find.css';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';

interface RestaurantCardProps {
  restaurant: RestaurantOutput;
  /** The day searched. */
  date: CalendarDay;
  /** The time searched, if any: the day page opens around it. */
  time?: string | undefined;
  /** The party searched for: the free tables counted are those that seat it, and its links keep it. */
  partySize?: number | undefined;
  /** When the search results were last read: the card's free tables are read again with them. */
  listUpdatedAt: number;
}

type Badge = { text: string; tone: 'free' | 'few' | 'full' } | undefined;
const toneOf = (tables: number): 'free' | 'few' | 'full' => (tables === 0 ? 'full' : tables <= 3 ? 'few' : 'free');

export function RestaurantCard({ restaurant, date, time, partySize, listUpdatedAt }: RestaurantCardProps) {
  const { t, locale } = useI18n();
  const party = partySize ?? DEFAULT_PARTY_SIZE;
  // The restaurant's own today decides what has passed: a day already gone in its zone is its today.
  const day = restaurantDayOf(date, restaurant.timeZone);
  const wholeDays = restaurant.hours.length === 0;
  const available = useCardTables(restaurant.id, day.date, wholeDays, listUpdatedAt);
  // Asked for a time: the nearest bookable times (the API sends them nearest first), shown in time order.
  const bookable = (restaurant.slots ?? []).filter((slot) => slot.bookable);
  const slots = [...bookable].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const seatsOf = new Map(restaurant.tables.map((table) => [table.label, table.seats]));
  const slotSeats = (slot: SlotOutput) => slot.freeTables.reduce((sum, label) => sum + (seatsOf.get(label) ?? 0), 0);

  // Tables and seats, never a count of bookings: what the party can sit at.
  let badge: Badge;
  if (wholeDays && available) {
    const free = freeForParty(available.freeTables, party);
    badge =
      bookableCount(available) === 0
        ? { text: t.find.fullyBooked, tone: 'full' }
        : { text: free.tables === 0 ? t.find.noTableFor(party) : t.find.tablesFree(free.tables, free.seats), tone: toneOf(free.tables) };
  } else if (!wholeDays && restaurant.restaurantRemaining !== undefined && restaurant.globalRemaining !== undefined) {
    const nearest = bookable[0];
    if (bookableCount({ restaurantRemaining: restaurant.restaurantRemaining, globalRemaining: restaurant.globalRemaining }) === 0) {
      badge = { text: t.find.fullyBooked, tone: 'full' };
    } else if (nearest) {
      badge = {
        text: t.find.tablesFreeAt(nearest.freeTables.length, slotSeats(nearest), formatClockTime(nearest.time, locale)),
        tone: toneOf(nearest.freeTables.length),
      };
    }
  }

  return (
    <article className="card restaurant-card" aria-labelledby={`restaurant-${restaurant.id}`}>
      <RestaurantPhoto url={restaurant.photoUrl} name={restaurant.name} className="restaurant-card__photo" />
      <div className="restaurant-card__body">
        <div className="restaurant-card__heading">
          <h3 id={`restaurant-${restaurant.id}`} className="restaurant-card__name">
            {restaurant.name}
          </h3>
          {badge ? <p className={`badge badge--${badge.tone}`}>{badge.text}</p> : null}
        </div>
        <p className="restaurant-card__city">
          {restaurant.city.name}, {restaurant.city.deptName}
        </p>
        <p className="restaurant-card__address">{restaurant.address}</p>
        <p className="restaurant-card__description">{restaurant.description}</p>
        {day.movedToToday ? <p className="field__hint">{t.find.alreadyThere(formatDay(day.date, locale))}</p> : null}
        {!wholeDays && time === undefined ? <p className="field__hint">{t.find.timesHint}</p> : null}
        {slots.length > 0 ? (
          <ul className="restaurant-card__slots" aria-label={t.find.slotsNear(restaurant.name)}>
            {slots.map((slot) => (
              <li key={slot.startsAt}>
                <Link className="button button--small restaurant-card__slot" to={slotLink(restaurant.id, date, slot.time, partySize)}>
                  {formatClockTime(slot.time, locale)}
                  {/* Past the night's midnight: the calendar day it starts on ("12:30 AM · Sat, Dec 5"). */}
                  {isAfterMidnight(slot, date) ? ` · ${formatDay(localDayOf(slot.startsAt), locale, 'short')}` : null}
                  <span className="visually-hidden"> — {restaurant.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {slots.length > 0 && isOtherZone(restaurant.timeZone) ? (
          <p className="field__hint" title={restaurant.timeZone}>
            {t.day.timed.localTimes(zoneName(restaurant.timeZone, locale))}
          </p>
        ) : null}
        <div className="restaurant-card__actions">
          <Link className="button button--primary" to={dayLink(restaurant.id, day.linkDate, time, partySize)}>
            {wholeDays ? t.find.seeTables : t.find.seeTimes}
            <span className="visually-hidden"> — {restaurant.name}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}

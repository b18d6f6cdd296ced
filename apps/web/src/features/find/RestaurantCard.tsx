import { bookableCount, type RestaurantOutput } from '@tablebook/api/shared';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type CalendarDay, formatDay } from '../../lib/days.ts';
import { formatClockTime, isAfterMidnight, isOtherZone, localDayOf } from '../day/slotTimes.ts';
import { dayLink, slotLink } from './findFilters.ts';
import './find.css';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';

/** How many more bookings the restaurant takes that day: its own limit and the system's both count. */
function placesLeft(restaurant: RestaurantOutput): number | undefined {
  const { restaurantRemaining, globalRemaining } = restaurant;
  if (restaurantRemaining === undefined || globalRemaining === undefined) return undefined;
  return bookableCount({ restaurantRemaining, globalRemaining });
}

interface RestaurantCardProps {
  restaurant: RestaurantOutput;
  /** The day searched. */
  date: CalendarDay;
  /** The day, when one was chosen (not today): the day page opens on it, else on the restaurant's today. */
  chosenDate?: CalendarDay | undefined;
  /** The time searched, if any: the day page opens around it. */
  time?: string | undefined;
  /** The party searched for with a time: its slots link to the day page for it. */
  partySize?: number | undefined;
}

export function RestaurantCard({ restaurant, date, chosenDate, time, partySize }: RestaurantCardProps) {
  const { t, locale } = useI18n();
  // Asked for a time: the nearest bookable times (the API sends them nearest first), shown in time order.
  const slots = [...(restaurant.slots ?? [])].filter((slot) => slot.bookable).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const places = placesLeft(restaurant);
  return (
    <article className="card restaurant-card" aria-labelledby={`restaurant-${restaurant.id}`}>
      <RestaurantPhoto url={restaurant.photoUrl} name={restaurant.name} className="restaurant-card__photo" />
      <div className="restaurant-card__body">
        <div className="restaurant-card__heading">
          <h3 id={`restaurant-${restaurant.id}`} className="restaurant-card__name">
            {restaurant.name}
          </h3>
          {places !== undefined ? (
            <p className={`badge ${places === 0 ? 'badge--full' : places <= 3 ? 'badge--few' : 'badge--free'}`}>
              {places === 0 ? t.find.fullyBooked : t.find.placesLeft(places)}
            </p>
          ) : null}
        </div>
        <p className="restaurant-card__city">
          {restaurant.city.name}, {restaurant.city.deptName}
        </p>
        <p className="restaurant-card__address">{restaurant.address}</p>
        <p className="restaurant-card__description">{restaurant.description}</p>
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
          <p className="field__hint">{t.day.timed.localTimes(restaurant.timeZone)}</p>
        ) : null}
        <div className="restaurant-card__actions">
          <Link className="button button--primary" to={dayLink(restaurant.id, chosenDate, time, partySize)}>
            {restaurant.hours.length > 0 ? t.find.seeTimes : t.find.seeTables}
            <span className="visually-hidden"> — {restaurant.name}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}

import { bookableCount, type RestaurantOutput } from '@tablebook/api/shared';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';

/** How many more bookings the restaurant takes that day: its own limit and the system's both count. */
function placesLeft(restaurant: RestaurantOutput): number | undefined {
  const { restaurantRemaining, globalRemaining } = restaurant;
  if (restaurantRemaining === undefined || globalRemaining === undefined) return undefined;
  return bookableCount({ restaurantRemaining, globalRemaining });
}

export function RestaurantCard({ restaurant, date }: { restaurant: RestaurantOutput; date: CalendarDay }) {
  const { t } = useI18n();
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
        <div className="restaurant-card__actions">
          <Link className="button button--primary" to={paths.day(restaurant.id, date)}>
            {restaurant.hours.length > 0 ? t.find.seeTimes : t.find.seeTables}
            <span className="visually-hidden"> — {restaurant.name}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}

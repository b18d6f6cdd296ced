import type { RestaurantOutput } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useSearchParamsState } from '../../lib/useSearchParamsState.ts';
import { useToday } from '../../lib/useToday.ts';
import { RestaurantPhoto } from '../../ui/RestaurantPhoto.tsx';
import { Loading, ProblemNotice } from '../../ui/states.tsx';
import { daySearchFrom, paramsOfDaySearch } from './daySearch.ts';
import { RestaurantDay } from './RestaurantDay.tsx';
import { linkedPickFrom, paramsOfTimedSearch, partySizes, timedSearchFrom } from './slotTimes.ts';
import { TimedRestaurantDay } from './TimedRestaurantDay.tsx';

/**
 * The restaurant's day: its tables for the chosen date, free or taken, and booking a free one; at a
 * restaurant with opening hours, its bookable times for a party instead.
 */
export function RestaurantDayPage() {
  const { restaurantId = '' } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const [params, changeParams] = useSearchParamsState();
  const restaurant = useQuery(trpc.guest.restaurant.queryOptions({ id: restaurantId }));
  // Today, the default day and "this day has passed" are the restaurant's, whatever the device's zone.
  const today = useToday(restaurant.data?.timeZone);
  const refusal = restaurant.isError ? problemOf(restaurant.error).reason : undefined;
  // A mistyped or deleted restaurant in the address: say so plainly rather than "invalid input".
  const missing = refusal === 'NOT_FOUND' || refusal === 'INVALID_INPUT';
  // The tab names the page in either case, as the 404 page does: "<title> · Tablebook".
  useDocumentTitle(missing ? t.day.notFoundTitle : (restaurant.data?.name ?? ''), t.app.name);

  if (restaurant.isPending) return <Loading />;
  if (restaurant.isError) {
    if (missing) {
      // A page with its level-one heading, as the 404 page is (axe: page-has-heading-one).
      return (
        <>
          <header className="page-header">
            <h1 className="page-title">{t.day.notFoundTitle}</h1>
            <p className="page-intro">{t.day.notFoundBody}</p>
          </header>
          <p>
            <Link className="button button--primary" to={paths.find()}>
              {t.common.backToFind}
            </Link>
          </p>
        </>
      );
    }
    return <ProblemNotice error={restaurant.error} onRetry={() => void restaurant.refetch()} />;
  }
  const largestParty = partySizes(restaurant.data.tables).length;
  if (restaurant.data.hours.length > 0) {
    const search = timedSearchFrom(params, today, largestParty);
    return (
      <>
        <RestaurantHeader restaurant={restaurant.data} />
        <TimedRestaurantDay
          restaurant={restaurant.data}
          search={search}
          today={today}
          linkedTime={linkedPickFrom(params)}
          onSearchChange={(changes) =>
            changeParams((current) => paramsOfTimedSearch({ ...timedSearchFrom(current, today, largestParty), ...changes }, today))
          }
        />
      </>
    );
  }
  return (
    <>
      <RestaurantHeader restaurant={restaurant.data} />
      <RestaurantDay
        restaurant={restaurant.data}
        search={daySearchFrom(params, today, largestParty)}
        today={today}
        // Today and a pair are left out of the address, like on the find page.
        onSearchChange={(changes) =>
          changeParams((current) => paramsOfDaySearch({ ...daySearchFrom(current, today, largestParty), ...changes }, today))
        }
      />
    </>
  );
}

function RestaurantHeader({ restaurant }: { restaurant: RestaurantOutput }) {
  const { t } = useI18n();
  return (
    <header className="page-header day-header">
      <RestaurantPhoto url={restaurant.photoUrl} name={restaurant.name} className="day-header__photo" />
      <div>
        <p className="page-kicker">
          {restaurant.city.name}, {restaurant.city.deptName}
        </p>
        <h1 className="page-title">{restaurant.name}</h1>
        <p className="page-intro">{restaurant.address}</p>
        <p className="day-header__description">{restaurant.description}</p>
        <nav className="inline-links" aria-label={t.day.relatedLinks}>
          <Link to={paths.find()}>{t.common.backToFind}</Link>
          <Link to={paths.cancel(restaurant.id)}>{t.day.cancelBooking}</Link>
        </nav>
      </div>
    </header>
  );
}

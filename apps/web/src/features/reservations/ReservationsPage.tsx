import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useToday } from '../../lib/useToday.ts';
import { EmptyState, Loading } from '../../ui/states.tsx';
import { ReservationFiltersForm } from './ReservationFiltersForm.tsx';
import { ReservationList } from './ReservationList.tsx';
import { useHostRestaurant } from './useHostRestaurant.ts';
import { ALL_DAYS, useReservationFilters } from './useReservationFilters.ts';

/**
 * A restaurant's reservations for one day (by default the restaurant's own today, in its zone) or for
 * every day, soonest first, live; at the last restaurant used when the address names none.
 */
export function ReservationsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { filters, update } = useReservationFilters();
  useDocumentTitle(t.reservations.title, t.app.name);
  const restaurantId = useHostRestaurant(filters.restaurantId);
  const restaurant = useQuery({ ...trpc.restaurant.byId.queryOptions({ id: restaurantId ?? '' }), enabled: restaurantId !== undefined });
  const zone = restaurant.data?.timeZone;
  const today = useToday(zone);
  // The restaurant's today, once its zone is known (never the device's: a host abroad sees the restaurant's day).
  const date = filters.date ?? (zone ? today : undefined);
  const shown = { ...filters, restaurantId, date };

  const body = () => {
    if (!restaurantId) return <EmptyState title={t.reservations.chooseRestaurant} />;
    if (!date) return restaurant.isError ? <EmptyState title={t.day.notFoundTitle} /> : <Loading />;
    return <ReservationList restaurantId={restaurantId} date={date === ALL_DAYS ? undefined : date} status={filters.status} />;
  };

  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.reservations.title}</h1>
        <p className="page-intro">{t.reservations.intro}</p>
      </header>
      <ReservationFiltersForm filters={shown} today={zone ? today : undefined} onChange={update} />
      {body()}
    </>
  );
}

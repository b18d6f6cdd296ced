import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { EmptyState } from '../../ui/states.tsx';
import { ReservationFiltersForm } from './ReservationFiltersForm.tsx';
import { ReservationList } from './ReservationList.tsx';
import { useReservationFilters } from './useReservationFilters.ts';

/** A restaurant's reservations, newest day first, for one day or all of them, live. */
export function ReservationsPage() {
  const { t } = useI18n();
  const { filters, update } = useReservationFilters();
  useDocumentTitle(t.reservations.title, t.app.name);
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.reservations.title}</h1>
        <p className="page-intro">{t.reservations.intro}</p>
      </header>
      <ReservationFiltersForm filters={filters} onChange={update} />
      {filters.restaurantId ? (
        <ReservationList restaurantId={filters.restaurantId} date={filters.date} status={filters.status} />
      ) : (
        <EmptyState title={t.reservations.chooseRestaurant} />
      )}
    </>
  );
}

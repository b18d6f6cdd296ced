import type { ReservationOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, formatInstant } from '../../lib/days.ts';

/** Reservations in the order the API gives them: newest day first. */
export function ReservationsTable({ reservations }: { reservations: readonly ReservationOutput[] }) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table reservations-table">
      <caption className="visually-hidden">{t.reservations.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.reservations.columns.date}</th>
          <th scope="col">{t.reservations.columns.table}</th>
          <th scope="col">{t.reservations.columns.bookedAt}</th>
        </tr>
      </thead>
      <tbody>
        {reservations.map((reservation) => (
          <tr key={reservation.id}>
            <td data-label={t.reservations.columns.date}>
              <time dateTime={reservation.date}>{formatDay(reservation.date, locale)}</time>
            </td>
            <td data-label={t.reservations.columns.table}>
              <span className="table-chip">{reservation.table}</span>
            </td>
            <td data-label={t.reservations.columns.bookedAt}>
              <time dateTime={reservation.createdAt}>{formatInstant(reservation.createdAt, locale)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { ReservationOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { actionsFor, type ReservationAction } from './reservationActions.ts';

interface ReservationsTableProps {
  reservations: readonly ReservationOutput[];
  onAction: (reservation: ReservationOutput, action: ReservationAction) => void;
}

/** Reservations in the order the API gives them (newest day first), each with what can be done next. */
export function ReservationsTable({ reservations, onAction }: ReservationsTableProps) {
  const { t, locale } = useI18n();
  return (
    <table className="data-table reservations-table">
      <caption className="visually-hidden">{t.reservations.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.reservations.columns.date}</th>
          <th scope="col">{t.reservations.columns.table}</th>
          <th scope="col">{t.reservations.columns.guest}</th>
          <th scope="col">{t.reservations.columns.party}</th>
          <th scope="col">{t.reservations.columns.status}</th>
          <th scope="col">{t.reservations.columns.notes}</th>
          <th scope="col">
            <span className="visually-hidden">{t.reservations.columns.actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {reservations.map((reservation) => {
          const who = reservation.guestName ?? t.reservations.noName;
          return (
            <tr key={reservation.id}>
              <td data-label={t.reservations.columns.date}>
                <time dateTime={reservation.date}>{formatDay(reservation.date, locale, 'short')}</time>
              </td>
              <td data-label={t.reservations.columns.table}>
                <span className="table-chip">{reservation.table}</span>
              </td>
              <th scope="row" data-label={t.reservations.columns.guest}>
                <span className="guest__name">{who}</span>
                {reservation.guestPhone ? <span className="guest__contact">{reservation.guestPhone}</span> : null}
                {reservation.guestEmail ? <span className="guest__contact">{reservation.guestEmail}</span> : null}
              </th>
              <td data-label={t.reservations.columns.party}>{t.reservations.party(reservation.partySize)}</td>
              <td data-label={t.reservations.columns.status}>
                <span className={`status status--${reservation.status}`}>{t.reservations.status[reservation.status]}</span>
                {reservation.cancelReason ? <span className="guest__contact">{reservation.cancelReason}</span> : null}
              </td>
              <td data-label={t.reservations.columns.notes} className="reservations-table__notes">
                {reservation.notes || '—'}
              </td>
              <td className="reservations-table__actions">
                <div className="row-actions">
                  {actionsFor(reservation.status).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className={`button button--small ${action === 'cancel' || action === 'noShow' ? 'button--danger-ghost' : 'button--ghost'}`}
                      onClick={() => onAction(reservation, action)}
                    >
                      {t.reservations.actions[action]}
                      <span className="visually-hidden">
                        {' — '}
                        {t.reservations.rowName(who, reservation.table, formatDay(reservation.date, locale, 'short'))}
                      </span>
                    </button>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

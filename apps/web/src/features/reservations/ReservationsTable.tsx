import type { ReservationOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { actionsFor, type ReservationAction } from './reservationActions.ts';
import { inListOrder, turnOf } from './reservationTimes.ts';
import './reservations.css';

interface ReservationsTableProps {
  reservations: readonly ReservationOutput[];
  /** The restaurant books times of day: a column gives each reservation's turn on its clock. */
  timed: boolean;
  onAction: (reservation: ReservationOutput, action: ReservationAction) => void;
}

/** Reservations newest day first, by start within a day, each with what can be done next. */
export function ReservationsTable({ reservations, timed, onAction }: ReservationsTableProps) {
  const { t, locale } = useI18n();
  /** "7:30 p. m.–9:00 p. m.", or "Whole day"; a start after midnight belongs to the date's night, and says so. */
  const turnText = (reservation: ReservationOutput) => {
    const turn = turnOf(reservation);
    if (!turn) return { range: t.timeline.wholeDay, afterMidnight: false };
    return {
      range: t.timeline.range(formatMinutes(turn.start, locale), formatMinutes(turn.end, locale)),
      afterMidnight: turn.start >= 1440,
    };
  };
  return (
    <table className="data-table reservations-table">
      <caption className="visually-hidden">{t.reservations.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.reservations.columns.date}</th>
          {timed ? <th scope="col">{t.reservations.columns.time}</th> : null}
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
        {inListOrder(reservations).map((reservation) => {
          const who = reservation.guestName ?? t.reservations.noName;
          const turn = timed ? turnText(reservation) : undefined;
          const shortDay = formatDay(reservation.date, locale, 'short');
          return (
            <tr key={reservation.id}>
              <td data-label={t.reservations.columns.date}>
                <time dateTime={reservation.date}>{shortDay}</time>
              </td>
              {turn ? (
                <td data-label={t.reservations.columns.time} className="reservations-table__time">
                  <time dateTime={reservation.startsAt}>{turn.range}</time>
                  {turn.afterMidnight ? <span className="reservations-table__night">{t.reservations.afterMidnight}</span> : null}
                </td>
              ) : null}
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
                        {t.reservations.rowName(who, reservation.table, turn ? `${shortDay}, ${turn.range}` : shortDay)}
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

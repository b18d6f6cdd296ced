import type { ReservationOutput } from '@tablebook/api/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { actionsFor, type ReservationAction } from './reservationActions.ts';
import { byDayInListOrder, turnOf } from './reservationTimes.ts';
import './reservations.css';

interface ReservationsTableProps {
  reservations: readonly ReservationOutput[];
  /** The restaurant books times of day: a column gives each reservation's turn on its clock. */
  timed: boolean;
  /** Several days are listed: each starts with its own heading row (one day needs none, the title names it). */
  byDay: boolean;
  onAction: (reservation: ReservationOutput, action: ReservationAction) => void;
}

/**
 * Reservations the soonest day first, by start within a day (whole days first), each with what can be
 * done next; the notes go under the guest's name and contacts. On a wide screen every line keeps to one
 * line (a long name, e-mail or note is cut with an ellipsis, its full text in the tooltip); on a phone the
 * rows become cards.
 */
export function ReservationsTable({ reservations, timed, byDay, onAction }: ReservationsTableProps) {
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
  const columns = timed ? 6 : 5;
  return (
    <table className="data-table reservations-table">
      <caption className="visually-hidden">{t.reservations.caption}</caption>
      <thead>
        <tr>
          {timed ? <th scope="col">{t.reservations.columns.time}</th> : null}
          <th scope="col">{t.reservations.columns.table}</th>
          <th scope="col">{t.reservations.columns.guest}</th>
          <th scope="col">{t.reservations.columns.party}</th>
          <th scope="col">{t.reservations.columns.status}</th>
          <th scope="col">
            <span className="visually-hidden">{t.reservations.columns.actions}</span>
          </th>
        </tr>
      </thead>
      {byDayInListOrder(reservations).map(({ date, reservations: ofDay }) => (
        <tbody key={date}>
          {byDay ? (
            <tr className="reservations-table__day">
              <th scope="colgroup" colSpan={columns}>
                <time dateTime={date}>{formatDay(date, locale)}</time>
              </th>
            </tr>
          ) : null}
          {ofDay.map((reservation) => {
            const who = reservation.guestName ?? t.reservations.noName;
            const turn = timed ? turnText(reservation) : undefined;
            const shortDay = formatDay(reservation.date, locale, 'short');
            return (
              <tr key={reservation.id}>
                {turn ? (
                  <td data-label={t.reservations.columns.time} className="reservations-table__time">
                    <time dateTime={reservation.startsAt}>{turn.range}</time>
                    {turn.afterMidnight ? <span className="reservations-table__night">{t.reservations.afterMidnight}</span> : null}
                  </td>
                ) : null}
                <td data-label={t.reservations.columns.table}>
                  <span className="table-chip">{reservation.table}</span>
                </td>
                <th scope="row" data-label={t.reservations.columns.guest} className="reservations-table__guest">
                  <span className="guest__name">{who}</span>
                  {reservation.guestPhone ? <span className="guest__contact">{reservation.guestPhone}</span> : null}
                  {reservation.guestEmail ? (
                    <span className="guest__contact" title={reservation.guestEmail}>
                      {reservation.guestEmail}
                    </span>
                  ) : null}
                  {/* The notes go with the guest (no column of their own, so a row fits 1280 px). */}
                  {reservation.notes ? (
                    <span className="guest__contact guest__notes" title={reservation.notes}>
                      <span className="visually-hidden">{t.reservations.columns.notes}: </span>
                      {reservation.notes}
                    </span>
                  ) : null}
                </th>
                <td data-label={t.reservations.columns.party} className="reservations-table__party">
                  {reservation.partySize}
                  <span className="visually-hidden"> ({t.reservations.party(reservation.partySize)})</span>
                </td>
                <td data-label={t.reservations.columns.status}>
                  <span className={`status status--${reservation.status}`}>{t.reservations.status[reservation.status]}</span>
                  {reservation.cancelReason ? (
                    <span className="guest__contact" title={reservation.cancelReason}>
                      {reservation.cancelReason}
                    </span>
                  ) : null}
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
      ))}
    </table>
  );
}

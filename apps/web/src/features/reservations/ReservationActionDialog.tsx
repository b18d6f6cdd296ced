import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { MoveTimeField } from './MoveTimeField.tsx';
import type { ReservationAction } from './reservationActions.ts';
import { turnOf } from './reservationTimes.ts';
import type { ActionRequest } from './useReservationAction.ts';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

interface ReservationActionDialogProps {
  reservation: ReservationOutput;
  action: ReservationAction;
  /** The restaurant, for a move: its tables, and its opening hours when it books times of day. */
  restaurant: RestaurantOutput | undefined;
  busy: boolean;
  onConfirm: (request: ActionRequest) => void;
  onCancel: () => void;
}

/** The in-page confirmation of an action, with its fields: a reason to cancel, or where to move. */
export function ReservationActionDialog({ reservation, action, restaurant, busy, onConfirm, onCancel }: ReservationActionDialogProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(reservation.date);
  const [table, setTable] = useState(reservation.table);
  const [partySize, setPartySize] = useState(String(reservation.partySize));
  const [time, setTime] = useState(reservation.time ?? '');
  const [timeError, setTimeError] = useState<string | undefined>(undefined);
  const dateId = useId();
  const tableId = useId();
  const partyId = useId();
  const who = reservation.guestName ?? t.reservations.noName;
  const turn = turnOf(reservation);
  const day = turn
    ? `${formatDay(reservation.date, locale)}, ${t.timeline.range(formatMinutes(turn.start, locale), formatMinutes(turn.end, locale))}`
    : formatDay(reservation.date, locale);
  // A restaurant that books times moves a reservation to a time too (a whole-day one may stay whole-day).
  const timed = restaurant !== undefined && (restaurant.hours.length > 0 || reservation.time !== null);

  const confirm = () => {
    if (action === 'cancel') return onConfirm({ action, reservation, reason });
    if (action === 'move') {
      const size = Number(partySize);
      const timeValid = time === '' ? reservation.time === null : CLOCK.test(time);
      setTimeError(timed && !timeValid ? t.manage.validation.calendar.time : undefined);
      if (!isCalendarDay(date) || !Number.isInteger(size) || (timed && !timeValid)) return;
      return onConfirm({ action, reservation, move: { date, table, partySize: size, ...(timed && time ? { time } : {}) } });
    }
    return onConfirm({ action, reservation });
  };

  return (
    <ConfirmDialog
      open
      hasFields={action === 'move' || action === 'cancel'}
      busy={busy}
      tone={action === 'cancel' || action === 'noShow' ? 'danger' : 'default'}
      title={t.reservations.confirmTitle[action](who)}
      confirmLabel={t.reservations.confirmAction[action]}
      cancelLabel={t.common.back}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p className="dialog__lead">{t.reservations.confirmBody(reservation.table, day, reservation.partySize)}</p>
      {action === 'cancel' ? (
        <TextField
          label={t.reservations.reason}
          name="reason"
          value={reason}
          multiline
          hint={t.reservations.reasonHint}
          onChange={setReason}
        />
      ) : null}
      {action === 'move' ? (
        <div className="booking-fields">
          <div className="field">
            <label htmlFor={dateId} className="field__label">
              {t.reservations.moveDate}
            </label>
            <input id={dateId} className="input" type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
          </div>
          {timed && restaurant ? (
            <MoveTimeField
              date={date}
              restaurant={restaurant}
              value={time}
              wholeDay={reservation.time === null}
              error={timeError}
              onChange={(next) => {
                setTime(next);
                setTimeError(undefined);
              }}
            />
          ) : null}
          <div className="field">
            <label htmlFor={tableId} className="field__label">
              {t.reservations.moveTable}
            </label>
            <select id={tableId} className="input" value={table} onChange={(event) => setTable(event.target.value)}>
              {(restaurant?.tables ?? []).map((option) => (
                <option key={option.label} value={option.label}>
                  {t.reservations.tableOption(option.label, option.seats)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={partyId} className="field__label">
              {t.booking.fields.partySize}
            </label>
            <input
              id={partyId}
              className="input input--short"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              value={partySize}
              onChange={(event) => setPartySize(event.target.value)}
            />
          </div>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}

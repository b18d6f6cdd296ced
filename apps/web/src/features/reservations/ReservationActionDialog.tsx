import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { ReservationAction } from './reservationActions.ts';
import type { ActionRequest } from './useReservationAction.ts';

interface ReservationActionDialogProps {
  reservation: ReservationOutput;
  action: ReservationAction;
  /** The restaurant's tables, for a move. */
  tables: RestaurantOutput['tables'];
  busy: boolean;
  onConfirm: (request: ActionRequest) => void;
  onCancel: () => void;
}

/** The in-page confirmation of an action, with its fields: a reason to cancel, or where to move. */
export function ReservationActionDialog({ reservation, action, tables, busy, onConfirm, onCancel }: ReservationActionDialogProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(reservation.date);
  const [table, setTable] = useState(reservation.table);
  const [partySize, setPartySize] = useState(String(reservation.partySize));
  const dateId = useId();
  const tableId = useId();
  const partyId = useId();
  const who = reservation.guestName ?? t.reservations.noName;
  const day = formatDay(reservation.date, locale);

  const confirm = () => {
    if (action === 'cancel') return onConfirm({ action, reservation, reason });
    if (action === 'move') {
      const size = Number(partySize);
      if (!isCalendarDay(date) || !Number.isInteger(size)) return;
      return onConfirm({ action, reservation, move: { date, table, partySize: size } });
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
          <div className="field">
            <label htmlFor={tableId} className="field__label">
              {t.reservations.moveTable}
            </label>
            <select id={tableId} className="input" value={table} onChange={(event) => setTable(event.target.value)}>
              {tables.map((option) => (
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

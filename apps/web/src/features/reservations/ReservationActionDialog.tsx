import type { ReservationOutput } from '@tablebook/api/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatMinutes } from '../timeline/timeFormat.ts';
import type { ReservationAction } from './reservationActions.ts';
import { turnOf } from './reservationTimes.ts';
import type { ActionRequest } from './useReservationAction.ts';

interface ReservationActionDialogProps {
  reservation: ReservationOutput;
  /** Every action but a move, which has its own dialog (ReservationMoveDialog). */
  action: Exclude<ReservationAction, 'move'>;
  busy: boolean;
  /** The server's refusal of the last attempt: shown in place, the reason typed kept. */
  error: unknown;
  onConfirm: (request: ActionRequest) => void;
  onCancel: () => void;
}

/** The in-page confirmation of a status change or a cancellation (with its optional reason). */
export function ReservationActionDialog({ reservation, action, busy, error, onConfirm, onCancel }: ReservationActionDialogProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const who = reservation.guestName ?? t.reservations.noName;
  const turn = turnOf(reservation);
  const day = turn
    ? `${formatDay(reservation.date, locale)}, ${t.timeline.range(formatMinutes(turn.start, locale), formatMinutes(turn.end, locale))}`
    : formatDay(reservation.date, locale);

  const confirm = () => (action === 'cancel' ? onConfirm({ action, reservation, reason }) : onConfirm({ action, reservation }));

  return (
    <ConfirmDialog
      open
      hasFields={action === 'cancel'}
      busy={busy}
      tone={action === 'cancel' || action === 'noShow' ? 'danger' : 'default'}
      title={t.reservations.confirmTitle[action](who)}
      confirmLabel={t.reservations.confirmAction[action]}
      cancelLabel={t.common.back}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p className="dialog__lead">{t.reservations.confirmBody(reservation.table, day, reservation.partySize)}</p>
      {error ? (
        <div className="reservation-dialog__problem">
          <ProblemNotice error={error} />
        </div>
      ) : null}
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
    </ConfirmDialog>
  );
}

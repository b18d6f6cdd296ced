import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, isCalendarDay } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { chosenTable, tableOptions } from '../timeline/freeTables.ts';
import { PartySizeField } from '../timeline/PartySizeField.tsx';
import { lookupPartySize, partyProblem, partySizeOf } from '../timeline/partySize.ts';
import { TableChoiceField } from '../timeline/TableChoiceField.tsx';
import { dayRanges, placeOfTime, turnMinutes } from '../timeline/timelineLayout.ts';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { useFreeTables } from '../timeline/useFreeTables.ts';
import { MoveTimeField } from './MoveTimeField.tsx';
import { turnOf } from './reservationTimes.ts';
import type { ActionRequest } from './useReservationAction.ts';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

interface ReservationMoveDialogProps {
  reservation: ReservationOutput;
  restaurant: RestaurantOutput;
  busy: boolean;
  /** The server's refusal of the last attempt: shown in place, every field keeping what was typed. */
  error: unknown;
  onConfirm: (request: ActionRequest) => void;
  onCancel: () => void;
}

/**
 * A move from the list: a new day, a new start (at a restaurant that books times), a free table that
 * seats the party then (the slots of that date for the party), and the party (1..20, no more than the
 * table seats). Checked before sending; a refusal keeps the dialog open with what was typed.
 */
export function ReservationMoveDialog({ reservation, restaurant, busy, error, onConfirm, onCancel }: ReservationMoveDialogProps) {
  const { t, locale } = useI18n();
  const dateId = useId();
  const [date, setDate] = useState(reservation.date);
  const [time, setTime] = useState(reservation.time ?? '');
  const [timeError, setTimeError] = useState<string | undefined>(undefined);
  const [explicitTable, setExplicitTable] = useState<string | undefined>(reservation.table);
  const [partyText, setPartyText] = useState(String(reservation.partySize));
  const [lastParty, setLastParty] = useState(reservation.partySize);
  const [tried, setTried] = useState(false);
  const who = reservation.guestName ?? t.reservations.noName;
  const turn = turnOf(reservation);
  const now = turn
    ? `${formatDay(reservation.date, locale)}, ${t.timeline.range(formatMinutes(turn.start, locale), formatMinutes(turn.end, locale))}`
    : formatDay(reservation.date, locale);
  // A restaurant that books times moves a reservation to a time too (a whole-day one may stay whole-day).
  const timed = restaurant.hours.length > 0 || reservation.time !== null;
  const day = isCalendarDay(date) ? date : undefined;
  const party = lookupPartySize(partyText, lastParty);
  const placed = day && CLOCK.test(time) ? placeOfTime(time, dayRanges(day, restaurant)) : undefined;
  const start =
    !timed || (time === '' && reservation.time === null) ? 'wholeDay' : placed === undefined ? undefined : { time, minutes: placed };
  const lookup = useFreeTables({
    restaurant,
    date: day,
    partySize: party,
    start,
    durationMinutes:
      party === reservation.partySize && reservation.durationMinutes !== null
        ? reservation.durationMinutes
        : turnMinutes(party, restaurant.turnTimes),
    moving: { id: reservation.id, table: reservation.table },
  });
  const tableLabel = chosenTable(lookup.free, explicitTable);
  const table = restaurant.tables.find((entry) => entry.label === tableLabel);

  const confirm = () => {
    setTried(true);
    const size = partySizeOf(partyText);
    const timeValid = time === '' ? reservation.time === null : CLOCK.test(time);
    setTimeError(timed && !timeValid ? t.manage.validation.calendar.time : undefined);
    if (!day || (timed && !timeValid) || partyProblem(partyText, table) || size === undefined || !tableLabel) return;
    onConfirm({
      action: 'move',
      reservation,
      move: {
        date: day,
        table: tableLabel,
        // Sent only when changed: an unchanged party keeps the reservation's own turn length.
        ...(size === reservation.partySize ? {} : { partySize: size }),
        ...(timed && time ? { time } : {}),
      },
    });
  };

  return (
    <ConfirmDialog
      open
      hasFields
      busy={busy}
      title={t.reservations.confirmTitle.move(who)}
      confirmLabel={t.reservations.confirmAction.move}
      cancelLabel={t.common.back}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      <p className="dialog__lead">{t.reservations.confirmBody(reservation.table, now, reservation.partySize)}</p>
      {error ? (
        <div className="reservation-dialog__problem">
          <ProblemNotice error={error} />
        </div>
      ) : null}
      <div className="booking-fields">
        <div className="field">
          <label htmlFor={dateId} className="field__label">
            {t.reservations.moveDate}
          </label>
          <input id={dateId} className="input" type="date" required value={date} onChange={(event) => setDate(event.target.value)} />
        </div>
        {timed ? (
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
        <TableChoiceField
          label={t.reservations.moveTable}
          options={tableOptions(lookup.free, restaurant.tables, explicitTable, party)}
          value={tableLabel}
          loading={lookup.loading}
          error={tried && !tableLabel ? t.host.validation.tableNone : undefined}
          onChange={setExplicitTable}
        />
        <PartySizeField
          value={partyText}
          seats={table?.seats}
          problem={tried ? partyProblem(partyText, table) : undefined}
          onChange={(text) => {
            setPartyText(text);
            setLastParty((last) => lookupPartySize(text, last));
          }}
        />
      </div>
    </ConfirmDialog>
  );
}

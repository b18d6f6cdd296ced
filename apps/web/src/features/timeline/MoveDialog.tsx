import { instantOf, type ReservationOutput, type RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { busyTables, minutesIntoDay, timeChoices, turnMinutes, type DayRange } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';

export interface MoveChoice {
  time: string;
  table: string;
}

interface MoveDialogProps {
  reservation: ReservationOutput;
  restaurant: RestaurantOutput;
  date: CalendarDay;
  ranges: readonly DayRange[];
  /** The day's reservations, to mark the tables another one holds at the chosen time. */
  reservations: readonly ReservationOutput[];
  busy: boolean;
  /** The server's refusal of the last attempt: shown above the fields, which keep what was chosen. */
  error: unknown;
  onConfirm: (choice: MoveChoice) => void;
  onCancel: () => void;
}

/** Where to move a reservation on its day: a new start (the day's opening hours, on the slot grid) and a new table. */
export function MoveDialog({ reservation, restaurant, date, ranges, reservations, busy, error, onConfirm, onCancel }: MoveDialogProps) {
  const { t, locale } = useI18n();
  const timeId = useId();
  const tableId = useId();
  const hintId = useId();
  const start = minutesIntoDay(date, reservation.startsAt);
  const end = minutesIntoDay(date, reservation.endsAt);
  const choices = timeChoices(ranges, restaurant.slotMinutes, {
    date,
    timeZone: restaurant.timeZone,
    current: reservation.time === null ? undefined : start,
  });
  const [time, setTime] = useState(reservation.time ?? choices[0]?.time ?? '');
  const [table, setTable] = useState(reservation.table);
  const chosen = choices.find((choice) => choice.time === time);
  const duration = reservation.durationMinutes ?? turnMinutes(reservation.partySize, restaurant.turnTimes);
  const chosenAt = chosen ? instantOf(date, chosen.minutes, restaurant.timeZone) : null;
  const taken = chosenAt === null ? new Set<string>() : busyTables(reservations, reservation.id, chosenAt, duration);
  const who = reservation.guestName ?? t.reservations.noName;
  const now = reservation.time === null ? t.timeline.wholeDay : t.timeline.range(formatMinutes(start, locale), formatMinutes(end, locale));
  const timeLabel = (minutes: number) => {
    const clock = formatMinutes(minutes, locale);
    return minutes >= 1440 ? t.timeline.move.nextDay(clock) : clock;
  };
  const tableLabel = (label: string, seats: number) => {
    const notes = [
      ...(taken.has(label) ? [t.timeline.move.taken] : []),
      ...(seats < reservation.partySize ? [t.timeline.move.tooSmall] : []),
    ];
    return [t.reservations.tableOption(label, seats), ...notes].join(' — ');
  };

  return (
    <ConfirmDialog
      open
      hasFields
      busy={busy}
      title={t.timeline.move.title(who)}
      confirmLabel={t.timeline.move.confirm}
      cancelLabel={t.common.back}
      onConfirm={() => onConfirm({ time, table })}
      onCancel={onCancel}
    >
      <p className="dialog__lead">{t.timeline.move.body(reservation.table, now, reservation.partySize)}</p>
      {error ? (
        <div className="timeline-move__problem">
          <ProblemNotice error={error} />
        </div>
      ) : null}
      <div className="booking-fields timeline-move__fields">
        <div className="field">
          <label htmlFor={timeId} className="field__label">
            {t.timeline.move.time}
          </label>
          <select id={timeId} className="input" value={time} aria-describedby={hintId} onChange={(event) => setTime(event.target.value)}>
            {choices.map((choice) => (
              <option key={choice.minutes} value={choice.time}>
                {timeLabel(choice.minutes)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={tableId} className="field__label">
            {t.timeline.move.table}
          </label>
          <select id={tableId} className="input" value={table} aria-describedby={hintId} onChange={(event) => setTable(event.target.value)}>
            {restaurant.tables.map((option) => (
              <option key={option.label} value={option.label}>
                {tableLabel(option.label, option.seats)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={hintId} className="field__hint">
        {t.timeline.move.hint}
      </p>
    </ConfirmDialog>
  );
}

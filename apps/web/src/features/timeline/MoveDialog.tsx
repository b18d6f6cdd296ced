import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { chosenTable, tableOptions } from './freeTables.ts';
import { PartySizeField } from './PartySizeField.tsx';
import { lookupPartySize, partyProblem, partySizeOf } from './partySize.ts';
import { TableChoiceField } from './TableChoiceField.tsx';
import { minutesIntoDay, timeChoices, turnMinutes, type DayRange } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';
import { useFreeTables } from './useFreeTables.ts';

export interface MoveChoice {
  time: string;
  table: string;
  partySize: number;
}

interface MoveDialogProps {
  reservation: ReservationOutput;
  restaurant: RestaurantOutput;
  date: CalendarDay;
  ranges: readonly DayRange[];
  busy: boolean;
  /** The server's refusal of the last attempt: shown above the fields, which keep what was chosen. */
  error: unknown;
  onConfirm: (choice: MoveChoice) => void;
  onCancel: () => void;
}

/**
 * Where to move a reservation on its day: a new start (the day's opening hours, on the slot grid), a
 * free table that seats the party then, and the party (1..20, no more than that table seats).
 */
export function MoveDialog({ reservation, restaurant, date, ranges, busy, error, onConfirm, onCancel }: MoveDialogProps) {
  const { t, locale } = useI18n();
  const timeId = useId();
  const hintId = useId();
  const start = minutesIntoDay(date, reservation.startsAt);
  const end = minutesIntoDay(date, reservation.endsAt);
  const choices = timeChoices(ranges, restaurant.slotMinutes, {
    date,
    timeZone: restaurant.timeZone,
    current: reservation.time === null ? undefined : start,
  });
  const [time, setTime] = useState(reservation.time ?? choices[0]?.time ?? '');
  const [explicitTable, setExplicitTable] = useState<string | undefined>(reservation.table);
  const [partyText, setPartyText] = useState(String(reservation.partySize));
  const [lastParty, setLastParty] = useState(reservation.partySize);
  const [tried, setTried] = useState(false);
  const party = lookupPartySize(partyText, lastParty);
  // A move keeps the reservation's own turn length unless the party changes (as the server does).
  const duration =
    party === reservation.partySize && reservation.durationMinutes !== null
      ? reservation.durationMinutes
      : turnMinutes(party, restaurant.turnTimes);
  const lookup = useFreeTables({
    restaurant,
    date,
    partySize: party,
    start: choices.find((choice) => choice.time === time),
    durationMinutes: duration,
    moving: { id: reservation.id, table: reservation.table },
  });
  const tableLabel = chosenTable(lookup.free, explicitTable);
  const table = restaurant.tables.find((entry) => entry.label === tableLabel);
  const partyIssue = tried ? partyProblem(partyText, table) : undefined;
  const who = reservation.guestName ?? t.reservations.noName;
  const now = reservation.time === null ? t.timeline.wholeDay : t.timeline.range(formatMinutes(start, locale), formatMinutes(end, locale));
  const timeLabel = (minutes: number) => {
    const clock = formatMinutes(minutes, locale);
    return minutes >= 1440 ? t.timeline.move.nextDay(clock) : clock;
  };
  const confirm = () => {
    setTried(true);
    const size = partySizeOf(partyText);
    if (partyProblem(partyText, table) || size === undefined || !tableLabel) return;
    onConfirm({ time, table: tableLabel, partySize: size });
  };

  return (
    <ConfirmDialog
      open
      hasFields
      busy={busy}
      title={t.timeline.move.title(who)}
      confirmLabel={t.timeline.move.confirm}
      cancelLabel={t.common.back}
      onConfirm={confirm}
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
        <TableChoiceField
          label={t.timeline.move.table}
          options={tableOptions(lookup.free, restaurant.tables, explicitTable, party)}
          value={tableLabel}
          loading={lookup.loading}
          error={tried && !tableLabel ? t.host.validation.tableNone : undefined}
          onChange={setExplicitTable}
        />
        <PartySizeField
          value={partyText}
          seats={table?.seats}
          problem={partyIssue}
          onChange={(text) => {
            setPartyText(text);
            setLastParty((last) => lookupPartySize(text, last));
          }}
        />
      </div>
      <p id={hintId} className="field__hint">
        {t.timeline.move.hint}
      </p>
    </ConfirmDialog>
  );
}

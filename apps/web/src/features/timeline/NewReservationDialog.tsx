import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay, type CalendarDay } from '../../lib/days.ts';
import { zoneName } from '../../lib/zoneName.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { chosenTable, tableOptions } from './freeTables.ts';
import {
  checkNewReservation,
  upcomingTimes,
  WALK_IN,
  walkInStart,
  type FieldProblem,
  type NewReservationField,
  type NewReservationValues,
} from './newReservation.ts';
import { PartySizeField } from './PartySizeField.tsx';
import { lookupPartySize } from './partySize.ts';
import { TableChoiceField } from './TableChoiceField.tsx';
import { timeChoices, turnMinutes, type DayRange } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';
import { useCreateReservation } from './useCreateReservation.ts';
import { useFreeTables } from './useFreeTables.ts';

/** Where the dialog starts: a time ("HH:MM" or WALK_IN) and a table, from a click on the timeline or a button. */
export interface NewReservationStart {
  time?: string | undefined;
  table?: string | undefined;
}

interface NewReservationDialogProps {
  restaurant: RestaurantOutput;
  date: CalendarDay;
  ranges: readonly DayRange[];
  /** Now, kept current by the page (a minute's precision is enough to offer starts). */
  now: Date;
  start: NewReservationStart;
  onDone: (created: ReservationOutput) => void;
  onCancel: () => void;
}

/**
 * A reservation taken at the host stand, by phone or for a walk-in: a name, the party, a start on the
 * day's grid (or now), a free table that seats the party then, and optionally a phone, an e-mail and
 * notes. Checked before sending; a refusal is shown in place and every typed value is kept.
 */
export function NewReservationDialog({ restaurant, date, ranges, now, start, onDone, onCancel }: NewReservationDialogProps) {
  const { t, locale } = useI18n();
  const timeId = useId();
  const zoned = { date, timeZone: restaurant.timeZone };
  const grid = timeChoices(ranges, restaurant.slotMinutes, zoned);
  const walkIn = walkInStart(now.getTime(), date, ranges, restaurant.timeZone);
  const [values, setValues] = useState<NewReservationValues>(() => ({
    guestName: '',
    partySize: '2',
    // By phone: the first start still ahead; a walk-in is asked for with its own button (or chosen in the list).
    time: start.time ?? upcomingTimes(grid, zoned, now.getTime())[0]?.time ?? (walkIn ? WALK_IN : ''),
    guestPhone: '',
    guestEmail: '',
    notes: '',
  }));
  const [explicitTable, setExplicitTable] = useState(start.table);
  const [tried, setTried] = useState(false);
  const [lastParty, setLastParty] = useState(2);
  const booking = useCreateReservation();

  // The grid's starts still ahead, and the one chosen even if it has just passed (the server then says so).
  const upcoming = upcomingTimes(grid, zoned, now.getTime());
  const choices = upcoming.some((choice) => choice.time === values.time)
    ? upcoming
    : [...grid.filter((choice) => choice.time === values.time), ...upcoming];
  const startChoice = values.time === WALK_IN ? walkIn : choices.find((choice) => choice.time === values.time);
  const party = lookupPartySize(values.partySize, lastParty);
  const lookup = useFreeTables({
    restaurant,
    date,
    partySize: party,
    start: startChoice,
    durationMinutes: turnMinutes(party, restaurant.turnTimes),
  });
  const tableLabel = chosenTable(lookup.free, explicitTable);
  const table = restaurant.tables.find((entry) => entry.label === tableLabel);
  const options = tableOptions(lookup.free, restaurant.tables, explicitTable, party);

  const problems: FieldProblem[] = tried
    ? (() => {
        const check = checkNewReservation(values, { restaurantId: restaurant.id, date, table, walkIn });
        return check.ok ? [] : check.problems;
      })()
    : [];
  const problemOf = (field: NewReservationField) => problems.find((problem) => problem.field === field);
  const messageOf = (field: NewReservationField): string | undefined => {
    const problem = problemOf(field);
    if (!problem) return undefined;
    const words = t.host.validation;
    switch (problem.field) {
      case 'guestName':
        return problem.kind === 'required' ? words.nameRequired : words.tooLong;
      case 'time':
        return problem.kind === 'closedNow' ? words.closedNow : words.timeRequired;
      case 'table':
        return words.tableNone;
      case 'guestPhone':
        return problem.kind === 'tooLong' ? words.tooLong : words.phone;
      case 'guestEmail':
        return problem.kind === 'tooLong' ? words.tooLong : words.email;
      case 'notes':
        return problem.kind === 'tooLong' ? words.tooLong : words.invalid;
      default:
        return undefined;
    }
  };
  const partyIssue = problemOf('partySize');

  const change = (changes: Partial<NewReservationValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    if (changes.partySize !== undefined) setLastParty((last) => lookupPartySize(changes.partySize ?? '', last));
  };
  const clock = (minutes: number) => {
    const text = formatMinutes(minutes, locale);
    return minutes >= 1440 ? t.timeline.move.nextDay(text) : text;
  };
  const submit = () => {
    setTried(true);
    // The walk-in's start is read from the clock now, when the host books.
    const check = checkNewReservation(values, {
      restaurantId: restaurant.id,
      date,
      table,
      walkIn: walkInStart(Date.now(), date, ranges, restaurant.timeZone),
    });
    if (!check.ok) return;
    booking
      .create(check.input)
      .then(onDone)
      // Refused: the dialog stays open with every typed value and says why (booking.error).
      .catch(() => undefined);
  };

  return (
    <ConfirmDialog
      open
      hasFields
      busy={booking.isPending}
      title={values.time === WALK_IN ? t.host.walkInTitle : t.host.newTitle}
      confirmLabel={t.host.book}
      cancelLabel={t.common.back}
      onConfirm={submit}
      onCancel={onCancel}
    >
      <p className="dialog__lead">{t.host.newLead(formatDay(date, locale))}</p>
      {booking.error ? (
        <div className="timeline-move__problem">
          <ProblemNotice error={booking.error} />
        </div>
      ) : null}
      <div className="booking-fields">
        <TextField
          label={t.host.guestName}
          name="guestName"
          value={values.guestName}
          error={messageOf('guestName')}
          autoComplete="off"
          onChange={(guestName) => change({ guestName })}
        />
        <PartySizeField
          value={values.partySize}
          seats={table?.seats}
          problem={partyIssue?.kind === 'party' ? partyIssue.problem : undefined}
          onChange={(partySize) => change({ partySize })}
        />
        <div className="field">
          <label htmlFor={timeId} className="field__label">
            {t.host.time}
          </label>
          <select
            id={timeId}
            className="input"
            value={values.time}
            aria-invalid={messageOf('time') ? true : undefined}
            aria-describedby={`${timeId}-hint${messageOf('time') ? ` ${timeId}-error` : ''}`}
            onChange={(event) => change({ time: event.target.value })}
          >
            {values.time === '' ? <option value="">{t.host.noTimesLeft}</option> : null}
            {walkIn || values.time === WALK_IN ? (
              <option value={WALK_IN}>{t.host.walkInNow(walkIn ? clock(walkIn.minutes) : '—')}</option>
            ) : null}
            {choices.map((choice) => (
              <option key={choice.minutes} value={choice.time}>
                {clock(choice.minutes)}
              </option>
            ))}
          </select>
          <p id={`${timeId}-hint`} className="field__hint" title={restaurant.timeZone}>
            {t.timeline.zone(zoneName(restaurant.timeZone, locale))}
          </p>
          {messageOf('time') ? (
            <p id={`${timeId}-error`} className="field__error">
              {messageOf('time')}
            </p>
          ) : null}
        </div>
        <TableChoiceField
          label={t.host.table}
          options={options}
          value={tableLabel}
          loading={lookup.loading}
          error={messageOf('table')}
          onChange={setExplicitTable}
        />
        <TextField
          label={t.host.phone}
          name="guestPhone"
          type="tel"
          inputMode="tel"
          value={values.guestPhone}
          error={messageOf('guestPhone')}
          autoComplete="off"
          onChange={(guestPhone) => change({ guestPhone })}
        />
        <TextField
          label={t.host.email}
          name="guestEmail"
          type="email"
          inputMode="email"
          value={values.guestEmail}
          error={messageOf('guestEmail')}
          autoComplete="off"
          onChange={(guestEmail) => change({ guestEmail })}
        />
        <TextField
          label={t.host.notes}
          name="notes"
          value={values.notes}
          error={messageOf('notes')}
          multiline
          onChange={(notes) => change({ notes })}
        />
      </div>
    </ConfirmDialog>
  );
}

import type { RestaurantOutput } from '@tablebook/api/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isCalendarDay } from '../../lib/days.ts';
import { dayRanges, placeOfTime, timeChoices } from '../timeline/timelineLayout.ts';
import { formatMinutes } from '../timeline/timeFormat.ts';

/** The select's entry that opens a free time input (an admin may book off the slot grid). */
const OTHER = 'other';

interface MoveTimeFieldProps {
  /** The day the move goes to, as typed (its opening hours give the grid). */
  date: string;
  restaurant: RestaurantOutput;
  /** "HH:MM", or '' for a whole-day reservation left without one. */
  value: string;
  /** The reservation holds a whole day: no time is also a choice. */
  wholeDay: boolean;
  error: string | undefined;
  onChange: (time: string) => void;
}

/**
 * A move's new start: the day's slot grid (times the clocks skip that night left out, the current
 * start kept), or any other time typed in; a time of the day's range past midnight says so.
 */
export function MoveTimeField({ date, restaurant, value, wholeDay, error, onChange }: MoveTimeFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const otherId = useId();
  const [typing, setTyping] = useState(false);
  const ranges = isCalendarDay(date) ? dayRanges(date, restaurant) : [];
  const placed = placeOfTime(value, ranges);
  const choices = isCalendarDay(date)
    ? timeChoices(ranges, restaurant.slotMinutes, { date, timeZone: restaurant.timeZone, current: placed })
    : [];
  const onGrid = value === '' ? wholeDay : choices.some((choice) => choice.time === value);
  const other = typing || !onGrid;
  const clock = (minutes: number) => {
    const text = formatMinutes(minutes, locale);
    return minutes >= 1440 ? t.timeline.move.nextDay(text) : text;
  };
  const hours = ranges.map((range) => t.timeline.range(formatMinutes(range.opens, locale), formatMinutes(range.closes, locale))).join(', ');
  const hint = ranges.length > 0 ? t.reservations.timeHint(hours) : t.reservations.closedThatDay;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field move-time">
      <label htmlFor={id} className="field__label">
        {t.reservations.moveTime}
      </label>
      <select
        id={id}
        className="input"
        value={other ? OTHER : value}
        aria-describedby={describedBy}
        onChange={(event) => {
          const chosen = event.target.value;
          setTyping(chosen === OTHER);
          if (chosen !== OTHER) onChange(chosen);
        }}
      >
        {wholeDay ? <option value="">{t.timeline.wholeDay}</option> : null}
        {choices.map((choice) => (
          <option key={choice.minutes} value={choice.time}>
            {clock(choice.minutes)}
          </option>
        ))}
        <option value={OTHER}>{t.reservations.otherTime}</option>
      </select>
      {other ? (
        <div className="move-time__other">
          <label htmlFor={otherId} className="field__label">
            {t.reservations.otherTimeLabel}
          </label>
          <input
            id={otherId}
            className="input move-time__input"
            type="time"
            step={60}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
          {placed !== undefined && placed >= 1440 ? <span className="move-time__night">{t.reservations.afterMidnight}</span> : null}
        </div>
      ) : null}
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

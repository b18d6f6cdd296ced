import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { GuestDayField } from './GuestDayField.tsx';
import { PartySizeField } from './PartySizeField.tsx';
import { isClockTime } from './slotTimes.ts';

interface TimedDayControlsProps {
  partySize: number;
  partySizes: readonly number[];
  date: CalendarDay;
  /** Today in the restaurant's zone: no earlier day is offered. */
  today: CalendarDay;
  wanted: string;
  onPartySizeChange: (partySize: number) => void;
  onDateChange: (date: CalendarDay) => void;
  onWantedChange: (time: string) => void;
}

/** What the guest is looking for: how many people, which day, and around what time. */
export function TimedDayControls({
  partySize,
  partySizes,
  date,
  today,
  wanted,
  onPartySizeChange,
  onDateChange,
  onWantedChange,
}: TimedDayControlsProps) {
  const { t } = useI18n();
  const timed = t.day.timed;
  const timeId = useId();
  return (
    <div className="timed-controls">
      <PartySizeField value={partySize} sizes={partySizes} onChange={onPartySizeChange} />
      <GuestDayField value={date} today={today} onChange={onDateChange} />
      <div className="field">
        <label htmlFor={timeId} className="field__label">
          {timed.wantedTime}
        </label>
        <input
          id={timeId}
          type="time"
          className="input"
          value={wanted}
          required
          aria-describedby={`${timeId}-hint`}
          onChange={(event) => {
            // Half-typed times are ignored: the slots stay around the last whole one.
            if (isClockTime(event.target.value)) onWantedChange(event.target.value);
          }}
        />
        <p id={`${timeId}-hint`} className="field__hint">
          {timed.wantedHint}
        </p>
      </div>
    </div>
  );
}

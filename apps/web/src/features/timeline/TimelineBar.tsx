import { isMovable, type ReservationOutput } from '@tablebook/api/shared';
import type { CSSProperties } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { BarPlace } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';

interface TimelineBarProps {
  reservation: ReservationOutput;
  place: BarPlace;
  onMove: (reservation: ReservationOutput) => void;
}

/**
 * One reservation on its table's row, from its start to its end. A confirmed one is a button that
 * opens the move; the others (seated, completed, no-show) only show where they are.
 */
export function TimelineBar({ reservation, place, onMove }: TimelineBarProps) {
  const { t, locale } = useI18n();
  const who = reservation.guestName ?? t.reservations.noName;
  const timed = reservation.time !== null;
  const when = timed
    ? t.timeline.range(formatMinutes(place.start, locale), formatMinutes(Math.max(place.end, place.start), locale))
    : t.timeline.wholeDay;
  const details = t.timeline.bar(reservation.partySize, t.reservations.status[reservation.status]);
  const style: CSSProperties = { left: `${place.left}%`, width: `${place.width}%` };
  const className = [
    'timeline__bar',
    `timeline__bar--${reservation.status}`,
    place.cutStart ? 'timeline__bar--cut-start' : '',
    place.cutEnd ? 'timeline__bar--cut-end' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = `${who}, ${when}, ${details}`;
  // Seen: the guest and the start (the bar's length shows the end). Heard: all of it, the seen words first.
  const content = (hint?: string) => (
    <>
      <span className="timeline__who">{who}</span>
      <span className="timeline__when">
        {timed ? formatMinutes(place.start, locale) : when}
        <span className="visually-hidden">
          {timed ? `${t.timeline.until(formatMinutes(Math.max(place.end, place.start), locale))}, ` : ''}
          {details}
          {hint ? ` — ${hint}` : ''}
        </span>
      </span>
    </>
  );
  if (!isMovable(reservation.status)) {
    return (
      <div className={className} style={style} title={title}>
        {content()}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={className}
      style={style}
      data-reservation-id={reservation.id}
      title={title}
      onClick={() => onMove(reservation)}
    >
      {content(t.timeline.moveHint)}
    </button>
  );
}

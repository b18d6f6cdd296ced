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

/** Up to this many minutes on the axis, a bar is too narrow for a name and a time: it shows the name on two lines. */
const SHORT_BAR_MINUTES = 75;

/**
 * One reservation on its table's row, from its start to its end. A confirmed one is a button that
 * opens the move; the others (seated, completed, no-show) only show where they are. However narrow
 * the bar, its tooltip and its accessible name give the guest, the times, the party and the status.
 */
export function TimelineBar({ reservation, place, onMove }: TimelineBarProps) {
  const { t, locale } = useI18n();
  const who = reservation.guestName ?? t.reservations.noName;
  const timed = reservation.time !== null;
  const starts = formatMinutes(place.start, locale);
  const ends = formatMinutes(Math.max(place.end, place.start), locale);
  const when = timed ? t.timeline.range(starts, ends) : t.timeline.wholeDay;
  const details = t.timeline.bar(reservation.partySize, t.reservations.status[reservation.status]);
  const spoken = `${who} ${timed ? `${starts} ${t.timeline.until(ends)}` : when}, ${details}`;
  const style: CSSProperties = { left: `${place.left}%`, width: `${place.width}%` };
  const short = timed && place.end - place.start <= SHORT_BAR_MINUTES;
  const className = [
    'timeline__bar',
    `timeline__bar--${reservation.status}`,
    place.cutStart ? 'timeline__bar--cut-start' : '',
    place.cutEnd ? 'timeline__bar--cut-end' : '',
    short ? 'timeline__bar--short' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = `${who}, ${when}, ${details}`;
  // Seen: the guest and the start (the bar's length shows the end). Heard: all of it, the seen words first
  // (a button says it in its label, which also holds when a narrow bar cuts the seen words short).
  const content = (
    <>
      <span className="timeline__who">{who}</span>{' '}
      <span className="timeline__when">
        {timed ? starts : when}
        <span className="visually-hidden">{timed ? ` ${t.timeline.until(ends)}, ${details}` : `, ${details}`}</span>
      </span>
    </>
  );
  if (!isMovable(reservation.status)) {
    return (
      <div className={className} style={style} title={title}>
        {content}
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
      aria-label={`${spoken} — ${t.timeline.moveHint}`}
      onClick={() => onMove(reservation)}
    >
      {content}
    </button>
  );
}

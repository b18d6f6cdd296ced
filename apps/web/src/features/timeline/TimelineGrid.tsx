import type { ReservationOutput, RestaurantOutput } from '@tablebook/api/shared';
import { useEffect, useRef, type CSSProperties } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { TimelineBar } from './TimelineBar.tsx';
import { barPlace, closedSpans, firstInView, fractionOf, hourMarks, minutesIntoDay, type Axis, type DayRange } from './timelineLayout.ts';
import { formatMinutes } from './timeFormat.ts';

interface TimelineGridProps {
  axis: Axis;
  ranges: readonly DayRange[];
  date: CalendarDay;
  tables: RestaurantOutput['tables'];
  reservations: readonly ReservationOutput[];
  /** Now, in minutes into the day, when the day is shown while it is under way. */
  now: number | undefined;
  onMove: (reservation: ReservationOutput) => void;
  /** A click on a row's free time opens a new reservation there (minutes into the day); none on a day that has passed. */
  onPick?: ((table: string, minutes: number) => void) | undefined;
}

/**
 * Tables as rows, the day's hours as columns, reservations as bars. Each hour keeps a readable width,
 * so on a narrow screen the grid scrolls sideways (the table labels stay in view) instead of squashing.
 */
export function TimelineGrid({ axis, ranges, date, tables, reservations, now, onMove, onPick }: TimelineGridProps) {
  const { t, locale } = useI18n();
  const scroller = useRef<HTMLElement>(null);
  const scrolledFor = useRef<string | null>(null);
  const closed = closedSpans(ranges, axis);
  const style = { '--hours': axis.hours.length } as CSSProperties;
  const showNow = now !== undefined && now >= axis.start && now <= axis.end;
  const starts = reservations.map((reservation) => minutesIntoDay(date, reservation.startsAt));
  const opening = firstInView(axis, starts, now);

  useEffect(() => {
    // Once a day: where the evening is, when the screen is too narrow to show it all (later changes leave the scroll alone).
    const element = scroller.current;
    const track = element?.querySelector<HTMLElement>('.timeline__track');
    if (!element || !track || scrolledFor.current === date) return;
    scrolledFor.current = date;
    element.scrollLeft = track.offsetWidth * fractionOf(opening, axis);
  }, [date, opening, axis]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard to scroll it
    <section ref={scroller} className="timeline__scroller" aria-label={t.timeline.region} tabIndex={0}>
      <div className="timeline__grid" style={style}>
        {showNow ? <span className="timeline__now" style={{ '--at': fractionOf(now, axis) } as CSSProperties} aria-hidden="true" /> : null}
        <div className="timeline__head" aria-hidden="true">
          <span className="timeline__corner">{t.timeline.tables}</span>
          <div className="timeline__scale">
            {hourMarks(axis).map((mark) => (
              <span key={mark.minutes} className="timeline__hour" style={{ left: `${mark.left}%` }}>
                {formatMinutes(mark.minutes, locale, 'hour')}
              </span>
            ))}
          </div>
        </div>
        <ul className="timeline__rows" aria-label={t.timeline.tables}>
          {tables.map((table) => {
            const bars = reservations.flatMap((reservation) => {
              const place = reservation.table === table.label ? barPlace(reservation, date, axis) : undefined;
              return place ? [{ reservation, place }] : [];
            });
            return (
              <li key={table.label} className="timeline__row" data-table={table.label}>
                <span className="timeline__table">
                  <span aria-hidden="true">{table.label}</span>
                  <span className="timeline__seats" aria-hidden="true">
                    {t.timeline.seats(table.seats)}
                  </span>
                  <span className="visually-hidden">
                    {t.timeline.tableName(table.label, table.seats)}
                    {bars.length === 0 ? `, ${t.timeline.noBookings}` : ''}
                  </span>
                </span>
                <div className="timeline__track">
                  {onPick ? (
                    // The mouse's way to book at a table and time; the keyboard's is the New reservation button (so no tab stop per row).
                    <button
                      type="button"
                      tabIndex={-1}
                      className="timeline__pick"
                      aria-label={t.host.newAt(table.label)}
                      onClick={(event) => {
                        const box = event.currentTarget.getBoundingClientRect();
                        const share = box.width > 0 ? (event.clientX - box.left) / box.width : 0;
                        onPick(table.label, axis.start + Math.max(0, Math.min(1, share)) * (axis.end - axis.start));
                      }}
                    />
                  ) : null}
                  {closed.map((span) => (
                    <span key={span.left} className="timeline__closed" style={{ left: `${span.left}%`, width: `${span.width}%` }} />
                  ))}
                  {bars.map(({ reservation, place }) => (
                    <TimelineBar key={reservation.id} reservation={reservation} place={place} onMove={onMove} />
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

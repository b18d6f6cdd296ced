import type { ReservationOutput } from '@tablebook/api/shared';
import { type CSSProperties, useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMinutes } from '../timeline/timeFormat.ts';
import { coversPerHour } from './coversPerHour.ts';

/** A day's covers per hour (the guests whose turns start in each hour), as a row of small bars. */
export function CoversPerHour({ reservations }: { reservations: readonly ReservationOutput[] }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const hintId = useId();
  const day = coversPerHour(reservations);
  const entries = [
    ...(day.wholeDay.reservations > 0 ? [{ key: 'day', label: t.host.covers.wholeDay, ...day.wholeDay }] : []),
    ...day.hours.map((hour) => {
      const clock = formatMinutes(hour.hour, locale, 'hour');
      return { key: String(hour.hour), label: hour.hour >= 1440 ? t.timeline.move.nextDay(clock) : clock, ...hour };
    }),
  ];
  const most = Math.max(1, ...entries.map((entry) => entry.covers));
  return (
    <section className="covers" aria-labelledby={titleId} aria-describedby={hintId}>
      <h3 id={titleId} className="covers__title">
        {t.host.covers.title} <span className="covers__total">· {t.host.covers.total(day.total)}</span>
      </h3>
      <ol className="covers__hours">
        {entries.map((entry) => (
          <li key={entry.key} className="covers__hour" style={{ '--share': entry.covers / most } as CSSProperties}>
            <span className="covers__label">{entry.label}</span>
            <span className="covers__bar" aria-hidden="true" />
            <span className="covers__count" aria-hidden="true">
              {entry.covers}
            </span>
            <span className="visually-hidden">: {t.host.covers.entry(entry.covers, entry.reservations)}</span>
          </li>
        ))}
      </ol>
      <p id={hintId} className="field__hint">
        {t.host.covers.hint}
      </p>
    </section>
  );
}

import type { RemainingCapacity } from '@tablebook/api/shared';
import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './dayLimits.css';

interface DayLimitsProps {
  restaurantName: string;
  /** The day, as the page writes it. */
  day: string;
  capacity: RemainingCapacity;
}

/**
 * Both daily limits a booking must fit, shown before the guest books: the restaurant's own and the
 * system's (every restaurant's bookings count against it). The lower one decides, and says so: a
 * restaurant with 5 left on a day the system has 1 left takes 1.
 */
export function DayLimits({ restaurantName, day, capacity }: DayLimitsProps) {
  const { t } = useI18n();
  const limits = t.day.limits;
  const headingId = useId();
  const items = [
    { key: 'restaurant', name: limits.restaurant(restaurantName), left: capacity.restaurantRemaining, other: capacity.globalRemaining },
    { key: 'system', name: limits.system, left: capacity.globalRemaining, other: capacity.restaurantRemaining },
  ];
  return (
    <section className="day-limits" aria-labelledby={headingId}>
      <h3 id={headingId} className="day-limits__title">
        {limits.label(day)}
      </h3>
      <dl className="day-limits__list">
        {items.map((item) => {
          const decides = item.left < item.other;
          return (
            <div key={item.key} className={`day-limits__item${decides ? ' day-limits__item--deciding' : ''}`}>
              <dt>{item.name}</dt>
              <dd>{limits.left(item.left)}</dd>
              {decides ? <dd className="day-limits__decides">{limits.decides}</dd> : null}
            </div>
          );
        })}
      </dl>
    </section>
  );
}

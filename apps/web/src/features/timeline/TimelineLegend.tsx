import { useI18n } from '../../i18n/I18nProvider.tsx';

const SHOWN = ['confirmed', 'seated', 'completed', 'no_show'] as const;

/** What the bars' colours and the striped hours mean. */
export function TimelineLegend() {
  const { t } = useI18n();
  return (
    <ul className="timeline__legend" aria-label={t.timeline.legend}>
      {SHOWN.map((status) => (
        <li key={status}>
          <span className={`timeline__swatch timeline__bar--${status}`} aria-hidden="true" />
          {t.reservations.status[status]}
        </li>
      ))}
      <li>
        <span className="timeline__swatch timeline__swatch--closed" aria-hidden="true" />
        {t.timeline.closed}
      </li>
    </ul>
  );
}

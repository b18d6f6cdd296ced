import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { DayField } from '../../ui/DayField.tsx';
import type { TimelineParams } from './useTimelineParams.ts';
import { RestaurantPicker } from '../reservations/RestaurantPicker.tsx';

interface TimelineFiltersProps {
  restaurantId: string | undefined;
  /** Known once the restaurant is (its today by default). */
  date: CalendarDay | undefined;
  onChange: (changes: Partial<TimelineParams>) => void;
}

/** Which restaurant (another one starts on its own today) and which day, with previous/next day buttons. */
export function TimelineFilters({ restaurantId, date, onChange }: TimelineFiltersProps) {
  const { t } = useI18n();
  return (
    <form className="filters filters--compact" aria-label={t.timeline.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <RestaurantPicker restaurantId={restaurantId} onChange={(id) => onChange({ restaurantId: id, date: undefined })} />
      {date ? <DayField label={t.reservations.date} value={date} stepper onChange={(day) => onChange({ date: day })} /> : null}
    </form>
  );
}

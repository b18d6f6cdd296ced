import { MAX_PAGE_SIZE } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CalendarDay } from '../../lib/days.ts';
import { DayField } from '../../ui/DayField.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import type { TimelineParams } from './useTimelineParams.ts';

interface TimelineFiltersProps {
  restaurantId: string | undefined;
  /** Known once the restaurant is (its today by default). */
  date: CalendarDay | undefined;
  onChange: (changes: Partial<TimelineParams>) => void;
}

/** Which restaurant (another one starts on its own today) and which day, with previous/next day buttons. */
export function TimelineFilters({ restaurantId, date, onChange }: TimelineFiltersProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const restaurantFieldId = useId();
  const restaurants = useQuery(trpc.restaurant.list.queryOptions({ limit: MAX_PAGE_SIZE }));
  const known = restaurants.data?.some((restaurant) => restaurant.id === restaurantId) ?? false;
  return (
    <form className="filters filters--compact" aria-label={t.timeline.filtersLabel} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={restaurantFieldId} className="field__label">
          {t.reservations.restaurant}
        </label>
        <select
          id={restaurantFieldId}
          className="input"
          value={restaurantId ?? ''}
          disabled={restaurants.isPending}
          onChange={(event) => onChange({ restaurantId: event.target.value || undefined, date: undefined })}
        >
          <option value="">{restaurants.isPending ? t.common.loading : t.reservations.chooseOption}</option>
          {restaurantId && !known && !restaurants.isPending ? (
            <option value={restaurantId}>{t.reservations.linkedRestaurant}</option>
          ) : null}
          {restaurants.data?.map((restaurant) => (
            <option key={restaurant.id} value={restaurant.id}>
              {restaurant.name} — {restaurant.city.name}
            </option>
          ))}
        </select>
        {restaurants.isError ? <ProblemNotice error={restaurants.error} onRetry={() => void restaurants.refetch()} /> : null}
      </div>
      {date ? <DayField label={t.reservations.date} value={date} stepper onChange={(day) => onChange({ date: day })} /> : null}
    </form>
  );
}

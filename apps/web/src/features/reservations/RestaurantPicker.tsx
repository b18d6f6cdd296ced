import { MAX_PAGE_SIZE } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ProblemNotice } from '../../ui/states.tsx';

interface RestaurantPickerProps {
  restaurantId: string | undefined;
  onChange: (restaurantId: string | undefined) => void;
}

/** The manager's restaurant field, shared by the reservations list and the timeline. */
export function RestaurantPicker({ restaurantId, onChange }: RestaurantPickerProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const fieldId = useId();
  const restaurants = useQuery(trpc.restaurant.list.queryOptions({ limit: MAX_PAGE_SIZE }));
  const known = restaurants.data?.some((restaurant) => restaurant.id === restaurantId) ?? false;
  return (
    <div className="field">
      <label htmlFor={fieldId} className="field__label">
        {t.reservations.restaurant}
      </label>
      <select
        id={fieldId}
        className="input"
        value={restaurantId ?? ''}
        disabled={restaurants.isPending}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{restaurants.isPending ? t.common.loading : t.reservations.chooseOption}</option>
        {/* A restaurant linked from elsewhere but beyond the first page still shows as chosen. */}
        {restaurantId && !known && !restaurants.isPending ? <option value={restaurantId}>{t.reservations.linkedRestaurant}</option> : null}
        {restaurants.data?.map((restaurant) => (
          <option key={restaurant.id} value={restaurant.id}>
            {restaurant.name} — {restaurant.city.name}
          </option>
        ))}
      </select>
      {restaurants.isError ? <ProblemNotice error={restaurants.error} onRetry={() => void restaurants.refetch()} /> : null}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ProblemNotice } from '../../ui/states.tsx';
import { CityCombobox } from './CityCombobox.tsx';

type CityPickerProps = Omit<Parameters<typeof CityCombobox>[0], 'cities' | 'disabled' | 'placeholder'>;

/** The city combobox over the API's 1103 cities, fetched once per visit: they never change. */
export function CityPicker(props: CityPickerProps) {
  const trpc = useTRPC();
  const { t } = useI18n();
  const cities = useQuery({ ...trpc.city.list.queryOptions({}), staleTime: Infinity, gcTime: Infinity });
  if (cities.isError) {
    return <ProblemNotice error={cities.error} title={t.cityPicker.loadFailed} onRetry={() => void cities.refetch()} />;
  }
  return (
    <CityCombobox
      {...props}
      cities={cities.data ?? []}
      disabled={cities.isPending}
      {...(cities.isPending ? { placeholder: t.cityPicker.loading } : {})}
    />
  );
}

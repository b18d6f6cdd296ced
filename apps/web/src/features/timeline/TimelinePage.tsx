import { todayIn } from '@tablebook/api/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { problemOf } from '../../api/problems.ts';
import { useTRPC } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { EmptyState, Loading, ProblemNotice } from '../../ui/states.tsx';
import { TimelineDay } from './TimelineDay.tsx';
import { useHostRestaurant } from '../reservations/useHostRestaurant.ts';
import { TimelineFilters } from './TimelineFilters.tsx';
import { useTimelineParams } from './useTimelineParams.ts';

/**
 * The manager's day as a timeline: which restaurant and day are in the address; the restaurant defaults
 * to the last one used, the day to the restaurant's own today. A restaurant that books whole days keeps its list.
 */
export function TimelinePage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { restaurantId: linkedId, date: chosenDate, update } = useTimelineParams();
  const restaurantId = useHostRestaurant(linkedId);
  useDocumentTitle(t.timeline.title, t.app.name);
  const restaurant = useQuery({ ...trpc.restaurant.byId.queryOptions({ id: restaurantId ?? '' }), enabled: restaurantId !== undefined });
  const date = chosenDate ?? (restaurant.data ? todayIn(restaurant.data.timeZone) : undefined);

  const body = () => {
    if (!restaurantId) return <EmptyState title={t.timeline.chooseRestaurant} />;
    if (restaurant.isPending) return <Loading />;
    if (restaurant.isError) {
      const { reason } = problemOf(restaurant.error);
      if (reason === 'NOT_FOUND' || reason === 'INVALID_INPUT') return <EmptyState title={t.day.notFoundTitle} />;
      return <ProblemNotice error={restaurant.error} onRetry={() => void restaurant.refetch()} />;
    }
    if (restaurant.data.hours.length === 0) {
      return (
        <EmptyState title={t.timeline.wholeDayTitle}>
          <p>{t.timeline.wholeDayBody}</p>
          <Link className="button button--small" to={paths.reservations(restaurantId, date)}>
            {t.timeline.openList}
          </Link>
        </EmptyState>
      );
    }
    return date ? <TimelineDay restaurant={restaurant.data} date={date} /> : null;
  };

  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.timeline.title}</h1>
        <p className="page-intro">{t.timeline.intro}</p>
      </header>
      <TimelineFilters restaurantId={restaurantId} date={date} onChange={update} />
      {body()}
    </>
  );
}

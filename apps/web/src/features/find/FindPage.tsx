import { MAX_PAGE_SIZE } from '@tablebook/api/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { useDebouncedValue } from '../../lib/useDebouncedValue.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useToday } from '../../lib/useToday.ts';
import { useLiveStream } from '../../live/useLiveStream.ts';
import { EmptyState, Loading, ProblemNotice } from '../../ui/states.tsx';
import { hasNarrowingFilters, listInputFor, type FindFilters } from './findFilters.ts';
import { FindFiltersForm } from './FindFiltersForm.tsx';
import { RestaurantCard } from './RestaurantCard.tsx';
import { useAppTimeZone } from './useAppTimeZone.ts';
import { useFindFilters } from './useFindFilters.ts';
import { refreshAnsweredBefore } from './liveResults.ts';

export const PAGE_SIZE = 24;
const TYPING_PAUSE_MS = 300;

export function FindPage() {
  const { t } = useI18n();
  useDocumentTitle(t.find.title, t.app.name);
  // The server's today, not the device's: a guest abroad searches the restaurants' days (see findDays).
  const today = useToday(useAppTimeZone());
  const { filters, update, reset } = useFindFilters(today);
  const [resetCount, setResetCount] = useState(0);
  const clear = () => {
    reset();
    setResetCount((count) => count + 1);
  };
  const name = useDebouncedValue(filters.name, TYPING_PAUSE_MS);
  const searched: FindFilters = { ...filters, name };
  return (
    <>
      <header className="page-header">
        <h1 className="page-title">{t.find.title}</h1>
        <p className="page-intro">{t.find.intro}</p>
      </header>
      <FindFiltersForm
        filters={filters}
        today={today}
        resetCount={resetCount}
        canReset={hasNarrowingFilters(filters) || filters.date !== today || filters.partySize !== undefined}
        onChange={update}
        onReset={clear}
      />
      <FindResults filters={searched} onReset={clear} />
    </>
  );
}

function FindResults({ filters, onReset }: { filters: FindFilters; onReset: () => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  // "Show more" grows the page; new filters start again from the first page.
  const signature = JSON.stringify(filters);
  const [paging, setPaging] = useState({ signature, limit: PAGE_SIZE });
  const limit = paging.signature === signature ? paging.limit : PAGE_SIZE;
  const queryClient = useQueryClient();
  // Places left change as people book: one stream of the day's changes across every restaurant (a
  // stream per card would exhaust the browser's six connections per server) refreshes the list.
  const client = useTRPCClient();
  const refreshResults = () => void queryClient.invalidateQueries(trpc.guest.restaurants.pathFilter());
  useLiveStream(
    client.guest.onDayChange,
    { date: filters.date },
    {
      onEvent: refreshResults,
      // After a gap, everything is read again. As the stream first opens, only a list answered before
      // then (the early answer, read with the HTML) may have missed a booking: it alone is read again.
      onResync: (reason) =>
        reason === 'gap' ? refreshResults() : void refreshAnsweredBefore(queryClient, trpc.guest.restaurants.pathFilter(), Date.now()),
    },
  );
  const results = useQuery({
    ...trpc.guest.restaurants.queryOptions(listInputFor(filters, limit)),
    // The cards already shown stay (dimmed) while the next answer loads, instead of a flash of spinner.
    placeholderData: keepPreviousData,
  });
  const day = formatDay(filters.date, locale);

  if (results.isPending) return <Loading label={t.find.loading} />;
  if (results.isError) return <ProblemNotice error={results.error} onRetry={() => void results.refetch()} />;

  const restaurants = results.data;
  if (restaurants.length === 0) {
    return (
      <EmptyState title={t.find.emptyTitle(day)}>
        <p>{hasNarrowingFilters(filters) ? t.find.emptyHintFiltered : t.find.emptyHint}</p>
        {hasNarrowingFilters(filters) ? (
          <button type="button" className="button button--ghost" onClick={onReset}>
            {t.find.clearFilters}
          </button>
        ) : null}
      </EmptyState>
    );
  }
  const mayHaveMore = restaurants.length >= limit && limit < MAX_PAGE_SIZE;
  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={results.isFetching}>
      <h2 id="results-heading" className="results__heading">
        {t.find.resultsHeading(restaurants.length, day)}
      </h2>
      <div className="results__grid">
        {restaurants.map((restaurant) => (
          <RestaurantCard
            key={restaurant.id}
            restaurant={restaurant}
            date={filters.date}
            time={filters.time}
            partySize={filters.partySize}
            // The list is read again on every change of the day: the card's free tables follow it.
            listUpdatedAt={results.dataUpdatedAt}
          />
        ))}
      </div>
      {mayHaveMore ? (
        <div className="results__more">
          <button
            type="button"
            className="button button--ghost"
            disabled={results.isFetching}
            onClick={() => setPaging({ signature, limit: Math.min(limit + PAGE_SIZE, MAX_PAGE_SIZE) })}
          >
            {results.isFetching ? t.common.loading : t.find.showMore}
          </button>
        </div>
      ) : null}
    </section>
  );
}

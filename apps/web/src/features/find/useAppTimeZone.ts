import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { healthQueryOptions, startHealthCheck } from '../../api/health.ts';
import { knownAppTimeZone } from './findDays.ts';
import { rememberAppTimeZone } from './rememberedZone.ts';

// Asked as soon as this code runs, before any render: the zone is usually known by the first one.
startHealthCheck();

/**
 * The server's zone, whose today the Find page searches: as GET /api/health names it (asked when the
 * app's code starts, beside the page's calls, never before them). Until that answer, the zone the
 * server named last time on this device, else the default: nothing waits for it, and only a device
 * that has never heard a server whose zone's today differs from the default's, and renders before
 * the answer comes, sees the day change once.
 */
export function useAppTimeZone(): string {
  const served = useQuery(healthQueryOptions).data?.timeZone;
  useEffect(() => {
    if (served) rememberAppTimeZone(served);
  }, [served]);
  return served ?? knownAppTimeZone();
}

import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AdminGate } from '../features/admin/AdminGate.tsx';
import { CancelBookingPage } from '../features/cancel/CancelBookingPage.tsx';
import { RestaurantDayPage } from '../features/day/RestaurantDayPage.tsx';
import { FindPage } from '../features/find/FindPage.tsx';
import { Loading } from '../ui/states.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { routePatterns } from './paths.ts';
import { RouteError } from './RouteError.tsx';

// The host pages load when first opened: a guest's first load carries only the guest pages' code
// (issue 16: under 200 KiB of compressed JavaScript). Behind the admin gate (the token is asked for
// first), a loading line stands in the layout while a page's code arrives.
const ManagePage = lazy(() => import('../features/manage/ManagePage.tsx').then((module) => ({ default: module.ManagePage })));
const ReservationsPage = lazy(() =>
  import('../features/reservations/ReservationsPage.tsx').then((module) => ({ default: module.ReservationsPage })),
);
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })));
const TimelinePage = lazy(() => import('../features/timeline/TimelinePage.tsx').then((module) => ({ default: module.TimelinePage })));

/** The pages. The server answers every page path with index.html, so deep links and reloads work. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { path: routePatterns.find, element: <FindPage /> },
        { path: routePatterns.day, element: <RestaurantDayPage /> },
        {
          path: routePatterns.reservations,
          element: (
            <AdminGate>
              <Suspense fallback={<Loading />}>
                <ReservationsPage />
              </Suspense>
            </AdminGate>
          ),
        },
        {
          path: routePatterns.timeline,
          element: (
            <AdminGate>
              <Suspense fallback={<Loading />}>
                <TimelinePage />
              </Suspense>
            </AdminGate>
          ),
        },
        {
          path: routePatterns.manage,
          element: (
            <AdminGate>
              <Suspense fallback={<Loading />}>
                <ManagePage />
              </Suspense>
            </AdminGate>
          ),
        },
        {
          path: routePatterns.settings,
          element: (
            <AdminGate>
              <Suspense fallback={<Loading />}>
                <SettingsPage />
              </Suspense>
            </AdminGate>
          ),
        },
        { path: routePatterns.cancel, element: <CancelBookingPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AdminGate } from '../features/admin/AdminGate.tsx';
import { FindPage } from '../features/find/FindPage.tsx';
import { Loading } from '../ui/states.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { routePatterns } from './paths.ts';
import { LayoutError, RouteError } from './RouteError.tsx';

// Only the Find page, the guest's landing page, is in the first load (issue 16: under 200 KiB of
// compressed JavaScript, usable in under 4 s on a throttled phone); every other page loads when first
// opened. The day and cancel pages carry the booking form's checks (zod and the API's schemas, a
// quarter of the first load otherwise). Behind the admin gate (the token is asked for first), a
// loading line stands in the layout while a page's code arrives.
const loadDayPage = () => import('../features/day/RestaurantDayPage.tsx');
const RestaurantDayPage = lazy(() => loadDayPage().then((module) => ({ default: module.RestaurantDayPage })));
const CancelBookingPage = lazy(() =>
  import('../features/cancel/CancelBookingPage.tsx').then((module) => ({ default: module.CancelBookingPage })),
);
const ManagePage = lazy(() => import('../features/manage/ManagePage.tsx').then((module) => ({ default: module.ManagePage })));
const ReservationsPage = lazy(() =>
  import('../features/reservations/ReservationsPage.tsx').then((module) => ({ default: module.ReservationsPage })),
);
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.tsx').then((module) => ({ default: module.SettingsPage })));
const MessagesPage = lazy(() => import('../features/messages/MessagesPage.tsx').then((module) => ({ default: module.MessagesPage })));
const TimelinePage = lazy(() => import('../features/timeline/TimelinePage.tsx').then((module) => ({ default: module.TimelinePage })));

/**
 * The code of the guest's next page, a restaurant's day (a card's link), fetched ahead: called when the
 * first load is over and the browser idle, so that opening a restaurant does not wait for it.
 */
export function prefetchDayPage(): void {
  void loadDayPage();
}

/** The pages. The server answers every page path with index.html, so deep links and reloads work. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <LayoutError />,
      children: [
        {
          // A page that fails is replaced inside the layout, which stays: header, navigation, language, footer.
          errorElement: <RouteError />,
          children: [
            { path: routePatterns.find, element: <FindPage /> },
            {
              path: routePatterns.day,
              element: (
                <Suspense fallback={<Loading />}>
                  <RestaurantDayPage />
                </Suspense>
              ),
            },
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
            {
              path: routePatterns.messages,
              element: (
                <AdminGate>
                  <Suspense fallback={<Loading />}>
                    <MessagesPage />
                  </Suspense>
                </AdminGate>
              ),
            },
            {
              path: routePatterns.cancel,
              element: (
                <Suspense fallback={<Loading />}>
                  <CancelBookingPage />
                </Suspense>
              ),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}

import { createBrowserRouter } from 'react-router';
import { AdminGate } from '../features/admin/AdminGate.tsx';
import { CancelBookingPage } from '../features/cancel/CancelBookingPage.tsx';
import { RestaurantDayPage } from '../features/day/RestaurantDayPage.tsx';
import { FindPage } from '../features/find/FindPage.tsx';
import { ManagePage } from '../features/manage/ManagePage.tsx';
import { ReservationsPage } from '../features/reservations/ReservationsPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { TimelinePage } from '../features/timeline/TimelinePage.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { routePatterns } from './paths.ts';
import { RouteError } from './RouteError.tsx';

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
              <ReservationsPage />
            </AdminGate>
          ),
        },
        {
          path: routePatterns.timeline,
          element: (
            <AdminGate>
              <TimelinePage />
            </AdminGate>
          ),
        },
        {
          path: routePatterns.manage,
          element: (
            <AdminGate>
              <ManagePage />
            </AdminGate>
          ),
        },
        {
          path: routePatterns.settings,
          element: (
            <AdminGate>
              <SettingsPage />
            </AdminGate>
          ),
        },
        { path: routePatterns.cancel, element: <CancelBookingPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

import { restaurantRemindersSuite } from './restaurant-reminders.suite.ts';

restaurantRemindersSuite('pglite', '');

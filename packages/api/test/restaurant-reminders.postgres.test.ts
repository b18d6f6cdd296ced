import { describe, inject } from 'vitest';
import { restaurantRemindersSuite } from './restaurant-reminders.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  restaurantRemindersSuite('postgres', postgresUrl);
});

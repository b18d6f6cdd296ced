import { describe, inject } from 'vitest';
import { timedBookingSuite } from './timed-booking.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  timedBookingSuite('postgres', postgresUrl);
});

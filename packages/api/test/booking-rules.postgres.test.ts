import { describe, inject } from 'vitest';
import { bookingRulesSuite } from './booking-rules.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  bookingRulesSuite('postgres', postgresUrl);
});

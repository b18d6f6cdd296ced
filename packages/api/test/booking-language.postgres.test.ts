import { describe, inject } from 'vitest';
import { bookingLanguageSuite } from './booking-language.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  bookingLanguageSuite('postgres', postgresUrl);
});

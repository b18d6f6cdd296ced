import { describe, inject } from 'vitest';
import { realReservationsSuite } from './real-reservations.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  realReservationsSuite('postgres', postgresUrl);
});

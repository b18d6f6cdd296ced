import { describe, inject } from 'vitest';
import { pacingSuite } from './pacing.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  pacingSuite('postgres', postgresUrl);
});

import { describe, inject } from 'vitest';
import { guestCancelByCodeSuite } from './guest-cancel-by-code.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  guestCancelByCodeSuite('postgres', postgresUrl);
});

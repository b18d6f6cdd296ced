import { describe, inject } from 'vitest';
import { guestCancelByTokenSuite } from './guest-cancel-by-token.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  guestCancelByTokenSuite('postgres', postgresUrl);
});

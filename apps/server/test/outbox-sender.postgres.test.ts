import { describe, inject } from 'vitest';
import { outboxSenderSuite } from './outbox-sender.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  outboxSenderSuite('postgres', postgresUrl);
});

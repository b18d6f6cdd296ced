import { describe, inject } from 'vitest';
import { webhooksMessagesSuite } from './webhooks-messages.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  webhooksMessagesSuite('postgres', postgresUrl);
});

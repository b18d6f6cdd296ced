import { describe, inject } from 'vitest';
import { appSecretsSuite } from './app-secrets.suite.ts';

const postgresUrl = inject('postgresUrl');

describe.skipIf(!postgresUrl)('real PostgreSQL', () => {
  appSecretsSuite('postgres', postgresUrl);
});

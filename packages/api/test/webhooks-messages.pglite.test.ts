import { webhooksMessagesSuite } from './webhooks-messages.suite.ts';

webhooksMessagesSuite('pglite', '');

import { outboxSenderSuite } from './outbox-sender.suite.ts';

outboxSenderSuite('pglite', '');

import { describeApiCalls } from './api-calls.suite.ts';
import { describeExamples } from './examples.suite.ts';
import { describeServerRestart } from './server-restart.suite.ts';
import { useTablebookServer } from './support/fixtures.ts';
import { describeSubscriptions } from './subscriptions.suite.ts';
import { describeTransport } from './transport.suite.ts';

// One real server for every suite that needs one: starting it (PGlite and its migrations) costs
// seconds, the suites themselves much less. They use their own restaurant names and days.
const server = useTablebookServer();

describeApiCalls(server);
describeTransport(server);
describeExamples(server);
describeSubscriptions(server);
// Its own two servers on one PostgreSQL database: one of them is shut down and started again.
describeServerRestart();

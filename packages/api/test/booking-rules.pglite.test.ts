import { bookingRulesSuite } from './booking-rules.suite.ts';

bookingRulesSuite('pglite', '');

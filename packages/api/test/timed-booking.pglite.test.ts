import { timedBookingSuite } from './timed-booking.suite.ts';

timedBookingSuite('pglite', '');

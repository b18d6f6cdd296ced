import { realReservationsSuite } from './real-reservations.suite.ts';

realReservationsSuite('pglite', '');

import { bookingLanguageSuite } from './booking-language.suite.ts';

bookingLanguageSuite('pglite', '');

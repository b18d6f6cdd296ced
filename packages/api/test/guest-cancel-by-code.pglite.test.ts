import { guestCancelByCodeSuite } from './guest-cancel-by-code.suite.ts';

guestCancelByCodeSuite('pglite', '');

import { guestCancelByTokenSuite } from './guest-cancel-by-token.suite.ts';

guestCancelByTokenSuite('pglite', '');

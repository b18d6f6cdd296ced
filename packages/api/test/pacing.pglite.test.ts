import { pacingSuite } from './pacing.suite.ts';

pacingSuite('pglite', '');

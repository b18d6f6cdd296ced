import { appSecretsSuite } from './app-secrets.suite.ts';

appSecretsSuite('pglite', '');

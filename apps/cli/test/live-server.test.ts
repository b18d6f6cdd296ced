import { describeBinary } from './binary.suite.ts';
import { describeCancelByCode } from './cancel-by-code.suite.ts';
import { describeCommands } from './commands.suite.ts';
import { describeDelete } from './delete.suite.ts';
import { describeImport } from './import.suite.ts';
import { describePacing } from './pacing.suite.ts';
import { describeReservations } from './reservations.suite.ts';
import { describeSettings } from './settings.suite.ts';
import { useTablebookServer } from './support/server.ts';
import { describeTimeOfDay } from './time-of-day.suite.ts';

// One real server for every suite that needs one: starting it (PGlite and its migrations) costs
// seconds, the suites themselves much less. They use their own restaurant names and days.
const server = useTablebookServer();

describeCommands(server);
describeImport(server);
describeReservations(server);
describeTimeOfDay(server);
describeBinary(server);
describeDelete(server);
describeSettings(server);
describePacing(server);
// Last: it spends the address's guest-booking budget.
describeCancelByCode(server);

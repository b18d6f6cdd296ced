import type { Command } from '../args/command.ts';
import { availabilityCommand } from './availability.ts';
import { bookCommand } from './book.ts';
import { citiesCommand } from './cities.ts';
import { importCommand } from './import.ts';
import { messagesListCommand } from './messages-list.ts';
import { messagesRetryCommand } from './messages-retry.ts';
import { reservationsCancelCommand } from './reservations-cancel.ts';
import { reservationsListCommand } from './reservations-list.ts';
import { reservationsMoveCommand } from './reservations-move.ts';
import { reservationsShowCommand } from './reservations-show.ts';
import { reservationsStatusCommand } from './reservations-status.ts';
import { restaurantsCreateCommand } from './restaurants-create.ts';
import { restaurantsDeleteCommand } from './restaurants-delete.ts';
import { restaurantsListCommand } from './restaurants-list.ts';
import { restaurantsUpdateCommand } from './restaurants-update.ts';
import { settingsSetCommand } from './settings-set.ts';
import { settingsShowCommand } from './settings-show.ts';
import { slotsCommand } from './slots.ts';
import { webhooksAddCommand } from './webhooks-add.ts';
import { webhooksDeleteCommand } from './webhooks-delete.ts';
import { webhooksDeliveriesCommand } from './webhooks-deliveries.ts';
import { webhooksListCommand } from './webhooks-list.ts';
import { webhooksRotateSecretCommand } from './webhooks-rotate-secret.ts';

/** Every command, in the order the help lists them. */
export const commands: readonly Command[] = [
  citiesCommand,
  restaurantsListCommand,
  restaurantsCreateCommand,
  restaurantsUpdateCommand,
  restaurantsDeleteCommand,
  reservationsListCommand,
  reservationsShowCommand,
  reservationsCancelCommand,
  reservationsMoveCommand,
  reservationsStatusCommand,
  bookCommand,
  availabilityCommand,
  slotsCommand,
  importCommand,
  settingsShowCommand,
  settingsSetCommand,
  webhooksListCommand,
  webhooksAddCommand,
  webhooksDeleteCommand,
  webhooksRotateSecretCommand,
  webhooksDeliveriesCommand,
  messagesListCommand,
  messagesRetryCommand,
];

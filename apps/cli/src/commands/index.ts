import type { Command } from '../args/command.ts';
import { bookCommand } from './book.ts';
import { citiesCommand } from './cities.ts';
import { importCommand } from './import.ts';
import { reservationsListCommand } from './reservations-list.ts';
import { restaurantsCreateCommand } from './restaurants-create.ts';
import { restaurantsDeleteCommand } from './restaurants-delete.ts';
import { restaurantsListCommand } from './restaurants-list.ts';
import { restaurantsUpdateCommand } from './restaurants-update.ts';

/** Every command, in the order the help lists them. */
export const commands: readonly Command[] = [
  citiesCommand,
  restaurantsListCommand,
  restaurantsCreateCommand,
  restaurantsUpdateCommand,
  restaurantsDeleteCommand,
  reservationsListCommand,
  bookCommand,
  importCommand,
];

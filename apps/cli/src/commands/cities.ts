import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { cityColumns } from '../output/views.ts';

export const citiesCommand = defineCommand({
  path: ['cities'],
  summary: 'List the cities of Colombia (ids for --city)',
  usage: 'cities [--search TEXT]',
  arguments: [],
  flags: {
    search: { type: 'string', valueName: 'TEXT', description: 'only cities whose name contains TEXT' },
  },
  async run({ client, print }, { flags }) {
    const cities = await client.city.list.query({ search: flags.search });
    print.list(cities, cityColumns, 'No city matches.');
    return ExitCode.success;
  },
});

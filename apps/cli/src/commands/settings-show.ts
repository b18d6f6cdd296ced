import { defineCommand } from '../args/command.ts';
import { ExitCode } from '../exit-codes.ts';
import { settingsFields, settingsNotes } from './settings-fields.ts';

export const settingsShowCommand = defineCommand({
  path: ['settings', 'show'],
  summary: 'Show the stored daily limits',
  usage: 'settings show',
  arguments: [],
  flags: {},
  notes: settingsNotes,
  async run({ client, print }) {
    const limits = await client.settings.get.query();
    print.record('Daily limits', limits, settingsFields);
    return ExitCode.success;
  },
});

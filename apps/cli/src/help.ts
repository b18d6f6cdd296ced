import { commandName, type Command } from './args/command.ts';
import { globalFlags, type FlagSpecs } from './args/flags.ts';
import { EXIT_CODE_MEANINGS } from './exit-codes.ts';
import { formatTable } from './output/table.ts';

const EXIT_CODES = `Exit codes: ${Object.entries(EXIT_CODE_MEANINGS)
  .map(([code, meaning]) => `${code} ${meaning}`)
  .join(', ')}`;

function section(title: string, rows: readonly [string, string][]): string[] {
  if (rows.length === 0) return [];
  const lines = formatTable(
    rows,
    [
      { header: '', value: (row) => row[0] },
      { header: '', value: (row) => row[1] },
    ],
    { header: false },
  );
  return ['', `${title}:`, ...lines.map((line) => `  ${line}`)];
}

function flagRows(flags: FlagSpecs): [string, string][] {
  return Object.entries(flags).map(([name, spec]) => [
    `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.valueName ? ` ${spec.valueName}` : ''}`,
    `${spec.description}${spec.required ? ' (required)' : ''}`,
  ]);
}

const text = (lines: readonly string[]) => `${lines.join('\n')}\n`;

export function commandHelp(command: Command): string {
  return text([
    `Usage: tablebook ${command.usage} [global options]`,
    '',
    `${command.summary}.`,
    ...section(
      'Arguments',
      command.arguments.map((argument) => [`<${argument.name}>`, argument.description]),
    ),
    ...section('Options', flagRows(command.flags)),
    ...section('Global options', flagRows(globalFlags)),
    ...(command.notes ? ['', ...command.notes] : []),
  ]);
}

/** Help for the whole tool (no words) or for a group of commands ("restaurants"). */
export function overviewHelp(commands: readonly Command[], words: readonly string[]): string {
  const group = words.length > 0 ? `${words.join(' ')} ` : '';
  return text([
    words.length > 0 ? `Usage: tablebook ${group}<command> [options]` : 'tablebook: the command line for the Tablebook API',
    ...(words.length > 0 ? [] : ['', 'Usage: tablebook <command> [arguments] [options]']),
    ...section(
      'Commands',
      commands.map((command) => [commandName(command), command.summary]),
    ),
    ...section('Global options', flagRows(globalFlags)),
    ...(words.length > 0 ? [] : section('Options', [['-V, --version', "print tablebook's version"]])),
    '',
    'A restaurant is named by its id or by the start of its name (restaurants delete: its whole name, exactly);',
    'a city by its id, its name, or "Name, Department" where the name repeats across departments.',
    'Environment: TABLEBOOK_URL, TABLEBOOK_TOKEN (the --url and --token defaults).',
    'Errors are one line on stderr; with --json one JSON object there:',
    '  {"error":{"reason":"...","message":"...","status":409,"requestId":"..."}}',
    '  (status and requestId null without an answer from the server; reason USAGE for a usage error).',
    EXIT_CODES,
    `Run 'tablebook ${group}<command> --help' for a command's arguments and options.`,
  ]);
}

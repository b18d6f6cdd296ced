import { createClient } from '@tablebook/client';
import { commandName, type Command } from './args/command.ts';
import { commandsUnder, splitCommandLine, wantsHelp } from './args/dispatch.ts';
import { globalFlags, readFlags, requireFlags, takesValue } from './args/flags.ts';
import { unknownGlobalOption } from './args/global-options.ts';
import { commands } from './commands/index.ts';
import { UsageError } from './errors.ts';
import { exitCodeFor, ExitCode } from './exit-codes.ts';
import { commandHelp, overviewHelp } from './help.ts';
import type { CliIO } from './io.ts';
import { errorOutput } from './output/error-report.ts';
import { createPrinter } from './output/printer.ts';
import { serverSettings } from './settings.ts';
import { cliVersion } from './version.ts';

const argumentNames = (command: Command) => command.arguments.map((argument) => `<${argument.name}>`);

type CommandInput = Parameters<Command['run']>[1];

/**
 * The command's required arguments by name, or a usage error for too few or too many. A command whose
 * `argumentsOr` flag was given takes none: that flag names the thing instead.
 */
function bindInput(command: Command, positionals: readonly string[], flags: CommandInput['flags']): CommandInput {
  const expected = command.arguments;
  const instead = command.argumentsOr;
  if (instead !== undefined && typeof flags[instead] === 'string') {
    if (positionals.length > 0) throw new UsageError(`give either ${argumentNames(command).join(' ')}, or --${instead}, not both`);
    // The input's second form: the flag is a string, which the registry's index-signature types cannot say.
    return { args: undefined, flags } as CommandInput;
  }
  if (positionals.length < expected.length) {
    const missing = argumentNames(command).slice(positionals.length).join(' ');
    throw new UsageError(`missing ${missing}${instead !== undefined && positionals.length === 0 ? `, or --${instead}` : ''}`);
  }
  if (positionals.length > expected.length) {
    throw new UsageError(`unexpected argument "${positionals[expected.length]}"`);
  }
  return { args: Object.fromEntries(expected.map((argument, index) => [argument.name, positionals[index] as string])), flags };
}

/** The words before a "--" (after it every word is an argument). */
const optionWords = (tokens: readonly string[]) => (tokens.includes('--') ? tokens.slice(0, tokens.indexOf('--')) : tokens);

/**
 * The first word that is neither a flag nor a global flag's value (`--url http://x` holds no word), as
 * splitCommandLine reads the words before a command: an unknown command, if there is one.
 */
function firstWord(tokens: readonly string[]): string | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (takesValue(token, globalFlags)) index++;
    else if (!token.startsWith('-')) return token;
  }
  return undefined;
}

/** `pnpm run <script> -- <args>` passes its separating "--" through; it means nothing here. */
const withoutLeadingSeparator = (argv: readonly string[]) => (argv[0] === '--' ? argv.slice(1) : argv);

/** Whether the command line asks for errors as JSON: read from the words themselves, so even a wrong line gets one. */
export const jsonErrorsWanted = (argv: readonly string[]) => optionWords(withoutLeadingSeparator(argv)).includes('--json');

/** `tablebook --version` (or -V), with no command: git's, node's and npm's way of asking. */
const wantsVersion = (tokens: readonly string[]) => optionWords(tokens).some((token) => token === '--version' || token === '-V');

async function runCommand(command: Command, tokens: readonly string[], io: CliIO): Promise<ExitCode> {
  const specs = { ...globalFlags, ...command.flags };
  const line = readFlags(tokens, specs);
  // `tablebook book` lacks its restaurant first: the argument is said before the flags.
  const input = bindInput(command, line.positionals, line.flags);
  requireFlags(specs, line);
  const { flags } = line;
  const { url, token } = serverSettings(flags, io.env);
  const client = createClient({ url, token });
  const print = createPrinter((text) => io.stdout(text), flags.json === true);
  return command.run({ client, print, io }, input);
}

/** Runs one command line and returns the exit code; all output goes through `io`. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { command, words, rest } = splitCommandLine(withoutLeadingSeparator(argv), commands);
  const helpFor = command ? `${commandName(command)} ` : words.length > 0 ? `${words.join(' ')} ` : '';
  try {
    if (command) {
      if (wantsHelp(rest)) {
        io.stdout(commandHelp(command));
        return ExitCode.success;
      }
      return await runCommand(command, rest, io);
    }
    if (wantsHelp(rest)) {
      io.stdout(overviewHelp(commandsUnder(commands, words), words));
      return ExitCode.success;
    }
    const unknownOption = unknownGlobalOption(rest);
    if (unknownOption !== undefined) throw new UsageError(unknownOption);
    const next = firstWord(rest);
    if (words.length === 0 && next === undefined && wantsVersion(rest)) {
      io.stdout(`${cliVersion()}\n`);
      return ExitCode.success;
    }
    if (next !== undefined) throw new UsageError(`unknown command "${[...words, next].join(' ')}"`);
    const choices = [...new Set(commandsUnder(commands, words).map((entry) => entry.path[words.length]))];
    throw new UsageError(`missing ${words.length > 0 ? 'subcommand' : 'command'}: ${choices.join(', ')}`);
  } catch (error) {
    io.stderr(errorOutput(error, helpFor, jsonErrorsWanted(argv)));
    return exitCodeFor(error);
  }
}

import type { Command } from './command.ts';
import { globalFlags, takesValue } from './flags.ts';

export interface CommandLine {
  /** The command the leading words name, if they name one completely. */
  command: Command | undefined;
  /** The command words found ("restaurants" alone names a group). */
  words: string[];
  /** Everything else: flags (global ones may come before the command) and arguments. */
  rest: string[];
}

const startsPath = (command: Command, words: readonly string[]) => words.every((word, index) => command.path[index] === word);

/** Splits `tablebook [global flags] <command words> [arguments and flags]`. */
export function splitCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  const words: string[] = [];
  const rest: string[] = [];
  let command: Command | undefined;
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] as string;
    if (command || token.startsWith('-')) {
      rest.push(token);
      // Before the command only global flags are known: keep a flag's value with it.
      if (!command && takesValue(token, globalFlags) && index + 1 < argv.length) rest.push(argv[++index] as string);
      continue;
    }
    const candidate = [...words, token];
    if (!commands.some((entry) => startsPath(entry, candidate))) {
      rest.push(...argv.slice(index));
      break;
    }
    words.push(token);
    command = commands.find((entry) => entry.path.length === candidate.length && startsPath(entry, candidate));
  }
  return { command, words, rest };
}

/** The commands under the given words ("restaurants" → list, create…), for help and messages. */
export const commandsUnder = (commands: readonly Command[], words: readonly string[]): Command[] =>
  commands.filter((command) => startsPath(command, words));

export const wantsHelp = (tokens: readonly string[]) => tokens.includes('--help') || tokens.includes('-h');

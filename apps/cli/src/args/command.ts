import type { TablebookClient } from '@tablebook/client';
import type { ExitCode } from '../exit-codes.ts';
import type { CliIO } from '../io.ts';
import type { Printer } from '../output/printer.ts';
import type { FlagSpecs, FlagValues, GlobalFlags } from './flags.ts';

interface ArgumentSpec<A extends string = string> {
  readonly name: A;
  readonly description: string;
}

interface CommandContext {
  client: TablebookClient;
  print: Printer;
  io: CliIO;
}

type CommandFlags<F extends FlagSpecs> = FlagValues<F & GlobalFlags>;

/**
 * What a command is run with: its arguments by name; or, for a command whose `argumentsOr` flag was
 * given instead of them, no arguments (`args` undefined) and that flag's value.
 */
type CommandInput<F extends FlagSpecs, A extends string, R extends string> =
  | { args: Readonly<Record<A, string>>; flags: CommandFlags<F> }
  | ([R] extends [never] ? never : { args: undefined; flags: CommandFlags<F> & { readonly [K in R]: string } });

export interface Command<F extends FlagSpecs = FlagSpecs, A extends string = string, R extends string = string> {
  /** The words that name it: ["restaurants", "list"]. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Shown in help after "Usage: tablebook ". */
  readonly usage: string;
  /** Required positional arguments, in order. */
  readonly arguments: readonly ArgumentSpec<A>[];
  /**
   * A flag that names the thing instead of the arguments (`reservations cancel --code`): with it, no
   * argument may be given; without it, every one must be.
   */
  readonly argumentsOr?: R;
  readonly flags: F;
  readonly notes?: readonly string[];
  // Method syntax on purpose: commands with different flags then fit one registry.
  run(context: CommandContext, input: CommandInput<F, A, R>): Promise<ExitCode>;
}

/** Infers a command's flag and argument types from its declaration. */
export function defineCommand<const F extends FlagSpecs, const A extends string = never, const R extends keyof F & string = never>(
  command: Command<F, A, R>,
): Command<F, A, R> {
  return command;
}

export const commandName = (command: Pick<Command, 'path'>) => command.path.join(' ');
